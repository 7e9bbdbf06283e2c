/**
 * The toolbar popup: what the extension did on this page (ThisPage), a route checked by hand (RouteCheck), pasted
 * itinerary text (PasteItinerary), and under a judged itinerary the check-in card and the map of where the traveller
 * may go. The browser calls come in as callbacks from entrypoints/popup/App.tsx.
 */
import {ChinaMap} from '@/components/ChinaMap';
import {PasteItinerary} from '@/components/PasteItinerary';
import {RouteCheck} from '@/components/RouteCheck';
import {type RenderExtras} from '@/components/JudgedList';
import {ThisPage, type ThisPageProps} from '@/components/ThisPage';
import {mapText} from '@/lib/i18n/map-text';
import {t} from '@/lib/i18n/messages';
import type {Locale} from '@/lib/i18n/locale';
import type {RuleSet} from '@/lib/rules/rule-set';
import type {CheckResult, TripInput} from '@/lib/rules/types';
import type {Settings} from '@/lib/settings';
import {resultExtras, type PageSelection} from '@/lib/ui/popup';
import {readingNotes} from '@/lib/ui/details';
import {judgedAsText} from '@/lib/ui/result-text';
import {useId, useState} from 'preact/hooks';

type PopupViewProps = {
	settings: Settings;
	save: (next: Settings) => Promise<void>;
	locale: Locale;
	rules: RuleSet;
	today: string;
	/** The tab the popup is about, through the browser: see ThisPageProps. */
	page: Pick<ThisPageProps, 'load' | 'scanPage' | 'requestSite'>;
	openSettings: () => void;
	/** Opens the check-in card for this trip in a tab of its own. */
	openCard: (trip: TripInput) => void;
	/** The text selected on the tab's page, read on the user's click: see PasteItinerary. */
	readSelection?: () => Promise<PageSelection>;
	/** The page's context menu opened the popup to check the selection: it is read and checked at once. */
	checkSelectionNow?: boolean;
	/** Puts text on the clipboard (navigator.clipboard.writeText); absent: no copy button. */
	copyText?: (text: string) => Promise<void>;
};

export function PopupView({
	settings,
	save,
	locale,
	rules,
	today,
	page,
	openSettings,
	openCard,
	readSelection,
	checkSelectionNow,
	copyText,
}: PopupViewProps) {
	const extras: RenderExtras = (trip, result, heuristic) => (
		<ResultExtras
			trip={trip}
			result={result}
			heuristic={heuristic}
			locale={locale}
			rules={rules}
			today={today}
			openCard={openCard}
			copyText={copyText}
		/>
	);
	return (
		<main lang={locale}>
			<header>
				<h1 class="brand">{t('appName', locale)}</h1>
				<button type="button" class="link" onClick={openSettings}>
					{t('openSettings', locale)}
				</button>
			</header>
			<ThisPage locale={locale} settings={settings} save={save} rules={rules} today={today} renderExtras={extras} {...page} />
			<RouteCheck
				rules={rules}
				locale={locale}
				passports={settings.passports}
				today={today}
				onOpenSettings={openSettings}
				renderExtras={extras}
			/>
			<PasteItinerary
				rules={rules}
				locale={locale}
				passports={settings.passports}
				today={today}
				renderExtras={extras}
				readSelection={readSelection}
				checkSelectionNow={checkSelectionNow}
			/>
			<p class="hint" data-testid="rules-info">
				{t('rulesAsOf', locale, {date: rules.data.reviewedAt})} · {t('disclaimer', locale)}
			</p>
		</main>
	);
}

/**
 * Under a judged itinerary: the result as text to copy (an agent's note or e-mail; one read from text says so first);
 * for one read from structured data, the check-in card for an eligible stay (a tab of its own, to print or show) and,
 * for a stay where 240-hour transit applies or may apply, where the traveller may go.
 */
function ResultExtras({
	trip,
	result,
	heuristic,
	locale,
	rules,
	today,
	openCard,
	copyText,
}: {
	trip: TripInput;
	result: CheckResult;
	heuristic: boolean;
	locale: Locale;
	rules: RuleSet;
	today: string;
	openCard: (trip: TripInput) => void;
	copyText?: (text: string) => Promise<void>;
}) {
	const {card, mapAirports} = heuristic ? {card: false, mapAirports: null} : resultExtras(trip, result, rules, today);
	// Its own id: the popup may show several results, each with a map (a route checked, a text with several bookings).
	const mapHeading = useId();
	/** What the last copy did, said beside its button (and to a screen reader, politely). */
	const [copied, setCopied] = useState<'copyDone' | 'copyFailed'>();
	const copy = (write: (text: string) => Promise<void>) => {
		setCopied(undefined);
		write(judgedAsText([{trip, result}], rules, locale, readingNotes({heuristic}, locale))).then(
			() => setCopied('copyDone'),
			() => setCopied('copyFailed'),
		);
	};
	return (
		<>
			<div class="result-actions">
				{card ? (
					<button type="button" class="primary" onClick={() => openCard(trip)}>
						{t('openCard', locale)}
					</button>
				) : null}
				{copyText ? (
					<button type="button" onClick={() => copy(copyText)}>
						{t('copyResult', locale)}
					</button>
				) : null}
			</div>
			<p class={`copy-status ${copied === 'copyFailed' ? 'problem' : 'status-line'}`} role="status" data-testid="copy-status">
				{copied ? t(copied, locale) : null}
			</p>
			{mapAirports ? (
				<section aria-labelledby={mapHeading} class="map-section">
					<h3 id={mapHeading}>{mapText('heading', locale)}</h3>
					<ChinaMap rules={rules} locale={locale} airports={mapAirports} />
				</section>
			) : null}
		</>
	);
}
