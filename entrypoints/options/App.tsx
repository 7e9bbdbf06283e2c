import {browser} from '#imports';
import {useEffect, useState} from 'preact/hooks';
import {PassportPicker} from '@/components/PassportPicker';
import {useSettings} from '@/components/use-settings';
import {UserSites} from '@/components/UserSites';
import {adapters} from '@/lib/adapters';
import {resolveLocale, t} from '@/lib/i18n/messages';
import {LOCALES} from '@/lib/i18n/reason-text';
import {bundledRules} from '@/lib/rules/rule-set';
import {isShowableLink} from '@/lib/rules/source-links';
import {DETAIL_LEVELS, originPattern, type Settings} from '@/lib/settings';
import {isBuiltInOrigin} from '@/lib/sites';

const LANGUAGE_NAMES = {en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文'} as const;
const DETAIL_TEXT = {compact: 'detailCompact', standard: 'detailStandard', detailed: 'detailDetailed'} as const;

/** Which of the user's sites the browser has granted access to (the user can revoke it in the browser's settings). */
function useGranted(sites: string[] | undefined): [string[], () => void] {
	const [granted, setGranted] = useState<string[]>([]);
	const refresh = () => {
		if (!sites) return;
		void Promise.all(
			sites.map(async (s) => ((await browser.permissions.contains({origins: [originPattern(s)]})) ? s : undefined)),
		).then((list) => setGranted(list.filter((s): s is string => s !== undefined)));
	};
	useEffect(() => {
		refresh();
		browser.permissions.onAdded.addListener(refresh);
		browser.permissions.onRemoved.addListener(refresh);
		return () => {
			browser.permissions.onAdded.removeListener(refresh);
			browser.permissions.onRemoved.removeListener(refresh);
		};
	}, [JSON.stringify(sites)]);
	return [granted, refresh];
}

export function App() {
	const rules = bundledRules();
	const [settings, save] = useSettings();
	const [granted, refreshGranted] = useGranted(settings?.extraSites);
	const locale = resolveLocale(settings?.language ?? 'auto', navigator.language);
	if (!settings) return null;
	const update = (patch: Partial<Settings>) => void save({...settings, ...patch});
	const {rulesVersion, reviewedAt, latestRuleChange} = rules.data;
	return (
		<main lang={locale}>
			<h1>{t('optionsTitle', locale)}</h1>

			<section aria-labelledby="passports-h">
				<h2 id="passports-h">{t('passportsHeading', locale)}</h2>
				<p class="help">{t('passportsHelp', locale)}</p>
				<PassportPicker passports={settings.passports} locale={locale} onChange={(passports) => update({passports})} />
			</section>

			<section aria-labelledby="language-h">
				<h2 id="language-h">{t('languageHeading', locale)}</h2>
				<select
					aria-labelledby="language-h"
					value={settings.language}
					onChange={(e) => update({language: (e.target as HTMLSelectElement).value as Settings['language']})}
				>
					<option value="auto">{t('languageAuto', locale)}</option>
					{LOCALES.map((l) => (
						<option key={l} value={l}>
							{LANGUAGE_NAMES[l]}
						</option>
					))}
				</select>
			</section>

			<section aria-labelledby="detail-h">
				<h2 id="detail-h">{t('detailHeading', locale)}</h2>
				<fieldset class="plain" aria-describedby="detail-help">
					<legend class="visually-hidden">{t('detailHeading', locale)}</legend>
					{DETAIL_LEVELS.map((level) => (
						<label key={level} class="radio">
							<input
								type="radio"
								name="detail"
								value={level}
								checked={settings.detailLevel === level}
								onChange={() => update({detailLevel: level})}
							/>{' '}
							{t(DETAIL_TEXT[level], locale)}
						</label>
					))}
				</fieldset>
				<p id="detail-help" class="help">
					{t('detailHelp', locale)}
				</p>
			</section>

			<section aria-labelledby="sites-h">
				<h2 id="sites-h">{t('sitesHeading', locale)}</h2>
				<h3>{t('builtInSites', locale)}</h3>
				<ul class="sites">
					{adapters.map((a) => (
						<li key={a.id}>
							<label>
								<input
									type="checkbox"
									checked={!settings.disabledSites.includes(a.id)}
									onChange={(e) => {
										const on = (e.target as HTMLInputElement).checked;
										update({
											disabledSites: on
												? settings.disabledSites.filter((s) => s !== a.id)
												: [...settings.disabledSites, a.id],
										});
									}}
								/>{' '}
								{a.label}
							</label>
						</li>
					))}
				</ul>
				<h3>{t('userSitesHeading', locale)}</h3>
				<UserSites
					sites={settings.extraSites}
					granted={granted}
					locale={locale}
					isBuiltIn={isBuiltInOrigin}
					request={async (origin) => {
						const ok = await browser.permissions.request({origins: [originPattern(origin)]});
						refreshGranted();
						return ok;
					}}
					release={(origin) =>
						void browser.permissions
							.remove({origins: [originPattern(origin)]})
							.catch(() => false)
							.then(refreshGranted)
					}
					onChange={(extraSites) => update({extraSites})}
				/>
			</section>

			<section aria-labelledby="rules-h">
				<h2 id="rules-h">{t('rulesHeading', locale)}</h2>
				<p data-testid="rules-info">{t('rulesVersion', locale, {version: rulesVersion, reviewedAt, latest: latestRuleChange})}</p>
				<details>
					<summary>
						{t('sources', locale)} ({rules.data.sources.length})
					</summary>
					<ul class="source-list">
						{rules.data.sources.map((s) => (
							<li key={s.id} data-source={s.id}>
								{/* Publisher, title and date for every source; a link only to an allowlisted site over https. */}
								{s.id}:{' '}
								{isShowableLink(s.url) ? (
									<a href={s.url} target="_blank" rel="noreferrer noopener">
										{s.title}
									</a>
								) : (
									s.title
								)}{' '}
								— {s.publisher}
								{s.date ? ` (${s.date})` : ''}
								{s.official ? ` · ${t('sourceOfficialTag', locale)}` : ''}
								{isShowableLink(s.url) ? '' : ` · ${t('sourceNoLink', locale)}`}
							</li>
						))}
					</ul>
				</details>
			</section>
		</main>
	);
}
