import {useMemo, useState} from 'preact/hooks';
import {useSettings} from '@/components/settings-store';
import {adapters} from '@/lib/adapters';
import {countryName, countryOptions} from '@/lib/i18n/countries';
import {resolveLocale, t} from '@/lib/i18n/messages';
import {LOCALES} from '@/lib/i18n/reason-text';
import {loadRules} from '@/lib/rules/load-rules';
import type {Settings} from '@/lib/settings';

const LANGUAGE_NAMES = {en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文'} as const;

export function App() {
	const rules = loadRules();
	const [settings, save] = useSettings();
	const [choice, setChoice] = useState('');
	const locale = resolveLocale(settings?.language ?? 'auto', navigator.language);
	const options = useMemo(() => countryOptions(locale), [locale]);
	if (!settings) return null;
	const update = (patch: Partial<Settings>) => void save({...settings, ...patch});
	const add = (event: Event) => {
		event.preventDefault();
		if (!choice || settings.passports.includes(choice)) return;
		update({passports: [...settings.passports, choice]});
		setChoice('');
	};
	const {rulesVersion, reviewedAt, latestRuleChange} = rules.data;
	return (
		<main lang={locale}>
			<h1>{t('optionsTitle', locale)}</h1>

			<section aria-labelledby="passports-h">
				<h2 id="passports-h">{t('passportsHeading', locale)}</h2>
				<p class="help">{t('passportsHelp', locale)}</p>
				{settings.passports.length === 0 ? <p data-testid="no-passports">{t('noPassports', locale)}</p> : null}
				<ul class="passports" data-testid="passports">
					{settings.passports.map((code) => (
						<li key={code} data-code={code}>
							<span>
								{countryName(code, locale)} ({code})
							</span>
							<button type="button" onClick={() => update({passports: settings.passports.filter((p) => p !== code)})}>
								{t('removePassport', locale, {country: countryName(code, locale)})}
							</button>
						</li>
					))}
				</ul>
				<form onSubmit={add} class="add">
					<label>
						{t('countryLabel', locale)}{' '}
						<select value={choice} onChange={(e) => setChoice((e.target as HTMLSelectElement).value)} name="country">
							<option value="">—</option>
							{options.map((o) => (
								<option key={o.code} value={o.code} disabled={settings.passports.includes(o.code)}>
									{o.name} ({o.code})
								</option>
							))}
						</select>
					</label>{' '}
					<button type="submit" disabled={!choice}>
						{t('addPassport', locale)}
					</button>
				</form>
			</section>

			<section aria-labelledby="language-h">
				<h2 id="language-h">{t('languageHeading', locale)}</h2>
				<select aria-labelledby="language-h" value={settings.language} onChange={(e) => update({language: (e.target as HTMLSelectElement).value as Settings['language']})}>
					<option value="auto">{t('languageAuto', locale)}</option>
					{LOCALES.map((l) => (
						<option key={l} value={l}>
							{LANGUAGE_NAMES[l]}
						</option>
					))}
				</select>
			</section>

			<section aria-labelledby="sites-h">
				<h2 id="sites-h">{t('sitesHeading', locale)}</h2>
				<ul class="sites">
					{adapters.map((a) => (
						<li key={a.id}>
							<label>
								<input
									type="checkbox"
									checked={!settings.disabledSites.includes(a.id)}
									onChange={(e) => {
										const on = (e.target as HTMLInputElement).checked;
										update({disabledSites: on ? settings.disabledSites.filter((s) => s !== a.id) : [...settings.disabledSites, a.id]});
									}}
								/>{' '}
								{a.label}
							</label>
						</li>
					))}
				</ul>
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
							<li key={s.id}>
								{s.id}: {s.url ? <a href={s.url} target="_blank" rel="noreferrer noopener">{s.title}</a> : s.title} — {s.publisher}
								{s.date ? ` (${s.date})` : ''}
							</li>
						))}
					</ul>
				</details>
			</section>
		</main>
	);
}
