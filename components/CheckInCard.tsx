import type {ComponentChildren} from 'preact';
import {useEffect, useLayoutEffect, useRef, useState} from 'preact/hooks';
import {Arrows} from '@/components/Arrows';
import {useSettings} from '@/components/use-settings';
import {cardTri, type CardTextKey, type Tri} from '@/lib/i18n/check-in-card-text';
import {resolveLocale} from '@/lib/i18n/badge-messages';
import {t} from '@/lib/i18n/messages';
import type {Locale} from '@/lib/i18n/locale';
import type {RuleSet} from '@/lib/rules/rule-set';
import {readRulesInUse} from '@/lib/browser/rules-store';
import {validateTrip} from '@/lib/rules/validate';
import {chinaMap} from '@/lib/ui/china-map-data';
import {buildCard, type CardAirport, type CardOutcome, type CardWording, type CheckInCard} from '@/lib/ui/check-in-card';
import type {CardLinkError} from '@/lib/browser/check-in-card-link';
import {takeTripForThisTab} from '@/lib/browser/check-in-card-tab';
import {deviceToday} from '@/lib/time';

/** The card always speaks two languages: the reader's first, then the other (English or their Chinese). */
type Langs = {first: Locale; second: Locale};

function langsFor(locale: Locale): Langs {
	const zh: Locale = locale === 'zh-TW' ? 'zh-TW' : 'zh-CN';
	return locale === 'en' ? {first: 'en', second: zh} : {first: zh, second: 'en'};
}

const tx = (key: CardTextKey, params?: Record<string, string | number>): Tri => cardTri(key, params);

/** One text in both of the reader's languages: side by side, or one line each (`stack`). */
function Both({tri, langs, stack}: {tri: Tri; langs: Langs; stack?: boolean}) {
	return (
		<>
			<span lang={langs.first} class={stack ? 'line first' : 'first'}>
				<Arrows text={tri[langs.first]} locale={langs.first} />
			</span>
			{stack ? null : ' '}
			<span lang={langs.second} class={stack ? 'line second' : 'second'}>
				<Arrows text={tri[langs.second]} locale={langs.second} />
			</span>
		</>
	);
}

/** A section under its heading (`id`), in both languages. */
function Section({
	id,
	heading,
	langs,
	class: className,
	children,
}: {
	id: string;
	heading: CardTextKey;
	langs: Langs;
	class?: string;
	children: ComponentChildren;
}) {
	return (
		<section aria-labelledby={id} class={className}>
			<h2 id={id}>
				<Both tri={tx(heading)} langs={langs} />
			</h2>
			{children}
		</section>
	);
}

function useHash(): string {
	const [hash, setHash] = useState(location.hash);
	useEffect(() => {
		const update = () => setHash(location.hash);
		addEventListener('hashchange', update);
		return () => removeEventListener('hashchange', update);
	}, []);
	return hash;
}

/** The card's Chinese script: its first language's, or its second's where English comes first. */
function zhScriptOf(langs: Langs): 'zh-CN' | 'zh-TW' {
	return (langs.first === 'en' ? langs.second : langs.first) === 'zh-TW' ? 'zh-TW' : 'zh-CN';
}

/**
 * Airport names as the data has them: English always; Chinese where the airport has a Chinese name, else the Chinese
 * name of its city where the data has one (洛杉矶 for LAX), in the card's Chinese script (上海浦東國際機場 on a
 * Traditional card). The reader's language comes first, beside the code; the other follows (on its own line in
 * the itinerary table).
 */
function AirportName({a, langs}: {a: CardAirport; langs: Langs}) {
	const en = {lang: 'en', text: a.name};
	const zhScript = zhScriptOf(langs);
	const names = a.nameZh ?? a.cityZh;
	const zh = names ? {lang: zhScript, text: names[zhScript]} : undefined;
	const [main, alt] = langs.first === 'en' || !zh ? [en, zh] : [zh, en];
	return (
		<>
			<strong class="iata">{a.iata}</strong>
			<span lang={main.lang} class="airport-name">
				{main.text}
			</span>
			{alt ? (
				<span lang={alt.lang} class="airport-name alt">
					{alt.text}
				</span>
			) : null}
		</>
	);
}

/** One labelled value; `span` widens it across the facts grid (three columns). */
function Fact({
	label,
	langs,
	children,
	strong,
	span,
}: {
	label: Tri;
	langs: Langs;
	children: ComponentChildren;
	strong?: boolean;
	span?: 2 | 3;
}) {
	const classes = ['fact', strong ? 'strong' : '', span ? `span-${span}` : ''].filter(Boolean).join(' ');
	return (
		<div class={classes}>
			<dt>
				<Both tri={label} langs={langs} />
			</dt>
			<dd>{children}</dd>
		</div>
	);
}

/** `2026-03-16 17:00` as date over time, to keep the table narrow. */
function When({value}: {value: string | undefined}) {
	if (!value) return <>—</>;
	const [date, time] = value.split(' ');
	return (
		<>
			<span class="time date">{date}</span>
			{time ? <span class="time clock">{time}</span> : null}
		</>
	);
}

/** Where and when the stay starts or ends: the airport code with its Chinese name, then the local time. */
function StayPoint({
	a,
	value,
	otherwise,
	langs,
}: {
	a: CardAirport | undefined;
	value: string | undefined;
	/** Said where there is no value (the default: "not shown"). */
	otherwise?: Tri;
	langs: Langs;
}) {
	return (
		<>
			{a ? (
				<span class="stay-airport">
					<strong class="iata">{a.iata}</strong>
					{a.nameZh ? (
						<span lang={zhScriptOf(langs)} class="airport-name">
							{a.nameZh[zhScriptOf(langs)]}
						</span>
					) : null}
				</span>
			) : null}
			<span class="time line">{value ?? <Both tri={otherwise ?? tx('notShown')} langs={langs} />}</span>
		</>
	);
}

function Itinerary({card, langs}: {card: CheckInCard; langs: Langs}) {
	return (
		<Section id="h-itinerary" heading="itineraryHeading" langs={langs}>
			<table class="flights">
				<thead>
					<tr>
						{(['colFlight', 'colFrom', 'colTo', 'colDeparture', 'colArrival'] as const).map((key) => (
							<th key={key} scope="col">
								<Both tri={tx(key)} langs={langs} stack />
							</th>
						))}
					</tr>
				</thead>
				<tbody>
					{card.flights.map((f, i) => (
						<tr key={i}>
							<td class="flight-no">{f.flight ?? <Both tri={tx('flightNotGiven')} langs={langs} stack />}</td>
							<td>
								<AirportName a={f.from} langs={langs} />
							</td>
							<td>
								<AirportName a={f.to} langs={langs} />
							</td>
							<td>
								<When value={f.departure} />
							</td>
							<td>
								<When value={f.arrival} />
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</Section>
	);
}

function Stay({card, langs}: {card: CheckInCard; langs: Langs}) {
	const s = card.stay;
	const notShown = <Both tri={tx('notShown')} langs={langs} />;
	return (
		<Section id="h-stay" heading="stayHeading" langs={langs}>
			<dl class="facts">
				{s.airports.length > 1 ? (
					<Fact label={tx('airports')} langs={langs} span={3}>
						{s.airports.map((a, i) => (
							<span key={`${a.iata}-${i}`} class="stay-airport">
								{i > 0 ? (
									<>
										{' '}
										<span aria-hidden="true">→</span>
										<span class="visually-hidden">{t('routeTo', langs.first)}</span>{' '}
									</>
								) : null}
								<AirportName a={a} langs={langs} />
							</span>
						))}
					</Fact>
				) : null}
				<Fact label={tx('arrival')} langs={langs}>
					<StayPoint a={s.airports[0]} value={s.arrival} otherwise={s.arrivalNotBefore} langs={langs} />
				</Fact>
				<Fact label={tx('departure')} langs={langs}>
					<StayPoint a={s.airports[s.airports.length - 1]} value={s.departure} langs={langs} />
				</Fact>
				<Fact label={tx('timeInChinaLabel')} langs={langs}>
					{s.duration ? <Both tri={s.duration} langs={langs} stack /> : notShown}
				</Fact>
				{s.regime ? (
					<Fact label={tx('regimeLabel')} langs={langs}>
						<Both tri={s.regime} langs={langs} stack />
					</Fact>
				) : null}
				<Fact label={tx('permittedStay')} langs={langs} span={s.regime ? 2 : s.deadline ? undefined : 3}>
					<Both tri={s.limit} langs={langs} stack />
				</Fact>
				{s.deadline ? (
					<Fact label={tx('leaveBy')} langs={langs} strong span={s.regime ? 3 : 2}>
						<span data-testid="deadline">
							<Both tri={s.deadline.text} langs={langs} stack />
						</span>
					</Fact>
				) : null}
			</dl>
			{s.countingNote ? (
				<p class="note">
					<Both tri={s.countingNote} langs={langs} stack />
				</p>
			) : null}
			{s.areas ? (
				<div class="areas">
					<h3>
						<Both tri={tx('areaHeading')} langs={langs} />
					</h3>
					<p class="area-list">
						{s.areas.map((a, i) => {
							const zh = <span lang="zh-CN">{a.label[langs.first === 'en' ? 'zh-CN' : langs.first]}</span>;
							const en = <span lang="en">{a.name}</span>;
							return (
								<span key={a.province} class={a.visited ? 'area visited' : 'area'}>
									{i > 0 ? ' · ' : null}
									{a.visited ? '● ' : null}
									{langs.first === 'en' ? [en, ' ', zh] : [zh, ' ', en]}
								</span>
							);
						})}
						<span class="h-note">
							<Both tri={tx('areaVisitedNote')} langs={langs} />
						</span>
					</p>
				</div>
			) : null}
		</Section>
	);
}

/** A headed list of texts, each in both languages; `name` is its class and, after `h-`, its heading's id. */
function ListSection({name, heading, items, langs}: {name: string; heading: CardTextKey; items: Tri[]; langs: Langs}) {
	return (
		<Section id={`h-${name}`} heading={heading} langs={langs}>
			<ul class={name}>
				{items.map((c, i) => (
					<li key={i}>
						<Both tri={c} langs={langs} stack />
					</li>
				))}
			</ul>
		</Section>
	);
}

function Lists({card, langs}: {card: CheckInCard; langs: Langs}) {
	return (
		<div class="columns">
			<ListSection name="checks" heading="checksHeading" items={card.checks} langs={langs} />
			<ListSection name="reminders" heading="remindersHeading" items={card.reminders} langs={langs} />
		</div>
	);
}

function wordingLabel(w: CardWording, lang: 'en' | 'zh'): CardTextKey {
	if (w.kind === 'summary') return 'wordingSummary';
	if (lang === 'en' ? w.enIsTranslation : w.zhIsTranslation) return 'wordingTranslation';
	// English published beside a Chinese official text is still a rendering of it: say which one prevails.
	return lang === 'en' ? 'wordingOfficialEnglish' : 'wordingOfficial';
}

/** The wording in one language (the Chinese in its simplified original), with what kind of text it is. */
function Quote({w, lang, langs, note}: {w: CardWording; lang: 'en' | 'zh'; langs: Langs; note?: ComponentChildren}) {
	const tag = lang === 'en' ? 'en' : 'zh-CN';
	const translated = lang === 'en' ? w.enIsTranslation : w.zhIsTranslation;
	// Quotation marks only around words that are the source's own.
	const text = w.kind === 'quote' && !translated ? `“${w[lang]}”` : w[lang];
	return (
		<figure class="quote" data-testid={`wording-${lang}`}>
			<figcaption>
				<Both tri={tx(wordingLabel(w, lang))} langs={langs} />
				{note}
			</figcaption>
			{w.cite ? (
				<p lang={tag} class="cite">
					{w.cite[lang]}
				</p>
			) : null}
			<blockquote lang={tag}>{text}</blockquote>
		</figure>
	);
}

function Wording({w, langs}: {w: CardWording; langs: Langs}) {
	const blocks = {
		en: <Quote key="en" w={w} lang="en" langs={langs} />,
		zh: (
			<Quote
				key="zh"
				w={w}
				lang="zh"
				langs={langs}
				note={
					langs.first === 'zh-TW' && w.kind === 'quote' ? (
						<span lang="zh-TW" class="script-note">
							{' '}
							{tx('originalScript')['zh-TW']}
						</span>
					) : null
				}
			/>
		),
	};
	const s = w.source;
	return (
		<Section id="h-wording" heading="wordingHeading" langs={langs} class="wording">
			{w.kind === 'summary' ? (
				<p class="warn" data-testid="no-official-text">
					<Both tri={tx('wordingNone')} langs={langs} stack />
				</p>
			) : null}
			<div class={langs.first === 'en' ? 'quotes en-first' : 'quotes zh-first'}>
				{langs.first === 'en' ? [blocks.en, blocks.zh] : [blocks.zh, blocks.en]}
			</div>
			<p class="source" data-testid="source">
				<strong>
					<Both tri={tx('sourceLabel')} langs={langs} />
				</strong>
				{': '}
				<span lang="en">
					{s.title} — {s.publisher}
				</span>
				{', '}
				{w.date ? <span class="time">{w.date}</span> : <Both tri={tx('sourceUndated')} langs={langs} />}
				{' · '}
				<Both tri={tx(s.official ? 'sourceOfficial' : 'sourceNotOfficial')} langs={langs} />
				{s.url ? (
					<>
						{' · '}
						<a href={s.url} class="url">
							{s.url}
						</a>
					</>
				) : null}
			</p>
			{w.alsoAt.length > 0 ? (
				<p class="source" data-testid="also-at">
					<Both tri={tx('alsoAt')} langs={langs} />
					{': '}
					{w.alsoAt.map((a, i) => (
						<span key={a.id}>
							{i > 0 ? '; ' : null}
							{/* Named in full whether or not it has a link: a copy on an unvetted site is never linked. */}
							<span lang="en">
								{a.title} — {a.publisher}
							</span>
							{a.date ? (
								<>
									{', '}
									<span class="time">{a.date}</span>
								</>
							) : null}
							{a.official ? (
								<>
									{' · '}
									<Both tri={tx('sourceOfficial')} langs={langs} />
								</>
							) : null}
							{a.url ? (
								<>
									{' · '}
									<a href={a.url} class="url">
										{a.url}
									</a>
								</>
							) : null}
						</span>
					))}
				</p>
			) : null}
			{w.kind === 'quote' && !w.verified ? (
				<p class="note">
					<Both tri={tx('wordingUnverified')} langs={langs} />
				</p>
			) : null}
		</Section>
	);
}

function Card({card, langs}: {card: CheckInCard; langs: Langs}) {
	return (
		<article class="card" data-testid="card" data-policy={card.policy}>
			<header class="card-head">
				<h1>
					<span lang={langs.first} class="title-first">
						{card.policyName[langs.first]}
					</span>
					<span lang={langs.second} class="title-second">
						{card.policyName[langs.second]}
					</span>
				</h1>
				<p class="lead">
					<Both tri={tx('eligibleLine')} langs={langs} />
				</p>
				<dl class="passport">
					<dt>
						<Both tri={tx('passportNationality')} langs={langs} />
					</dt>
					<dd>
						{card.passport ? (
							<span data-testid="passport">
								<Both tri={card.passport.name} langs={langs} /> <span class="code">({card.passport.code})</span>
							</span>
						) : (
							<span data-testid="passport">
								<Both tri={tx('anyNationality')} langs={langs} />
							</span>
						)}
					</dd>
				</dl>
			</header>
			<Itinerary card={card} langs={langs} />
			<Stay card={card} langs={langs} />
			<Lists card={card} langs={langs} />
			<Wording w={card.wording} langs={langs} />
			<footer class="card-foot">
				{card.notices.map((n, i) => (
					<p key={i} class="warn">
						<Both tri={n} langs={langs} stack />
					</p>
				))}
				<p class="disclaimer">
					<Both tri={tx('disclaimer')} langs={langs} stack />
				</p>
			</footer>
		</article>
	);
}

const LINK_ERROR_TEXT: Record<CardLinkError, CardTextKey> = {
	missing: 'errorMissing',
	damaged: 'errorDamaged',
	expired: 'errorExpired',
	invalid: 'errorInvalid',
};

/** Names for the listed prefectures; a broken map file must not take the card down with it (codes show instead). */
function prefectureNames(): Record<string, string> {
	try {
		return chinaMap().prefectures;
	} catch {
		return {};
	}
}

type View =
	| {kind: 'loading'}
	| {kind: 'rules-error'; detail: string}
	| {kind: 'link-error'; code: CardLinkError; detail: string}
	| {kind: 'outcome'; outcome: CardOutcome};

async function viewFor(hash: string): Promise<View> {
	let rules: RuleSet;
	try {
		rules = await readRulesInUse();
	} catch (e) {
		return {kind: 'rules-error', detail: e instanceof Error ? e.message : String(e)};
	}
	const read = await takeTripForThisTab(hash, (trip) => validateTrip(trip, rules));
	if (!read.ok) return {kind: 'link-error', code: read.code, detail: read.error};
	return {kind: 'outcome', outcome: buildCard(read.trip, rules, deviceToday(), {prefectureNames: prefectureNames()})};
}

/** The view for the current key; a new key (the background reuses this tab for the next card) fetches its trip. */
function useView(hash: string): View {
	const [view, setView] = useState<View>({kind: 'loading'});
	useEffect(() => {
		let alive = true;
		setView({kind: 'loading'});
		void viewFor(hash).then((next) => alive && setView(next));
		return () => {
			alive = false;
		};
	}, [hash]);
	return view;
}

function Message({heading, text, detail, langs, testId}: {heading: Tri; text: Tri; detail?: string; langs: Langs; testId: string}) {
	return (
		<div class="message" data-testid={testId}>
			<h1>
				<Both tri={heading} langs={langs} stack />
			</h1>
			<p role="alert">
				<Both tri={text} langs={langs} stack />
			</p>
			{detail ? <p class="note">{tx('errorDetail', {detail})[langs.first]}</p> : null}
		</div>
	);
}

/** The printable height of an A4 page inside 12 mm margins (273 mm), in CSS pixels. */
const PAGE_HEIGHT_PX = (273 / 25.4) * 96;
/** Below this a printout is too small to read: a longer card may take a second page instead. */
const MIN_PRINT_ZOOM = 0.75;

/**
 * Keeps the printout on one page: the screen sheet has the print width, so its height is the printed height, and a
 * card taller than the page (many flights) is scaled down when printed. Follows changes (fonts, language) as they come.
 */
function fitToPage(sheet: HTMLElement): () => void {
	const print = matchMedia('print');
	const fit = () => {
		// Measured on the screen layout only: under print the zoom itself changes the sizes it would read.
		if (print.matches) return;
		const first = sheet.firstElementChild;
		const last = sheet.lastElementChild;
		if (!first || !last) return;
		const height = last.getBoundingClientRect().bottom - first.getBoundingClientRect().top;
		const zoom = height > PAGE_HEIGHT_PX ? Math.max(MIN_PRINT_ZOOM, Math.floor((PAGE_HEIGHT_PX / height) * 100) / 100) : 1;
		sheet.style.setProperty('--print-zoom', String(zoom));
	};
	fit();
	const observer = new ResizeObserver(fit);
	for (const el of sheet.children) observer.observe(el);
	print.addEventListener('change', fit);
	return () => {
		observer.disconnect();
		print.removeEventListener('change', fit);
	};
}

/** The check-in card page: the trip comes from storage.session under the key in the URL hash, the language from the settings. */
export function CheckInCard() {
	const [settings] = useSettings();
	const hash = useHash();
	const view = useView(hash);
	const locale = settings ? resolveLocale(settings.language, navigator.language) : undefined;
	const langs = locale ? langsFor(locale) : undefined;
	useEffect(() => {
		if (!langs) return;
		document.documentElement.lang = langs.first;
		const policy = view.kind === 'outcome' && view.outcome.ok ? ` — ${view.outcome.card.policyName[langs.first]}` : '';
		document.title = `${tx('pageTitle')[langs.first]}${policy}`;
	}, [langs?.first, view]);
	const card = view.kind === 'outcome' && view.outcome.ok ? view.outcome.card : undefined;
	const hasCard = card !== undefined;
	const sheet = useRef<HTMLElement>(null);
	useLayoutEffect(() => (hasCard && sheet.current ? fitToPage(sheet.current) : undefined), [hasCard, view, langs?.first]);
	if (!langs) return null;
	let body;
	if (view.kind === 'rules-error')
		body = <Message heading={tx('errorHeading')} text={tx('errorRules')} detail={view.detail} langs={langs} testId="card-error" />;
	else if (view.kind === 'link-error')
		body = (
			<Message
				heading={tx('errorHeading')}
				text={tx(LINK_ERROR_TEXT[view.code])}
				detail={view.detail}
				langs={langs}
				testId="card-error"
			/>
		);
	else if (view.kind === 'loading') body = null;
	else if (!view.outcome.ok)
		body = (
			<Message
				heading={tx('noCardHeading')}
				text={tx(
					view.outcome.reason === 'no-stop' ? 'noStop' : view.outcome.reason === 'earlier-rules' ? 'earlierRules' : 'notEligible',
				)}
				langs={langs}
				testId="no-card"
			/>
		);
	else body = card ? <Card card={card} langs={langs} /> : null;
	return (
		<main class="sheet" ref={sheet}>
			<div class="toolbar">
				<div>
					<p class="kicker">
						<Both tri={tx('kicker')} langs={langs} />
					</p>
					{card ? (
						<p class="kicker" data-testid="rules-as-of">
							<Both tri={tx('rulesAsOf', {date: card.rules.reviewedAt, version: card.rules.version})} langs={langs} />
						</p>
					) : null}
				</div>
				{card ? (
					<button type="button" class="print-button no-print" onClick={() => window.print()}>
						<Both tri={tx('print')} langs={langs} />
					</button>
				) : null}
			</div>
			{body}
		</main>
	);
}
