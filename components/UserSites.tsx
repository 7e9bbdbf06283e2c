/**
 * Sites the user added for the generic detector. Access is asked per site, through the callbacks the options page
 * wires to `browser.permissions` (request must run inside the click, so it is called before anything is awaited).
 */
import {t} from '@/lib/i18n/messages';
import type {Locale} from '@/lib/i18n/locale';
import {siteOrigin} from '@/lib/settings';
import {AddForm} from './AddForm';

type UserSitesProps = {
	sites: string[];
	/** Origins whose host permission is granted right now. */
	granted: string[];
	locale: Locale;
	/** Is this origin one of the built-in sites (nothing to add)? */
	isBuiltIn: (origin: string) => boolean;
	/** Asks the browser for access (the permission prompt); resolves true when granted. */
	request: (origin: string) => Promise<boolean>;
	onChange: (sites: string[]) => void;
	/** Gives the permission back when a site is removed. */
	release: (origin: string) => void;
};

export function UserSites({sites, granted, locale, isBuiltIn, request, onChange, release}: UserSitesProps) {
	const add = (text: string) => {
		const origin = siteOrigin(text);
		if (!origin) return t('userSiteInvalid', locale, {text: text.trim() || '—'});
		if (isBuiltIn(origin)) return t('userSiteBuiltIn', locale, {site: origin});
		const asked = request(origin); // first, while the click still counts as a user gesture
		return asked.then((ok) => {
			if (!ok) return t('siteDenied', locale, {site: origin});
			if (!sites.includes(origin)) onChange([...sites, origin]);
			return undefined;
		});
	};
	return (
		<>
			<p class="help">{t('userSitesHelp', locale)}</p>
			{sites.length === 0 ? <p data-testid="no-user-sites">{t('userSitesNone', locale)}</p> : null}
			<ul class="passports" data-testid="user-sites">
				{sites.map((site) => (
					<li key={site}>
						<span>
							{site}
							{granted.includes(site) ? null : <em class="warn"> — {t('userSiteNotGranted', locale)}</em>}
						</span>
						<span>
							{granted.includes(site) ? null : (
								<button type="button" onClick={() => void request(site)}>
									{t('userSiteGrant', locale)}
								</button>
							)}{' '}
							<button
								type="button"
								onClick={() => {
									release(site);
									onChange(sites.filter((s) => s !== site));
								}}
							>
								{t('userSiteRemove', locale, {site})}
							</button>
						</span>
					</li>
				))}
			</ul>
			<AddForm
				label={t('userSiteLabel', locale)}
				button={t('userSiteAdd', locale)}
				onAdd={add}
				problemId="site-problem"
				field={{name: 'site', type: 'text', inputMode: 'url', placeholder: 'agent.example.com'}}
			/>
		</>
	);
}
