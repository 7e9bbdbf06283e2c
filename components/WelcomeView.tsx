/**
 * The first-run page, opened once when the extension is installed: the passports (the one setting that changes
 * verdicts), what a badge looks like and where it appears, the privacy promise, and the way to every other setting.
 * Pure props, so tests render it in jsdom; entrypoints/welcome/App.tsx wires it to the browser.
 */
import {PassportPicker} from '@/components/PassportPicker';
import {LanguageSelect} from '@/components/LanguageSelect';
import {PrivacyPromise} from '@/components/PrivacyPromise';
import {adapters} from '@/lib/adapters';
import {t} from '@/lib/i18n/messages';
import {Arrows} from '@/components/Arrows';
import {badgeText} from '@/lib/i18n/badge-messages';
import type {Locale} from '@/lib/i18n/locale';
import type {Settings} from '@/lib/settings';

export type WelcomeViewProps = {
	settings: Settings;
	save: (next: Settings) => Promise<void>;
	locale: Locale;
	openOptions: () => void;
	/** Passports the rules in use hold nothing for (PassportPicker's `notCovered`); none until the rules are read. */
	notCovered?: readonly string[];
	/** The keys that open the popup, as the browser has them; nothing is said of them where none is set (yet). */
	shortcut?: string | null;
};

/** A result card as a booking site shows one, with the badge where the extension puts it: an illustration, not a page. */
type SampleCardProps = {route: string; detail: string; badge: string; tone: string; icon: string; locale: Locale};

function SampleCard({route, detail, badge, tone, icon, locale}: SampleCardProps) {
	return (
		<li class="sample-card">
			<span class="sample-route">
				<Arrows text={route} locale={locale} />
			</span>
			<span class="sample-detail">{detail}</span>
			<span class={`sample-badge tone-pill tone-${tone}`}>
				{icon ? (
					<span class="sample-icon" aria-hidden="true">
						{icon}
					</span>
				) : null}
				{badge}
			</span>
		</li>
	);
}

export function WelcomeView({settings, save, locale, openOptions, notCovered, shortcut}: WelcomeViewProps) {
	const sites = adapters.map((a) => a.label).join(' · ');
	return (
		<main lang={locale} class="welcome">
			<header>
				<h1 class="brand">{t('welcomeTitle', locale)}</h1>
				<p class="lead">{t('welcomeLead', locale)}</p>
				<label class="language">
					{t('languageHeading', locale)}{' '}
					<LanguageSelect value={settings.language} locale={locale} onChange={(language) => void save({...settings, language})} />
				</label>
			</header>

			<section class="card" aria-labelledby="welcome-passports-h">
				<h2 id="welcome-passports-h">{t('welcomeStepPassports', locale)}</h2>
				<p class="help">{t('welcomePassportsHelp', locale)}</p>
				<PassportPicker
					passports={settings.passports}
					locale={locale}
					onChange={(passports) => void save({...settings, passports})}
					notCovered={notCovered}
				/>
			</section>

			<section class="card" aria-labelledby="welcome-badge-h">
				<h2 id="welcome-badge-h">{t('welcomeStepBadge', locale)}</h2>
				<p class="help">{t('welcomeBadgeHelp', locale)}</p>
				<ul class="samples" aria-label={t('welcomeSamplesLabel', locale)}>
					<SampleCard
						route="JFK → PEK → NRT"
						detail={t('welcomeSampleStop', locale, {airport: 'PEK', hours: 3})}
						badge={badgeText('badge24', locale, {airport: 'PEK'})}
						tone="ok"
						icon=""
						locale={locale}
					/>
					<SampleCard
						route="LHR → PVG → SYD"
						detail={t('welcomeSampleStop', locale, {airport: 'PVG', hours: 50})}
						badge={badgeText('badge240NoDate', locale, {hours: 240})}
						tone="ok"
						icon=""
						locale={locale}
					/>
					<SampleCard
						route="DEL → CAN → LAX"
						detail={t('welcomeSampleStop', locale, {airport: 'CAN', hours: 30})}
						badge={badgeText('badgeNone', locale)}
						tone="none"
						icon="✗"
						locale={locale}
					/>
				</ul>
				<p class="help">{t('welcomeWhere', locale, {sites, menu: t('menuCheckSelection', locale)})}</p>
				{shortcut ? (
					<p class="help" data-testid="shortcut">
						{t('welcomeShortcut', locale)}
						{/* No space after a full-width colon. */}
						{locale === 'en' ? ' ' : null}
						<kbd>{shortcut}</kbd>
					</p>
				) : null}
			</section>

			<section class="card" aria-labelledby="welcome-privacy-h">
				<h2 id="welcome-privacy-h">{t('welcomeStepPrivacy', locale)}</h2>
				<PrivacyPromise locale={locale} />
			</section>

			<p class="actions">
				<button type="button" class="primary" onClick={openOptions}>
					{t('welcomeAllSettings', locale)}
				</button>
			</p>
		</main>
	);
}
