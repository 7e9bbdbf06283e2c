/**
 * The popup's "This page" section: what the extension did on the tab the popup is about, with what it offers there
 * (scan the page, turn a switched-off site back on, always run on a site the generic detector read). What it says and
 * offers is lib/ui/popup.ts' thisPageModel; the browser calls come in as callbacks from the popup's entry point.
 */
import {useEffect, useRef, useState} from 'preact/hooks';
import {Arrows} from '@/components/Arrows';
import {JudgedList, type RenderExtras} from '@/components/JudgedList';
import {countryInSentence} from '@/lib/i18n/countries';
import {t} from '@/lib/i18n/messages';
import type {Locale} from '@/lib/i18n/locale';
import type {SegmentInput} from '@/lib/itinerary';
import type {PageStatus} from '@/lib/detect/page-status';
import type {RuleSet} from '@/lib/rules/rule-set';
import type {Settings} from '@/lib/settings';
import {
	judgeFindings,
	thisPageModel,
	withSiteOn,
	withUserSite,
	type AlwaysState,
	type PopupTab,
	type RecordOffer,
	type ScanState,
} from '@/lib/ui/popup';

/** The tab and its content script's status: `tab` null where there is none, `status` undefined where none answered. */
export type PageFound = {tab: PopupTab | null; status: PageStatus | undefined};

/** How often, and how long after the last answer, the content script is asked again while its lookups are pending. */
const PENDING_ASKS = 8;
const PENDING_WAIT_MS = 250;
/** How often it is asked again while it is still reading the page (a scan just started): about five seconds. */
const READING_ASKS = 20;

/** Whether the status may change in a moment, and the popup should ask again (the `asked`-th time). */
const askAgain = (status: PageStatus | undefined, asked: number) =>
	(status?.lookupsPending === true && asked < PENDING_ASKS) || (status?.reading === true && asked < READING_ASKS);

export type ThisPageProps = {
	locale: Locale;
	settings: Settings;
	save: (next: Settings) => Promise<void>;
	rules: RuleSet;
	today: string;
	/** Finds the tab and asks its content script (once, when the popup opens). */
	load: () => Promise<PageFound>;
	/** Puts the content script into the tab and has it read the page; undefined where it did not answer. */
	scanPage: (tabId: number) => Promise<PageStatus | undefined>;
	/**
	 * Asks the browser for access to a site (the permission prompt); resolves true when granted. Called first in the
	 * click handler, before anything is awaited: browsers accept it only as a direct user action.
	 */
	requestSite: (origin: string) => Promise<boolean>;
	/** Extra parts under the itineraries judged here (a record's, with a nationality; the generic detector's). */
	renderExtras?: RenderExtras;
};

export function ThisPage({locale, settings, save, rules, today, load, scanPage, requestSite, renderExtras}: ThisPageProps) {
	const [found, setFound] = useState<PageFound>();
	const [scan, setScan] = useState<ScanState>('idle');
	const [always, setAlways] = useState<AlwaysState>();
	useEffect(() => {
		void load().then(setFound);
	}, []);
	// The page's reading waits for airport names or time zones the background has not answered yet, or the page is
	// still being read: ask again in a moment (a few times at most), so what the popup says is what the page shows.
	const [asked, setAsked] = useState(0);
	useEffect(() => {
		if (!found?.tab || !askAgain(found.status, asked)) return;
		const timer = setTimeout(() => {
			void load().then((next) => {
				if (next.status) setFound(next);
				setAsked((n) => n + 1);
			});
		}, PENDING_WAIT_MS);
		return () => clearTimeout(timer);
	}, [found, asked]);
	if (found === undefined) return null;
	/** The content script asked again; its answer replaces the status where there is one. */
	const refresh = async () => {
		const next = await load();
		if (next.status) setFound(next);
	};
	const {tab, status} = found;
	const {text, offerScan, offerTurnOn, offerAlways, note, findings, leftOut, record} = thisPageModel({
		tab,
		status,
		scan,
		always,
		settings,
		locale,
		airports: rules,
	});

	const runScan = () => {
		if (!tab) return;
		setScan('busy');
		void scanPage(tab.id)
			.then((reply) => {
				setFound({tab, status: reply});
				// A scan starts the page's reading: the popup asks again while it goes on, however often it asked before.
				setAsked(0);
				setScan(reply ? 'idle' : 'failed');
			})
			.catch(() => setScan('failed'));
	};
	const alwaysRun = (origin: string) => {
		// The permission request comes first in the click handler: browsers accept it only as a direct user action.
		void requestSite(origin).then(async (ok) => {
			if (!ok) return setAlways('denied');
			const next = withUserSite(settings, origin);
			if (next !== settings) await save(next);
			setAlways('on');
		});
	};

	return (
		<section aria-labelledby="page-h">
			<h2 id="page-h">{t('popupThisPage', locale)}</h2>
			<p data-testid="page-status" aria-live="polite">
				{text}
			</p>
			{offerScan ? (
				<>
					<button type="button" class="primary" disabled={offerScan.busy} aria-describedby="scan-help" onClick={runScan}>
						{offerScan.label}
					</button>
					<p id="scan-help" class="hint">
						{offerScan.help}
					</p>
				</>
			) : null}
			{offerTurnOn ? (
				<button type="button" class="primary" onClick={() => void save(withSiteOn(settings, offerTurnOn.adapter))}>
					{offerTurnOn.label}
				</button>
			) : null}
			{offerAlways ? (
				<button type="button" class="link" onClick={() => alwaysRun(offerAlways.origin)}>
					{offerAlways.label}
				</button>
			) : null}
			{note ? (
				<p class="hint" role="status">
					{note}
				</p>
			) : null}
			{record ? (
				<RecordCheck offer={record} locale={locale} rules={rules} today={today} refresh={refresh} renderExtras={renderExtras} />
			) : null}
			{findings.length > 0 ? (
				<GenericFindings
					itineraries={findings}
					locale={locale}
					passports={settings.passports}
					rules={rules}
					today={today}
					renderExtras={renderExtras}
				/>
			) : null}
			{/* A name whose answer is on its way is not unknown yet: the list waits for the answer that has it. */}
			{status?.lookupsPending && asked < PENDING_ASKS ? null : <NotChecked lines={leftOut} locale={locale} />}
		</section>
	);
}

/**
 * A record on the page gives the passengers' nationalities, and the badge was judged with the settings' passports:
 * the page's itineraries checked here with one of the record's nationalities, on request (never on the page).
 */
function RecordCheck({
	offer,
	locale,
	rules,
	today,
	refresh,
	renderExtras,
}: {
	offer: RecordOffer;
	locale: Locale;
	rules: RuleSet;
	today: string;
	/** Asks the content script for its status again. */
	refresh: () => Promise<void>;
	renderExtras?: ThisPageProps['renderExtras'];
}) {
	const [chosen, setChosen] = useState<string>();
	// The page's itineraries as the content script has them at the click: a scan's answer comes before the background's
	// time zones place a landing the page prints without its day, and the page may have changed since the popup opened.
	const choose = (code: string) =>
		void refresh()
			.catch(() => undefined)
			.then(() => setChosen(code));
	const resultRef = useRef<HTMLParagraphElement>(null);
	useEffect(() => {
		if (chosen) resultRef.current?.focus();
	}, [chosen]);
	const results = chosen ? judgeFindings(offer.itineraries, [chosen], rules, today) : [];
	const choices = offer.choices.filter(({code}) => code !== chosen);
	return (
		<div class="record-passports" data-testid="page-record">
			<p>{offer.text}</p>
			{choices.length > 0 ? (
				<p class="choices">
					{choices.map(({code, label}) => (
						<button key={code} type="button" class="link" onClick={() => choose(code)}>
							{label}
						</button>
					))}
				</p>
			) : null}
			{chosen ? (
				<div data-testid="page-record-result" aria-live="polite">
					<p ref={resultRef} tabIndex={-1}>
						{t('pasteRecordUsed', locale, {country: countryInSentence(chosen, locale)})}
					</p>
					{results.length > 0 ? (
						<JudgedList
							items={results}
							rules={rules}
							locale={locale}
							heuristic={offer.heuristic}
							renderExtras={
								renderExtras
									? ({segments, result}) => renderExtras({passports: [chosen], segments}, result, offer.heuristic)
									: undefined
							}
						/>
					) : null}
				</div>
			) : null}
		</div>
	);
}

/** What was read but not checked, a line each, under "Not checked:"; nothing where there is none. */
function NotChecked({lines, locale}: {lines: string[]; locale: Locale}) {
	if (lines.length === 0) return null;
	return (
		<div class="left-out" data-testid="generic-left-out">
			<p>{t('pasteLeftOut', locale)}</p>
			<ul>
				{lines.map((line) => (
					<li key={line}>
						<Arrows text={line} locale={locale} />
					</li>
				))}
			</ul>
		</div>
	);
}

/** What the generic text detector saw on a page whose layout is not recognised: judged, but never a plain ✓. */
function GenericFindings({
	itineraries,
	locale,
	passports,
	rules,
	today,
	renderExtras,
}: {
	itineraries: SegmentInput[][];
	locale: Locale;
	passports: string[];
	rules: RuleSet;
	today: string;
	renderExtras?: RenderExtras;
}) {
	const results = judgeFindings(itineraries, passports, rules, today);
	if (results.length === 0) return null;
	return (
		<div data-testid="generic-findings">
			<JudgedList
				items={results}
				rules={rules}
				locale={locale}
				heuristic
				renderExtras={renderExtras ? ({segments, result}) => renderExtras({passports, segments}, result, true) : undefined}
			/>
		</div>
	);
}
