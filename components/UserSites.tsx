/**
 * Sites the user added for the generic detector. Access is asked per site, through the callbacks the options page
 * wires to `browser.permissions` (request must run inside the click, so it is called before anything is awaited).
 */
import {useState} from 'preact/hooks';
import {t} from '@/lib/i18n/messages';
import type {Locale} from '@/lib/i18n/reason-text';
import {siteOrigin} from '@/lib/settings';

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
	const [text, setText] = useState('');
	const [problem, setProblem] = useState<string>();
	const add = (event: Event) => {
		event.preventDefault();
		const origin = siteOrigin(text);
		if (!origin) return setProblem(t('userSiteInvalid', locale, {text: text.trim() || '—'}));
		if (isBuiltIn(origin)) return setProblem(t('userSiteBuiltIn', locale, {site: origin}));
		const asked = request(origin); // first, while the click still counts as a user gesture
		void asked.then((ok) => {
			if (!ok) return setProblem(t('siteDenied', locale, {site: origin}));
			setProblem(undefined);
			setText('');
			if (!sites.includes(origin)) onChange([...sites, origin]);
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
			<form onSubmit={add} class="add" noValidate>
				<label>
					{t('userSiteLabel', locale)}{' '}
					<input
						name="site"
						type="text"
						inputMode="url"
						autocomplete="off"
						placeholder="agent.example.com"
						value={text}
						aria-invalid={problem ? true : undefined}
						aria-describedby={problem ? 'site-problem' : undefined}
						onInput={(e) => setText((e.target as HTMLInputElement).value)}
					/>
				</label>{' '}
				<button type="submit">{t('userSiteAdd', locale)}</button>
				{problem ? (
					<p id="site-problem" class="problem" role="alert">
						{problem}
					</p>
				) : null}
			</form>
		</>
	);
}
