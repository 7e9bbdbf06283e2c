/**
 * The options page: passports, language, how much detail the badges show, the sites the extension runs on (built-in
 * ones to switch off, the user's own to add), and the rules' version with their sources. The browser calls (host
 * permissions for the user's sites) come in as callbacks from entrypoints/options/App.tsx.
 */
import {PassportPicker} from '@/components/PassportPicker';
import {UserSites} from '@/components/UserSites';
import {LanguageSelect} from '@/components/LanguageSelect';
import {PrivacyPromise} from '@/components/PrivacyPromise';
import {RulesUpdates, type RulesUpdatesProps} from '@/components/RulesUpdates';
import {adapters} from '@/lib/adapters';
import {t} from '@/lib/i18n/messages';
import type {Locale} from '@/lib/i18n/locale';
import type {RuleSet} from '@/lib/rules/rule-set';
import {isShowableLink} from '@/lib/rules/source-links';
import {DETAIL_LEVELS, type Settings} from '@/lib/settings';
import {isBuiltInOrigin} from '@/lib/sites';

const DETAIL_TEXT = {compact: 'detailCompact', standard: 'detailStandard', detailed: 'detailDetailed'} as const;

export type OptionsViewProps = {
	settings: Settings;
	save: (next: Settings) => Promise<void>;
	locale: Locale;
	rules: RuleSet;
	/** The user's sites the browser grants access to right now. */
	granted: string[];
	/**
	 * Asks the browser for access to a site (the permission prompt); resolves true when granted. UserSites calls it
	 * first in the click handler, before anything is awaited: browsers accept it only as a direct user action.
	 */
	requestSite: (origin: string) => Promise<boolean>;
	/** Gives a removed site's access back. */
	releaseSite: (origin: string) => void;
	/** Signed rules updates: the switch and the last check (components/RulesUpdates.tsx). */
	updates: Omit<RulesUpdatesProps, 'locale' | 'enabled'>;
	/**
	 * The keyboard shortcut that opens the popup, once the browser has said which keys it has (null: none set), and
	 * a call that opens the browser's settings for it.
	 */
	shortcut?: {keys: string | null; change: () => void};
};

export function OptionsView({settings, save, locale, rules, granted, requestSite, releaseSite, updates, shortcut}: OptionsViewProps) {
	const update = (patch: Partial<Settings>) => void save({...settings, ...patch});
	const {rulesVersion, reviewedAt, latestRuleChange} = rules.data;
	return (
		<main lang={locale}>
			<h1 class="brand">{t('optionsTitle', locale)}</h1>

			<section class="card" aria-labelledby="passports-h">
				<h2 id="passports-h">{t('passportsHeading', locale)}</h2>
				<p class="help">{t('passportsHelp', locale)}</p>
				<PassportPicker
					passports={settings.passports}
					locale={locale}
					onChange={(passports) => update({passports})}
					notCovered={rules.data.passportsNotCovered.countries}
				/>
			</section>

			<section class="card" aria-labelledby="language-h">
				<h2 id="language-h">{t('languageHeading', locale)}</h2>
				<LanguageSelect
					labelledBy="language-h"
					value={settings.language}
					locale={locale}
					onChange={(language) => update({language})}
				/>
			</section>

			<section class="card" aria-labelledby="detail-h">
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

			<section class="card" aria-labelledby="sites-h">
				<h2 id="sites-h">{t('sitesHeading', locale)}</h2>
				<h3>{t('builtInSites', locale)}</h3>
				<ul class="sites">
					{adapters.map((a) => (
						<li key={a.id}>
							<label class="check">
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
					request={requestSite}
					release={releaseSite}
					onChange={(extraSites) => update({extraSites})}
				/>
			</section>

			{shortcut ? (
				<section class="card" aria-labelledby="shortcut-h">
					<h2 id="shortcut-h">{t('shortcutHeading', locale)}</h2>
					<p data-testid="shortcut">
						{shortcut.keys ? (
							<>
								<kbd>{shortcut.keys}</kbd> {t('shortcutSet', locale)}
							</>
						) : (
							t('shortcutNone', locale)
						)}
					</p>
					<button type="button" onClick={shortcut.change}>
						{t('shortcutChange', locale)}
					</button>
				</section>
			) : null}

			<section class="card" aria-labelledby="rules-h">
				<h2 id="rules-h">{t('rulesHeading', locale)}</h2>
				<p data-testid="rules-info">{t('rulesVersion', locale, {version: rulesVersion, reviewedAt, latest: latestRuleChange})}</p>
				<RulesUpdates locale={locale} enabled={settings.rulesUpdates} {...updates} />
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

			<section class="card" aria-labelledby="privacy-h">
				<h2 id="privacy-h">{t('privacyHeading', locale)}</h2>
				<PrivacyPromise locale={locale} />
			</section>
		</main>
	);
}
