/**
 * One page's life in the content script: which adapter reads it (the site's, or the generic page adapter where the
 * user asked for it), the scanner that runs it, and what the popup is told about it. The content script's entry only
 * wires this to the browser (settings storage, messages, the URL poll and the window's resize).
 */
import {adapterIn, type SiteAdapter} from '../adapters/types';
import {isIataCode} from '../airports';
import type {GenericDetector} from '../detect/generic-page';
import {pageStatus, type PageStatus} from '../detect/page-status';
import {resolveLocale} from '../i18n/badge-messages';
import type {EngineRules} from '../rules/engine-rules';
import type {Settings} from '../settings';
import {deviceToday} from '../time';
import {FOUND_ATTRIBUTE, markFound, UNPLACED_ATTRIBUTE} from './mark-document';
import {
	startScanner,
	type Mount,
	type PlacementCheck,
	type ScanSettings,
	type Scanner,
	type SizeWatch,
	type ClipWatch,
	type Point,
	type PointerReport,
	type PointerWatch,
} from './scanner';
import type {ToolbarVerdict} from '../ui/page-summary';
import type {Locale} from '../i18n/locale';

type PageSessionOptions = {
	doc: Document;
	/** The site adapters this content script carries (lib/adapters/carried.ts): its site's, or all of them. */
	adapters: readonly SiteAdapter[];
	/** The compact rules: no airport names (lookupNames finds those). */
	rules: EngineRules;
	settings: Settings;
	/**
	 * The generic readers, where the second content script put them into the page (a site the user added, or the
	 * popup's scan): the generic page adapter for pages no site adapter knows, the text detector for the popup.
	 */
	generic: () => GenericDetector | undefined;
	mount: Mount;
	checkPlacement: PlacementCheck;
	/** When the animations around a badge end (./placement-check.ts `afterAnimations`; ScannerOptions.afterAnimations). */
	afterAnimations?: (host: Element, card: Element, then: () => void) => void;
	/** Puts a badge over a click layer of its card, or back (ScannerOptions.lift). */
	lift?: (host: Element, card: Element, over: boolean, at?: Point) => void;
	/** The end-to-end build marks what it found on `<html>`; release builds never do. */
	testBuild: boolean;
	/** The message limits (lib/browser/message-types.ts MESSAGE_LIMITS): of the popup's status, of a name lookup. */
	limits: {segments: number; genericItineraries: number; recordNationalities: number; names: number; name: number; flight: number};
	/** The browser's language, for the "same as the browser" setting. */
	browserLanguage: string;
	/**
	 * Airport names the page wrote that the compact table cannot read, looked up where the names are (the background):
	 * each name's IATA code, or null. Without it, names stay unread.
	 */
	lookupNames?: (names: string[]) => Promise<Record<string, string | null>>;
	/**
	 * The time zones of airports (IATA codes), looked up where the zones are (the background): each one's IANA zone, or
	 * null. Asked only for flights the generic page's normaliser places (GenericDetector `arrivals`); without it, those
	 * arrivals are left out.
	 */
	lookupZones?: (codes: string[]) => Promise<Record<string, string | null>>;
	/**
	 * The toolbar button's state for this tab (extension UI, which the page cannot see): called a moment after the
	 * page's verdicts change, and with a count of 0 when a new page starts or the scan stops; never twice the same.
	 */
	toolbar?: (verdict: ToolbarVerdict & {locale: Locale}) => void;
	/** Runs a callback after `ms` (setTimeout in the page). */
	later?: (callback: () => void, ms: number) => void;
};

/**
 * The toolbar follows the page at most this often: counting every card on every frame would cost the page. Each
 * update is a pass over the page's badges and a message, code that runs a few times a page and so never gets fast:
 * on the bench page, which streams its 500 cards for about three seconds, every half second cost about 0.6 ms a
 * message (six of them); once a second makes it about three.
 */
const TOOLBAR_DELAY_MS = 1000;
/**
 * How far the clip watch's root reaches past each side of the viewport: farther than a results page is long (20,000
 * cards of 100 pixels are 2 million), so scrolling never takes a badge outside it. Not much more: Firefox keeps
 * lengths in 32 bits of sixtieths of a pixel, and a margin of 40 million pixels there left every badge outside.
 */
const CLIP_WATCH_MARGIN = '4000000px';

/** Names asked about on one page, at most: a page of junk cannot keep the background busy. */
const MAX_NAMES_PER_PAGE = 1000;

export type PageSession = {
	/** Reads the page at this URL: a new page load or an SPA navigation. */
	start: (url: string) => void;
	stop: () => void;
	/** The layout changed (a resize): check every badge's placement again. */
	recheck: () => void;
	settingsChanged: (next: Settings) => void;
	/** Other rules are in use now (a signed rules update was stored or forgotten): the page is read and judged again. */
	rulesChanged: (next: EngineRules) => void;
	/** The page came back from the back/forward cache, where the browser cleared its toolbar button: say it again. */
	toolbarAgain: () => void;
	/** The popup's "scan this page": the generic page adapter where no site adapter runs. */
	scanRequested: () => void;
	status: () => PageStatus;
};

function scanSettings(settings: Settings, browserLanguage: string): ScanSettings {
	return {passports: settings.passports, locale: resolveLocale(settings.language, browserLanguage), detailLevel: settings.detailLevel};
}

/** Site switched off, site added, or a scan asked for: the same list the popup and the options page show. */
const siteListsKey = (s: Settings) => JSON.stringify([s.disabledSites, s.extraSites]);

/** The page session's questions to the background not answered yet (names and zones): `count` keys on their way. */
type InFlight = {count: number};

/**
 * Asks `lookup` about keys (names, codes) in batches: each key once, up to `max` a page, at most `perMessage` in one
 * message with the others of the same moment; `answered` hears each batch's answers (none when there was no answer:
 * the extension was reloaded, say). The asker returns whether the key's answer is on its way (asked now or before,
 * not answered yet): false for a key answered, and for one past `max`, which is never asked. `inFlight` counts the
 * keys on their way.
 */
function askedInBatches<V>(
	lookup: (keys: string[]) => Promise<Record<string, V | null>>,
	perMessage: number,
	max: number,
	inFlight: InFlight,
	answered: (keys: string[], values: Record<string, V | null>) => void,
): (key: string) => boolean {
	const asked = new Set<string>();
	const waiting = new Set<string>();
	const pending: string[] = [];
	const flush = async () => {
		const keys = pending.splice(0, perMessage);
		if (pending.length > 0) queueMicrotask(() => void flush());
		let values: Record<string, V | null> = {};
		try {
			values = await lookup(keys);
		} catch {
			// No answer: the keys stay unknown, as without a lookup.
		}
		for (const key of keys) waiting.delete(key);
		inFlight.count -= keys.length;
		answered(keys, values);
	};
	return (key) => {
		if (asked.has(key)) return waiting.has(key);
		if (asked.size >= max) return false;
		asked.add(key);
		waiting.add(key);
		inFlight.count++;
		if (pending.push(key) === 1) queueMicrotask(() => void flush());
		return true;
	};
}

/**
 * The compact rules, taught the airport names the page uses: a name the table cannot read is asked about once, in
 * one message with the others of the same moment, and each answer has the cards read again (`learned`), whatever it
 * says: a card that met a name whose answer was still on its way is not unreadable yet (`awaitedNames`), and read
 * again it either reads or is.
 */
function withNameLookup(
	rules: EngineRules,
	lookup: PageSessionOptions['lookupNames'],
	perMessage: number,
	inFlight: InFlight,
	learned: () => void,
): EngineRules {
	if (!lookup) return rules;
	const aliases = new Map<string, string>();
	let met = 0;
	const ask = askedInBatches(lookup, perMessage, MAX_NAMES_PER_PAGE, inFlight, (names, codes) => {
		for (const name of names) {
			const code = codes[name];
			if (typeof code === 'string' && rules.airports[code]) aliases.set(name, code);
		}
		learned();
	});
	const onUnknownName = (name: string) => {
		if (ask(name)) met++;
	};
	return {...rules, aliases, onUnknownName, awaitedNames: () => met};
}

/**
 * The compact rules, taught the time zones of the airports whose flights the generic page's normaliser places
 * (GenericDetector `arrivals`): a code whose zone is asked for is looked up once, with the others of the same moment;
 * when an answer teaches a zone, `learned` runs (the page is read again).
 */
function withZoneLookup(
	rules: EngineRules,
	lookup: PageSessionOptions['lookupZones'],
	perMessage: number,
	inFlight: InFlight,
	learned: () => void,
): EngineRules {
	if (!lookup) return rules;
	const zones = new Map<string, string>();
	const ask = askedInBatches(lookup, perMessage, MAX_NAMES_PER_PAGE, inFlight, (codes, answers) => {
		let taught = false;
		for (const code of codes) {
			const zone = answers[code];
			if (typeof zone === 'string') {
				zones.set(code, zone);
				taught = true;
			}
		}
		if (taught) learned();
	});
	const zoneOf = (code: string): string | undefined => {
		const zone = zones.get(code);
		if (zone === undefined && isIataCode(code)) ask(code);
		return zone;
	};
	return {...rules, zoneOf};
}

/**
 * Whether the page renders a card (where the browser has Element.checkVisibility: not in a box with `display: none`);
 * asked when the popup asks what the page shows, so the style it needs is the page's own, computed once.
 */
function renderedIn(doc: Document): ((card: Element) => boolean) | undefined {
	if (typeof doc.documentElement.checkVisibility !== 'function') return undefined;
	return (card) => card.checkVisibility();
}

/** Calls back after the browser's next layout of the page (where it has ResizeObserver; else at once). */
function afterLayoutIn(doc: Document): ((callback: () => void) => void) | undefined {
	const Observer = doc.defaultView?.ResizeObserver;
	if (!Observer) return undefined;
	return (callback) => {
		const observer = new Observer(() => {
			observer.disconnect();
			callback();
		});
		observer.observe(doc.documentElement);
	};
}

/**
 * Watches elements' sizes (where the window has ResizeObserver): `onResize` hears, after a layout, those whose border
 * box changed since the last report. The first report of each element (the observer's, as it starts to watch it) only
 * notes its size. An element without a box: Chromium and Firefox report it as 0 × 0 as the watch starts, and its
 * change to a box is heard; an observer as the specification has it reports nothing until the box exists, and after
 * `awaitShown` that first report is heard. An element whose border box the observer has seen is not watched anew for
 * `awaitShown` (one scaled to nothing by a transform has a box, and a first report again would be heard again, frame
 * after frame): a change of its size is heard.
 */
export function sizeWatchIn(doc: Document): ((onResize: (elements: Element[]) => void) => SizeWatch) | undefined {
	const Observer = doc.defaultView?.ResizeObserver;
	if (!Observer) return undefined;
	return (onResize) => {
		const sizes = new WeakMap<Element, {width: number; height: number}>();
		const awaited = new WeakSet<Element>();
		const observer = new Observer((entries) => {
			const changed: Element[] = [];
			for (const {target, borderBoxSize} of entries) {
				const box = borderBoxSize[0];
				if (!box) continue;
				const before = sizes.get(target);
				sizes.set(target, {width: box.inlineSize, height: box.blockSize});
				if (before) {
					if (before.width !== box.inlineSize || before.height !== box.blockSize) changed.push(target);
				} else if (awaited.delete(target) && box.inlineSize >= 1 && box.blockSize >= 1) changed.push(target);
			}
			if (changed.length > 0) onResize(changed);
		});
		return {
			observe: (element) => observer.observe(element, {box: 'border-box'}),
			unobserve(element) {
				observer.unobserve(element);
				sizes.delete(element);
				awaited.delete(element);
			},
			awaitShown(element) {
				if (!sizes.has(element)) awaited.add(element);
			},
			disconnect: () => observer.disconnect(),
		};
	};
}

/**
 * Watches elements for being clipped (where the window has IntersectionObserver): `onClipped` hears those no longer
 * painted whole by the boxes around them. The observer's root is the viewport grown by far more than any page is long,
 * so scrolling changes nothing and only the boxes around an element clip it. Its one threshold, whole, reports an
 * element when it stops or starts being painted whole, after the frame that changed it, whatever did (a class, a
 * style, a rule changed in place); those now whole are not passed on. An element clipped by a box above its card (a
 * list that scrolls in a box of its own) is passed on as it is first reported and as that box scrolls it in and out:
 * its check finds it painted on its card.
 */
function clipWatchIn(doc: Document): ((onClipped: (elements: Element[]) => void) => ClipWatch) | undefined {
	const Observer = doc.defaultView?.IntersectionObserver;
	if (!Observer) return undefined;
	return (onClipped) => {
		const observer = new Observer(
			(entries) => {
				const clipped: Element[] = [];
				for (const entry of entries) if (entry.intersectionRatio < 1) clipped.push(entry.target);
				if (clipped.length > 0) onClipped(clipped);
			},
			{rootMargin: CLIP_WATCH_MARGIN, threshold: 1},
		);
		return {
			observe: (element) => observer.observe(element),
			unobserve: (element) => observer.unobserve(element),
			disconnect: () => observer.disconnect(),
		};
	};
}

/**
 * Times the pointer watch tells of one badge at most (the pointer, or the keyboard's focus): each is a placement check
 * with the browser's hit test (about 10 ms on a page of 500 cards), and a layer the badge cannot be lifted over, over
 * part of it, would otherwise be told again each time the pointer comes back to it from the badge.
 */
const MAX_POINTER_REPORTS = 4;

/**
 * The user's pointer over a badge's box finding something else there (a click layer of its card, which would take the
 * click), and where: told once for what it finds over a badge until it finds the badge itself (a few times a badge
 * at most), so that a layer the page lays over a badge after it was lifted over another is told too, while one it
 * cannot be lifted over (in a stacking context of its own) is not told again at every move. The browser hit-tests
 * every pointer move anyway, and says what it found as the event's target; so this costs a few property reads per
 * move, and nothing on a page nobody points at. A finger is told of as it goes down on a badge, and that badge is
 * checked at once (see `down`); the keyboard's focus on a badge is told too (see `focus`). Capturing listeners on the
 * window, which the page cannot see; only the browser's own events count (a page can dispatch any).
 */
function pointerWatchIn(doc: Document): ((onCovered: PointerReport) => PointerWatch) | undefined {
	const win = doc.defaultView;
	if (!win) return undefined;
	return (onCovered) => {
		const hostOf = new WeakMap<Element, Element>();
		const cardOf = new WeakMap<Element, Element>();
		/** What the pointer last found over each badge, as told, and how many times it was told. */
		const told = new WeakMap<Element, EventTarget>();
		const times = new WeakMap<Element, number>();
		/** The badge of the card under the pointer, if any. */
		let near: Element | undefined;
		const forget = (host: Element) => {
			const card = cardOf.get(host);
			cardOf.delete(host);
			told.delete(host);
			times.delete(host);
			if (card && hostOf.get(card) === host) hostOf.delete(card);
			if (near === host) near = undefined;
		};
		/** Tells of what the pointer found over the badge under it, if that is new; `now`: checked before this returns. */
		const tell = (event: PointerEvent, now: boolean) => {
			const host = near;
			const target = event.target;
			if (!host || !target || !event.isTrusted) return;
			// The badge itself found: what is over it elsewhere, or again later, is told anew.
			if (target === host) return void told.delete(host);
			if (told.get(host) === target) return;
			const count = times.get(host) ?? 0;
			if (count >= MAX_POINTER_REPORTS) return;
			const box = host.getBoundingClientRect();
			const {clientX: x, clientY: y} = event;
			if (x < box.left || x >= box.right || y < box.top || y >= box.bottom) return;
			told.set(host, target);
			times.set(host, count + 1);
			onCovered([host], {x, y}, now);
		};
		// A finger tells at its tap, not as it moves: a finger dragging over the badges scrolls the page.
		const move = (event: PointerEvent) => {
			if (event.pointerType !== 'touch') tell(event, false);
		};
		// A tap's click goes where the browser's hit test finds something at the end of the tap, which can come before
		// the next frame: the badge is checked, and lifted over a layer there, before the finger is up.
		const down = (event: PointerEvent) => {
			if (event.pointerType === 'touch' && event.isPrimary) tell(event, true);
		};
		const over = (event: PointerEvent) => {
			near = undefined;
			if (!event.isTrusted) return;
			for (let el = event.target instanceof win.Element ? event.target : null; el && !near; el = el.parentElement)
				near = hostOf.get(el);
			move(event);
		};
		// The keyboard's focus on a badge: the browser scrolls it into view, where what is over it can be asked. A badge
		// placed below the screen under something of its card that hides it (a veil over the card's content) would
		// otherwise take a keyboard user's focus unseen; checked in the next frame, it moves where it shows, its focus
		// with it (./card-badges.ts mountAt).
		const focus = (event: FocusEvent) => {
			const host = event.target;
			if (!event.isTrusted || !(host instanceof win.Element) || !cardOf.has(host)) return;
			const count = times.get(host) ?? 0;
			if (count >= MAX_POINTER_REPORTS) return;
			times.set(host, count + 1);
			onCovered([host]);
		};
		const options = {capture: true, passive: true};
		// Listened to from the first badge on: on a page without one (most results pages), no pointer move runs our code.
		let listening = false;
		return {
			observe(host, card) {
				hostOf.set(card, host);
				cardOf.set(host, card);
				if (listening) return;
				listening = true;
				win.addEventListener('pointerover', over, options);
				win.addEventListener('pointermove', move, options);
				win.addEventListener('pointerdown', down, options);
				win.addEventListener('focusin', focus, options);
			},
			unobserve: forget,
			disconnect() {
				listening = false;
				win.removeEventListener('pointerover', over, options);
				win.removeEventListener('pointermove', move, options);
				win.removeEventListener('pointerdown', down, options);
				win.removeEventListener('focusin', focus, options);
			},
		};
	};
}

function detectTextWith(detector: GenericDetector | undefined, rules: EngineRules, today: string) {
	return detector ? (text: string) => detector.textFindings(text, rules, today) : undefined;
}

export function createPageSession(options: PageSessionOptions): PageSession {
	const {doc, testBuild} = options;
	let genericPage: {detector: GenericDetector; adapter: SiteAdapter} | undefined;
	/** The generic page adapter, made once the second script is in the page; undefined until then. */
	const genericAdapter = (): SiteAdapter | undefined => {
		const detector = options.generic();
		if (detector && genericPage?.detector !== detector) genericPage = {detector, adapter: detector.pageAdapter(rules)};
		return genericPage?.adapter;
	};
	const reread = () => scanner?.reread();
	const inFlight: InFlight = {count: 0};
	const taught = (base: EngineRules) =>
		withZoneLookup(
			withNameLookup(base, options.lookupNames, options.limits.names, inFlight, reread),
			options.lookupZones,
			options.limits.names,
			inFlight,
			reread,
		);
	let rules = taught(options.rules);
	let settings = options.settings;
	let scanner: Scanner | undefined;
	let url = doc.URL;
	let scanAsked = false;
	/** The built-in site adapter for this URL, among those this script carries. */
	const adapterFor = (here: URL) => adapterIn(options.adapters, here);
	const adapterHere = (here: URL): SiteAdapter | undefined => {
		const site = adapterFor(here);
		if (site) return settings.disabledSites.includes(site.id) ? undefined : site;
		return scanAsked || settings.extraSites.includes(here.origin) ? genericAdapter() : undefined;
	};
	let shown = '';
	let toolbarPending = false;
	const showToolbar = () => {
		if (!options.toolbar) return;
		const verdict = scanner?.verdict() ?? {withStops: 0, tone: null, text: ''};
		const locale = scanSettings(settings, options.browserLanguage).locale;
		const key = JSON.stringify([verdict, locale]);
		// Nothing to show and nothing shown yet (most pages): no message at all.
		if (key === shown || (shown === '' && verdict.withStops === 0)) return;
		shown = key;
		options.toolbar({...verdict, locale});
	};
	const toolbarLater = () => {
		if (toolbarPending || !options.toolbar) return;
		toolbarPending = true;
		(options.later ?? ((f, ms) => void setTimeout(f, ms)))(() => {
			toolbarPending = false;
			showToolbar();
		}, TOOLBAR_DELAY_MS);
	};
	const stop = () => {
		scanner?.stop();
		scanner = undefined;
		showToolbar();
	};
	const start = (next: string) => {
		stop();
		url = next;
		const root = doc.documentElement;
		if (testBuild) for (const name of [FOUND_ATTRIBUTE, UNPLACED_ATTRIBUTE]) root.removeAttribute(name);
		const here = new URL(url);
		const adapter = adapterHere(here);
		if (!adapter) return;
		const today = deviceToday();
		scanner = startScanner({
			adapter,
			doc,
			rules,
			referenceDate: adapter.referenceDate?.(here) ?? today,
			today,
			settings: scanSettings(settings, options.browserLanguage),
			mount: options.mount,
			log: (message) => console.warn(message),
			schedule: (callback) => void requestAnimationFrame(callback),
			onBatch: testBuild ? (found) => markFound(root, found) : undefined,
			now: () => performance.now(),
			checkPlacement: options.checkPlacement,
			afterAnimations: options.afterAnimations,
			afterLayout: afterLayoutIn(doc),
			rendered: renderedIn(doc),
			watchSizes: sizeWatchIn(doc),
			watchClips: clipWatchIn(doc),
			watchPointer: pointerWatchIn(doc),
			lift: options.lift,
			onChange: toolbarLater,
			...(options.later ? {later: options.later} : {}),
			...(genericPage?.adapter === adapter
				? {arrivals: genericPage.detector.arrivals, normalizeAround: genericPage.detector.normalizeAround}
				: {}),
		});
		scanner.scan();
	};
	return {
		start,
		stop,
		recheck: () => scanner?.recheck(),
		settingsChanged(next) {
			const sitesChanged = siteListsKey(next) !== siteListsKey(settings);
			settings = next;
			if (sitesChanged) start(url);
			else scanner?.setSettings(scanSettings(next, options.browserLanguage));
			toolbarLater();
		},
		toolbarAgain() {
			shown = '';
			showToolbar();
		},
		rulesChanged(next) {
			rules = taught(next);
			genericPage = undefined;
			if (scanner) start(url);
		},
		scanRequested() {
			if (scanner) return;
			scanAsked = true;
			start(url);
		},
		status() {
			const here = new URL(url);
			const today = deviceToday();
			return pageStatus({
				site: adapterFor(here),
				running: scanner ? adapterHere(here) : adapterFor(here),
				disabledSites: settings.disabledSites,
				found: scanner?.found() ?? {itineraries: 0, withStops: 0, unplaced: 0},
				stats: scanner?.stats(),
				record: scanner?.record(),
				pageLeftOut: scanner?.leftOut(),
				pdf: doc.contentType === 'application/pdf',
				pageText: () => (doc.body as HTMLElement | null)?.innerText ?? '',
				detectText: detectTextWith(options.generic(), rules, today),
				lookupsPending: () => inFlight.count > 0,
				reading: () => scanner?.reading() ?? false,
				limits: options.limits,
			});
		},
	};
}
