// @vitest-environment jsdom
/**
 * The scanner's mechanics (batching, fingerprints, recycled cards, restores, failures) with a small test adapter
 * over plain markup. The real adapters are proven on real pages in their own tests and end to end.
 */
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {defineAdapter, type Extraction, type SiteAdapter} from '../../lib/adapters/types';
import {loadRules} from '../../lib/rules/load-rules';
import {startScanner, type BadgeView, type Mount, type PlacementCheck, type Point} from '../../lib/scan/scanner';
import type {ScannerOptions} from '../../lib/scan/scan-run';
import {RESTORE_QUIET_MS} from '../../lib/scan/card-badges';

const rules = loadRules();

/** Cards are <li data-legs="JFK PEK 2026-03-15T13:00 2026-03-16T16:00|PEK NRT …">. */
let extractCalls = 0;
let throwOn: string | undefined;
const testAdapter: SiteAdapter = defineAdapter({
	id: 'test-site',
	label: 'Test site',
	confidence: 'structured',
	matches: ['https://test.invalid/*'],
	isItineraryPage: () => true,
	examples: [],
	counterExamples: [],
	findCards: (root) => [...root.querySelectorAll('li[data-legs]')],
	extract: (card) => {
		extractCalls++;
		const legs = card.getAttribute('data-legs')!;
		if (legs === throwOn) throw new Error('adapter bug');
		return {
			status: 'ok',
			itinerary: {
				segments: legs.split('|').map((leg) => {
					const [from, to, dep, arr] = leg.split(' ');
					return {
						from: from!,
						to: to!,
						departs: {date: dep!.slice(0, 10), time: dep!.slice(11)},
						arrives: {date: arr!.slice(0, 10), time: arr!.slice(11)},
					};
				}),
			},
		};
	},
	// Two places, as real adapters give: right after the card's first line, else at the end of the card.
	badgePlacements: (card) => [
		{anchor: card.firstElementChild ?? card, append: 'after'},
		{anchor: card, append: 'last'},
	],
});

type Mounted = {host: HTMLElement; views: BadgeView[]; removed: boolean};
let mounted: Mounted[] = [];
let logs: string[] = [];

const mount: Mount = (placement, view) => {
	const host = document.createElement('ctc-badge');
	host.tabIndex = 0;
	host.textContent = view.summary.text;
	const {anchor, append} = placement;
	if (append === 'first') anchor.prepend(host);
	else if (append === 'last') anchor.append(host);
	else if (append === 'before') anchor.before(host);
	else anchor.after(host);
	const m: Mounted = {host, views: [view], removed: false};
	mounted.push(m);
	return {
		update(next) {
			m.views.push(next);
			host.textContent = next.summary.text;
		},
		remove() {
			m.removed = true;
			host.remove();
		},
		isConnected: () => host.isConnected,
		host,
		focus: () => host.focus(),
	};
};

const PEK_24H = 'JFK PEK 2026-03-15T13:00 2026-03-16T16:00|PEK NRT 2026-03-16T18:30 2026-03-16T22:45';
const PVG_3D = 'LAX PVG 2026-03-15T11:00 2026-03-16T17:00|PVG ICN 2026-03-19T09:00 2026-03-19T12:00';
const HKG_ONLY = 'SFO HKG 2026-03-15T13:00 2026-03-16T19:00|HKG NRT 2026-03-16T22:00 2026-03-17T03:30';

function page(...legs: string[]) {
	document.body.innerHTML = `<ul>${legs.map((l) => `<li data-legs="${l}"><span>card</span></li>`).join('')}</ul>`;
}

/** The scanner's clock in a test that sets one (none: the scanner's own, which stands still). */
let clock: (() => number) | undefined;
let running: {stop: () => void}[] = [];
afterEach(() => {
	for (const s of running) s.stop();
	running = [];
	clock = undefined;
});

function start(
	passports: string[] = [],
	checkPlacement?: PlacementCheck,
	adapter: SiteAdapter = testAdapter,
	watchSizes?: ScannerOptions['watchSizes'],
	watchClips?: ScannerOptions['watchClips'],
	afterAnimations?: ScannerOptions['afterAnimations'],
	more: Partial<ScannerOptions> = {},
) {
	const scanner = startScanner({
		...more,
		now: clock,
		checkPlacement,
		watchSizes,
		watchClips,
		afterAnimations,
		adapter,
		doc: document,
		rules,
		referenceDate: '2026-03-01',
		today: '2026-03-01',
		settings: {passports, locale: 'en'},
		mount,
		log: (m) => logs.push(m),
		schedule: (cb) => void setTimeout(cb, 0),
	});
	running.push(scanner);
	return scanner;
}

/** What a framework does when it reuses a card node for another result: new data, re-rendered children. */
function recycle(card: Element, legs: string) {
	card.setAttribute('data-legs', legs);
	card.replaceChildren(Object.assign(document.createElement('span'), {textContent: 'card'}));
}

/**
 * The observer's callback first (a microtask, which schedules the scan's frame), then a timer after that frame's: the
 * 10 ms timer set before the callback ran could fire first on a loaded machine.
 */
const tick = async () => {
	await Promise.resolve();
	await new Promise((r) => setTimeout(r, 10));
};
const badges = () => [...document.querySelectorAll('ctc-badge')].map((b) => b.textContent);

/**
 * A pointer watch that watches nothing itself: `report` tells the scanner what the real one would (the pointer found
 * something over these badges, at that point; `now` for a finger going down).
 */
function pointerStub(): {
	watchPointer: NonNullable<ScannerOptions['watchPointer']>;
	report: (hosts: Element[], at?: Point, now?: boolean) => void;
} {
	let told: (hosts: Element[], at?: Point, now?: boolean) => void = () => {};
	return {
		watchPointer: (onCovered) => {
			told = onCovered;
			return {observe: () => {}, unobserve: () => {}, disconnect: () => {}};
		},
		report: (hosts, at, now) => told(hosts, at, now),
	};
}

beforeEach(() => {
	mounted = [];
	logs = [];
	extractCalls = 0;
	throwOn = undefined;
});

describe('scanner', () => {
	it('badges each card with a mainland stop, once, and none without one', () => {
		page(PEK_24H, HKG_ONLY, PVG_3D);
		const s = start();
		s.scan();
		s.scan(); // idempotent: nothing re-mounted
		expect(badges()).toEqual(['24h transit ✓ PEK', 'Set your passport']);
		expect(mounted).toHaveLength(2);
		expect(s.found()).toEqual({itineraries: 3, withStops: 2, unplaced: 0});
		s.stop();
	});

	it('judges an itinerary that the page lists twice once, and again after the settings change', async () => {
		page(PVG_3D, PEK_24H, PVG_3D);
		const s = start();
		s.scan();
		expect(badges()).toEqual(['Set your passport', '24h transit ✓ PEK', 'Set your passport']);
		expect(s.stats().evaluations).toBe(2);
		s.setSettings({passports: ['US'], locale: 'en'});
		await tick();
		expect(badges()).toEqual(['240h visa-free ✓ until 26 Mar', '24h transit ✓ PEK', '240h visa-free ✓ until 26 Mar']);
		expect(s.stats().evaluations).toBe(4);
		s.stop();
	});

	it('re-evaluates, without extracting again, when the passports change', async () => {
		page(PVG_3D);
		const s = start();
		s.scan();
		expect(badges()).toEqual(['Set your passport']);
		const calls = extractCalls;
		s.setSettings({passports: ['US'], locale: 'en'});
		await tick();
		expect(badges()).toEqual(['240h visa-free ✓ until 26 Mar']);
		expect(mounted).toHaveLength(1); // updated in place
		expect(extractCalls - calls).toBe(0); // the stored segments are judged again; the card is not read
		s.stop();
	});

	it('follows a recycled card node to its new itinerary (re-sorted, virtualised lists)', async () => {
		page(PEK_24H);
		const s = start(['US']);
		s.scan();
		expect(badges()).toEqual(['24h transit ✓ PEK']);
		recycle(document.querySelector('li')!, HKG_ONLY);
		await tick();
		expect(badges()).toEqual([]);
		recycle(document.querySelector('li')!, PVG_3D);
		await tick();
		expect(badges()).toEqual(['240h visa-free ✓ until 26 Mar']);
		s.stop();
	});

	it('removes badges of cards that leave the page, and everything on stop', async () => {
		page(PEK_24H, PVG_3D);
		const s = start(['US']);
		s.scan();
		document.querySelector('li')!.remove();
		await tick();
		expect(mounted[0]!.removed).toBe(true);
		expect(badges()).toEqual(['240h visa-free ✓ until 26 Mar']);
		s.stop();
		expect(badges()).toEqual([]);
	});

	it('puts a deleted badge back at most three times', async () => {
		page(PEK_24H);
		const s = start();
		s.scan();
		for (let i = 0; i < 5; i++) {
			document.querySelector('ctc-badge')?.remove();
			await tick();
		}
		expect(mounted).toHaveLength(4); // the first and three restores
		expect(badges()).toEqual([]);
		s.stop();
	});

	it('puts a deleted badge back each time the page re-renders its card a while apart (three times in a row at most)', async () => {
		page(PEK_24H);
		let ms = 1000;
		clock = () => ms;
		const s = start();
		s.scan();
		const card = document.querySelector('li')!;
		// The page re-renders the card now and then (prices refreshed, the card opened and closed): its badge goes with
		// the old content, and comes back each time.
		for (let i = 0; i < 6; i++) {
			ms += RESTORE_QUIET_MS;
			recycle(card, PEK_24H);
			await tick();
			expect(badges()).toHaveLength(1);
		}
		expect(mounted).toHaveLength(7);
		// Deleted as soon as it is back, again and again: three restores in a row, then left alone.
		ms += RESTORE_QUIET_MS;
		for (let i = 0; i < 5; i++) {
			ms += 10;
			document.querySelector('ctc-badge')?.remove();
			await tick();
		}
		expect(mounted).toHaveLength(10);
		expect(badges()).toEqual([]);
		// Until the page changes the card again after a quiet while.
		ms += RESTORE_QUIET_MS;
		recycle(card, PEK_24H);
		await tick();
		expect(badges()).toHaveLength(1);
	});

	it('an adapter that throws costs only that card, and is logged once', async () => {
		page(PEK_24H, PVG_3D);
		throwOn = PEK_24H;
		const s = start(['US']);
		s.scan();
		s.scan();
		expect(badges()).toEqual(['240h visa-free ✓ until 26 Mar']);
		expect(logs).toEqual(['[ctc:test-site] extract threw: Error: adapter bug']);
		s.stop();
	});

	it('counts the cards that do not read as an itinerary (no badge: the popup says so), until they read; not one still rendering', async () => {
		// What real adapters answer: failed (the card no longer looks as expected), unsupported (a transfer in a city
		// with several airports, on Trip.com), incomplete (still rendering); and an adapter that throws.
		const answer: Record<string, Extraction> = {
			failed: {status: 'failed', reason: 'itinerary sentence not understood'},
			unsupported: {status: 'unsupported', reason: 'transfer in Shanghai: the card names the city, not which of its airports'},
			incomplete: {status: 'incomplete', missing: ['legs']},
		};
		const adapter = defineAdapter({
			...testAdapter,
			extract: (card, context) => answer[card.getAttribute('data-as') ?? ''] ?? testAdapter.extract(card, context),
		});
		// The second flight leaves Beijing before the first lands there: times that cannot all be true.
		const impossible = 'JFK PEK 2026-03-15T13:00 2026-03-16T16:00|PEK NRT 2026-03-16T10:00 2026-03-16T14:00';
		page(PEK_24H, PVG_3D, PVG_3D, PVG_3D, impossible, PEK_24H, HKG_ONLY);
		const cards = [...document.querySelectorAll('li')];
		cards[1]!.setAttribute('data-as', 'failed');
		cards[2]!.setAttribute('data-as', 'unsupported');
		cards[3]!.setAttribute('data-as', 'incomplete');
		throwOn = PEK_24H;
		cards[0]!.setAttribute('data-legs', `${PEK_24H} `); // read as PEK_24H, but not thrown on
		const s = start([], undefined, adapter);
		s.scan();
		// Unread: the failed, the unsupported, the impossible times and the one thrown on (the sixth card).
		expect(s.found()).toEqual({itineraries: 2, withStops: 1, unplaced: 0, unread: 4});
		expect(badges()).toHaveLength(1);
		// Each reads once the page renders it again: the count goes, and its badges come.
		throwOn = undefined;
		for (const card of cards.slice(1, 4)) {
			card.removeAttribute('data-as');
			recycle(card, card.getAttribute('data-legs')!);
		}
		recycle(cards[4]!, PVG_3D);
		recycle(cards[5]!, PVG_3D);
		await tick();
		expect(s.found()).toEqual({itineraries: 7, withStops: 6, unplaced: 0});
		expect(badges()).toHaveLength(6);
		// A card that stops reading (the page recycled it into something the adapter cannot read) is counted again.
		cards[0]!.setAttribute('data-as', 'failed');
		recycle(cards[0]!, PEK_24H);
		await tick();
		expect(s.found()).toEqual({itineraries: 6, withStops: 5, unplaced: 0, unread: 1});
	});

	it('batches many mutations into one scan', async () => {
		page(PEK_24H);
		const s = start();
		s.scan();
		const before = s.stats().batches;
		for (let i = 0; i < 50; i++) document.body.append(document.createElement('div'));
		await tick();
		expect(s.stats().batches - before).toBe(1);
		s.stop();
	});
});

describe('scanner work bounds', () => {
	it('reads only the cards that changed, and every card of a long list in the end', async () => {
		page(...Array.from({length: 250}, () => PEK_24H));
		const s = start();
		s.scan();
		await tick();
		await tick();
		expect(badges()).toHaveLength(250); // 100 cards read per batch, the rest on the following frames
		const calls = extractCalls;
		document.querySelectorAll('li')[7]!.replaceChildren(Object.assign(document.createElement('span'), {textContent: 'changed'}));
		await tick();
		expect(extractCalls - calls).toBe(1);
		s.stop();
	});
});

describe('scanner: badges are placed where they are painted whole', () => {
	/** A stand-in for the layout check: the places listed here clip (jsdom has no layout; the real check is below). */
	const clippedAt =
		(clips: (host: Element) => boolean): PlacementCheck =>
		(host) =>
			clips(host) ? 'clipped' : 'painted';
	const atEnd = (host: Element) => host.parentElement?.tagName === 'LI' && host.nextSibling === null;

	it('moves a clipped badge to the next placement', () => {
		page(PEK_24H);
		const s = start(
			[],
			clippedAt((host) => !atEnd(host)),
		);
		s.scan();
		const host = document.querySelector('ctc-badge')!;
		expect(atEnd(host)).toBe(true);
		expect(document.querySelectorAll('ctc-badge')).toHaveLength(1);
		expect(s.found()).toEqual({itineraries: 1, withStops: 1, unplaced: 0});
	});

	it('counts a badge that fits nowhere, and leaves no clipped badge in the page', () => {
		page(PEK_24H, PVG_3D);
		const s = start(
			[],
			clippedAt((host) => host.closest('li')?.getAttribute('data-legs') === PEK_24H),
		);
		s.scan();
		expect(badges()).toEqual(['Set your passport']);
		expect(s.found()).toEqual({itineraries: 2, withStops: 2, unplaced: 1});
		expect(s.stats().unplaced).toBe(1);
		expect(logs.some((l) => /could not be placed/.test(l))).toBe(true);
	});

	it('waits for a card that is not laid out yet, and checks again after the layout changes', async () => {
		page(PEK_24H);
		let layout: 'none' | 'narrow' | 'wide' = 'none';
		const s = start([], () => (layout === 'none' ? 'not-rendered' : layout === 'narrow' ? 'clipped' : 'painted'));
		s.scan();
		expect(badges()).toHaveLength(1);
		expect(s.found().unplaced).toBe(0);
		layout = 'narrow'; // the card is laid out, too narrow for the badge anywhere
		s.recheck();
		await tick();
		expect(badges()).toHaveLength(0);
		expect(s.found().unplaced).toBe(1);
		layout = 'wide'; // the window grew: the best placement fits again
		s.recheck();
		await tick();
		expect(badges()).toHaveLength(1);
		expect(document.querySelector('li > span + ctc-badge')).not.toBeNull();
		expect(s.found().unplaced).toBe(0);
	});

	it('a card not rendered (in a hidden tab panel) is checked again when its size watch hears it shown, not after every change of the page meanwhile', async () => {
		page(PEK_24H, HKG_ONLY);
		const card = document.querySelector('li')!;
		card.append(document.createElement('em')); // a second line: the first placement is not the card's end
		let shown = false;
		let checks = 0;
		const awaited: Element[] = [];
		let resized: ((elements: Element[]) => void) | undefined;
		const s = start(
			[],
			(host) => {
				checks++;
				if (!shown) return 'not-rendered';
				return atEnd(host) ? 'painted' : 'clipped'; // shown, the panel's layout clips its first place
			},
			testAdapter,
			(onResize) => {
				resized = onResize;
				return {observe: () => {}, unobserve: () => {}, disconnect: () => {}, awaitShown: (el) => void awaited.push(el)};
			},
		);
		s.scan();
		await tick();
		expect(checks).toBe(1);
		expect(awaited).toEqual([card]);
		// The page goes on changing around it: the hidden card is not checked again for that.
		const other = document.querySelectorAll('li')[1]!;
		for (let i = 0; i < 3; i++) {
			other.append(document.createElement('i'));
			document.querySelector('ul')!.append(Object.assign(document.createElement('li'), {textContent: `ad ${i}`}));
			await tick();
		}
		expect(checks).toBe(1);
		expect(atEnd(document.querySelector('ctc-badge')!)).toBe(false);
		// The traveller switches tabs: the watch hears the card's first size, and its badge is checked and moved.
		shown = true;
		resized!([card]);
		await tick();
		expect(checks).toBeGreaterThan(1);
		expect(document.querySelectorAll('ctc-badge')).toHaveLength(1);
		expect(atEnd(document.querySelector('ctc-badge')!)).toBe(true);
		expect(s.found()).toEqual({itineraries: 2, withStops: 1, unplaced: 0});
	});

	it('checks a badge again when its card changes around it, and moves it once the card clips it there', async () => {
		page(PEK_24H);
		const card = document.querySelector('li')!;
		card.append(document.createElement('em')); // a second line: the first placement is not the card's end
		let compact = false; // the page's compact view, which clips the card's first line
		const s = start(
			[],
			clippedAt((host) => compact && !atEnd(host)),
		);
		s.scan();
		expect(atEnd(document.querySelector('ctc-badge')!)).toBe(false);
		// The page changes the card (same itinerary) and, with it, its layout.
		compact = true;
		card.querySelector('em')!.textContent = 'compact';
		await tick();
		await tick();
		expect(document.querySelectorAll('ctc-badge')).toHaveLength(1);
		expect(atEnd(document.querySelector('ctc-badge')!)).toBe(true);
		expect(s.found()).toEqual({itineraries: 1, withStops: 1, unplaced: 0});
	});

	it('a badge moved on goes back to an earlier placement when the layout clips it where it is and not there', async () => {
		page(PEK_24H);
		const card = document.querySelector('li')!;
		card.append(document.createElement('em')); // a second line: the first placement is not the card's end
		// A wide layout clips the card's first line; a narrow one, its end; a collapsed one, both.
		let layout: 'wide' | 'narrow' | 'collapsed' = 'wide';
		const s = start(
			[],
			clippedAt((host) => layout === 'collapsed' || (layout === 'wide' ? !atEnd(host) : atEnd(host))),
		);
		s.scan();
		expect(atEnd(document.querySelector('ctc-badge')!)).toBe(true);
		layout = 'narrow'; // the window narrowed: the end clips now, the first line fits
		s.recheck();
		await tick();
		expect(document.querySelectorAll('ctc-badge')).toHaveLength(1);
		expect(atEnd(document.querySelector('ctc-badge')!)).toBe(false);
		expect(s.found()).toEqual({itineraries: 1, withStops: 1, unplaced: 0});
		// Nothing fits: each placement is tried once in the round (the end, then no further), and the badge is unplaced.
		layout = 'collapsed';
		const mounts = mounted.length;
		s.recheck();
		await tick();
		expect(mounted.length - mounts).toBe(1);
		expect(badges()).toHaveLength(0);
		expect(s.found().unplaced).toBe(1);
		// From the end: the round wraps to the first line and stops where it began.
		layout = 'wide';
		s.recheck();
		await tick();
		expect(atEnd(document.querySelector('ctc-badge')!)).toBe(true);
		layout = 'collapsed';
		const again = mounted.length;
		s.recheck();
		await tick();
		expect(mounted.length - again).toBe(1); // the first line, once
		expect(badges()).toHaveLength(0);
		expect(s.found().unplaced).toBe(1);
	});

	it('a card whose size changes with nothing the page observer hears gets its badge checked again; it is watched until it leaves', async () => {
		page(PEK_24H, HKG_ONLY);
		const card = document.querySelector('li')!;
		card.append(document.createElement('em')); // a second line: the first placement is not the card's end
		// The page's compact view (a class on the list, which no adapter watches) clips the card's end; the wide one, its
		// first line.
		let compact = false;
		let resized: ((elements: Element[]) => void) | undefined;
		const watched: Element[] = [];
		const s = start(
			[],
			clippedAt((host) => (compact ? atEnd(host) : !atEnd(host))),
			testAdapter,
			(onResize) => {
				resized = onResize;
				return {
					observe: (el) => void watched.push(el),
					unobserve: (el) => void watched.splice(watched.indexOf(el), 1),
					disconnect: () => void watched.splice(0),
				};
			},
		);
		s.scan();
		await tick(); // the batch that follows the badge's move
		expect(atEnd(document.querySelector('ctc-badge')!)).toBe(true);
		// Only the card with a badge, once, though its badge moved.
		expect(watched).toEqual([card]);
		compact = true;
		card.parentElement!.className = 'compact';
		await tick();
		expect(atEnd(document.querySelector('ctc-badge')!)).toBe(true); // not heard: the badge is where it was
		resized!([card]);
		await tick();
		expect(document.querySelectorAll('ctc-badge')).toHaveLength(1);
		expect(atEnd(document.querySelector('ctc-badge')!)).toBe(false);
		expect(s.found()).toEqual({itineraries: 2, withStops: 1, unplaced: 0});
		card.remove();
		await tick();
		expect(watched).toEqual([]);
	});

	it('a card whose badge fits nowhere is not given its badge back for a change of its size (which taking it off made)', async () => {
		page(PEK_24H);
		const card = document.querySelector('li')!;
		let resized: ((elements: Element[]) => void) | undefined;
		const s = start(
			[],
			clippedAt(() => true), // an overlay covers every placement
			testAdapter,
			(onResize) => {
				resized = onResize;
				return {observe: () => {}, unobserve: () => {}, disconnect: () => {}};
			},
		);
		s.scan();
		await tick();
		expect(badges()).toHaveLength(0);
		expect(s.found().unplaced).toBe(1);
		const mounts = mounted.length;
		for (let i = 0; i < 3; i++) {
			resized!([card]); // the card shrank as its badge came off
			await tick();
		}
		expect(mounted.length).toBe(mounts);
		expect(s.found().unplaced).toBe(1);
		// A resize of the window still gives it another chance.
		s.recheck();
		await tick();
		expect(mounted.length).toBeGreaterThan(mounts);
	});

	/** A clip watch that records the hosts it watches; `report` says some were clipped, as its observer would. */
	const clipWatch = () => {
		const w = {watched: [] as Element[], report: (_hosts: Element[]) => {}, disconnected: false};
		const watch: NonNullable<ScannerOptions['watchClips']> = (onClipped) => {
			w.report = onClipped;
			return {
				observe: (el) => void w.watched.push(el),
				unobserve: (el) => void w.watched.splice(w.watched.indexOf(el), 1),
				disconnect: () => void (w.disconnected = true),
			};
		};
		return [w, watch] as const;
	};

	it('a badge clipped where it is, its card the same size, is checked again and moved; its host is watched while on its card', async () => {
		page(PEK_24H, HKG_ONLY);
		const card = document.querySelector('li')!;
		card.append(document.createElement('em')); // a second line: the first placement is not the card's end
		// A rule changed in place clips the card's end, its size the same; before it, the first line is clipped.
		let clipEnd = false;
		const [w, watch] = clipWatch();
		const s = start(
			[],
			clippedAt((host) => (clipEnd ? atEnd(host) : !atEnd(host))),
			testAdapter,
			undefined,
			watch,
		);
		s.scan();
		await tick();
		const first = document.querySelector('ctc-badge')!;
		expect(atEnd(first)).toBe(true);
		expect(w.watched).toEqual([first]); // the host it left is no longer watched
		clipEnd = true;
		await tick();
		expect(document.querySelector('ctc-badge')).toBe(first); // nothing heard: where it was
		w.report([first]);
		await tick();
		const moved = document.querySelector('ctc-badge')!;
		expect(atEnd(moved)).toBe(false);
		expect(w.watched).toEqual([moved]);
		expect(s.found()).toEqual({itineraries: 2, withStops: 1, unplaced: 0});
		// A report of a host no longer on its card changes nothing.
		const mounts = mounted.length;
		w.report([first]);
		await tick();
		expect(mounted.length).toBe(mounts);
		card.remove();
		await tick();
		expect(w.watched).toEqual([]);
		s.stop();
		expect(w.disconnected).toBe(true);
	});

	it('a badge clipped in every placement is taken off and no longer watched; reports of its hosts do not put it back', async () => {
		page(PEK_24H);
		const [w, watch] = clipWatch();
		const hosts: Element[] = [];
		const s = start(
			[],
			(host) => {
				hosts.push(host);
				return 'clipped';
			},
			testAdapter,
			undefined,
			watch,
		);
		s.scan();
		await tick();
		expect(badges()).toHaveLength(0);
		expect(s.found().unplaced).toBe(1);
		expect(w.watched).toEqual([]);
		const mounts = mounted.length;
		w.report(hosts);
		await tick();
		expect(mounted.length).toBe(mounts);
	});

	it('a clip report for a badge whose check is still to come is left to that check', async () => {
		page(PEK_24H);
		const [w, watch] = clipWatch();
		let checks = 0;
		const s = start(
			[],
			() => {
				checks++;
				return 'not-rendered'; // the card is not laid out yet: checked again after the next change
			},
			testAdapter,
			undefined,
			watch,
		);
		s.scan();
		await tick();
		expect(checks).toBe(1);
		expect(w.watched).toHaveLength(1);
		w.report([...w.watched]);
		await tick();
		expect(checks).toBe(1);
	});

	it('a badge in boxes the page animates stays where it is, and is checked again once the animations end', async () => {
		page(PEK_24H);
		const card = document.querySelector('li')!;
		card.append(document.createElement('em')); // a second line: the first placement is not the card's end
		let moving = true; // the card slides in: its first place clips the badge until it is open
		let checks = 0;
		const waits: {card: Element; then: () => void}[] = [];
		const s = start(
			[],
			(host) => {
				checks++;
				if (moving) return 'settling';
				return atEnd(host) ? 'painted' : 'clipped';
			},
			testAdapter,
			undefined,
			undefined,
			(_host, at, then) => void waits.push({card: at, then}),
		);
		s.scan();
		expect(checks).toBe(1);
		expect(waits.map((w) => w.card)).toEqual([card]);
		expect(atEnd(document.querySelector('ctc-badge')!)).toBe(false); // not moved: nothing is known yet
		expect(s.found().unplaced).toBe(0);
		// Checked again meanwhile (the page changed something else): still one wait for the card.
		s.recheck();
		await tick();
		expect(checks).toBe(2);
		expect(waits).toHaveLength(1);
		// The animation ends with the first place still clipping the badge: it moves to the card's end.
		moving = false;
		waits[0]!.then();
		await tick();
		expect(checks).toBeGreaterThanOrEqual(3);
		expect(document.querySelectorAll('ctc-badge')).toHaveLength(1);
		expect(atEnd(document.querySelector('ctc-badge')!)).toBe(true);
		expect(s.found().unplaced).toBe(0);
	});

	it('a badge seen through a layer of its card (a click layer) is lifted over it once and checked again; left where it is either way', async () => {
		page(PEK_24H);
		const lifts: [Element, boolean][] = [];
		const lifted = new Set<Element>();
		// The pointer finds the badge once lifted, in the first run; never, in the second (a layer in a stacking context
		// of its own).
		let liftHelps = true;
		const check: PlacementCheck = (host) => (liftHelps && lifted.has(host) ? 'painted' : 'covered');
		const lift = (host: Element, _card: Element, over: boolean) => {
			lifts.push([host, over]);
			if (over) lifted.add(host);
			else lifted.delete(host);
		};
		const s = start([], check, testAdapter, undefined, undefined, undefined, {lift});
		s.scan();
		await tick();
		const host = document.querySelector('ctc-badge')!;
		expect(lifts).toEqual([[host, true]]);
		expect(mounted).toHaveLength(1);
		expect(s.found().unplaced).toBe(0);
		s.stop();
		mounted.length = 0;
		liftHelps = false;
		page(PEK_24H);
		const again = start([], check, testAdapter, undefined, undefined, undefined, {lift});
		again.scan();
		await tick();
		const other = document.querySelector('ctc-badge')!;
		// Lifted, still covered: put back, and kept where it is (seen through the layer), not moved or taken off.
		expect(lifts.slice(1)).toEqual([
			[other, true],
			[other, false],
		]);
		expect(mounted).toHaveLength(1);
		expect(mounted[0]!.removed).toBe(false);
		expect(again.found().unplaced).toBe(0);
	});

	it('a badge the pointer finds something else over is checked again, and moved if something of its card hides it there', async () => {
		page(PEK_24H);
		const card = document.querySelector('li')!;
		card.append(document.createElement('em')); // a second line: the first placement is not the card's end
		let pointed = false;
		let checks = 0;
		// As placed (off screen), nothing can be asked of what covers the badge; where the user points, a veil of the
		// card is found over the first line.
		const check: PlacementCheck = (host) => (checks++, pointed && !atEnd(host) ? 'clipped' : 'painted');
		const w = {watched: new Map<Element, Element>(), report: (_hosts: Element[]) => {}, disconnected: false};
		const watchPointer: NonNullable<ScannerOptions['watchPointer']> = (onCovered) => {
			w.report = onCovered;
			return {
				observe: (host, c) => void w.watched.set(host, c),
				unobserve: (host) => void w.watched.delete(host),
				disconnect: () => void (w.disconnected = true),
			};
		};
		const s = start([], check, testAdapter, undefined, undefined, undefined, {watchPointer});
		s.scan();
		await tick();
		const first = document.querySelector('ctc-badge')!;
		expect(atEnd(first)).toBe(false);
		expect([...w.watched]).toEqual([[first, card]]);
		const before = checks;
		pointed = true;
		w.report([first]);
		await tick();
		expect(checks).toBeGreaterThan(before);
		const moved = document.querySelector('ctc-badge')!;
		expect(atEnd(moved)).toBe(true);
		// It had no focus, and takes none: the page's focus stays where the user left it.
		expect(document.activeElement).toBe(document.body);
		// The host it left is no longer watched; the new one is, with its card.
		expect([...w.watched]).toEqual([[moved, card]]);
		expect(s.found().unplaced).toBe(0);
		s.stop();
		expect(w.disconnected).toBe(true);
	});

	// A keyboard user tabbing to a badge placed off screen under a veil: the focus is told as the pointer is
	// (lib/scan/page-session.ts), the check moves the badge where it shows, and the focus goes with it.
	it('a focused badge that its check moves to another placement keeps the keyboard’s focus there', async () => {
		page(PEK_24H);
		document.querySelector('li')!.append(document.createElement('em'));
		let veiled = false;
		const check: PlacementCheck = (host) => (veiled && !atEnd(host) ? 'clipped' : 'painted');
		const {watchPointer, report} = pointerStub();
		start([], check, testAdapter, undefined, undefined, undefined, {watchPointer}).scan();
		await tick();
		const first = document.querySelector<HTMLElement>('ctc-badge')!;
		expect(atEnd(first)).toBe(false);
		first.focus();
		veiled = true;
		report([first]);
		await tick();
		const moved = document.querySelector('ctc-badge')!;
		expect(moved).not.toBe(first);
		expect(atEnd(moved)).toBe(true);
		expect(document.activeElement).toBe(moved);
	});

	it('where the pointer finds a layer over a badge (over its edge only), it is checked and lifted there, and checked there again; not helped there, it goes back to its first lift', async () => {
		page(PEK_24H);
		const EDGE: Point = {x: 112, y: 150};
		const checks: (Point | undefined)[] = [];
		const lifts: [boolean, Point | undefined][] = [];
		// The centre is under one layer, which the first lift (at the centre) clears; the edge is under another, which a
		// lift made there clears, until it is a layer in a stacking context of its own (edgeHelps false).
		const layers = {centre: false, edge: false};
		let edgeHelps = true;
		const check: PlacementCheck = (_host, _card, at) => {
			checks.push(at);
			if (at && !(edgeHelps && layers.edge)) return 'covered';
			return layers.centre ? 'painted' : 'covered';
		};
		const lift = (_host: Element, _card: Element, over: boolean, at?: Point) => {
			lifts.push([over, at]);
			layers.centre = over;
			layers.edge = over && at !== undefined;
		};
		const {watchPointer, report} = pointerStub();
		const s = start([], check, testAdapter, undefined, undefined, undefined, {lift, watchPointer});
		s.scan();
		await tick();
		const host = document.querySelector('ctc-badge')!;
		expect(lifts).toEqual([[true, undefined]]);
		expect(checks).toEqual([undefined, undefined]);
		// The user points at the badge's edge and finds the other layer there: lifted over both, checked there again.
		report([host], EDGE);
		await tick();
		expect(lifts.slice(1)).toEqual([[true, EDGE]]);
		expect(checks.slice(2)).toEqual([EDGE, EDGE]);
		// Once the edge's layer cannot be lifted over, the badge goes back to its lift over the centre's layer, not below it.
		edgeHelps = false;
		report([host], EDGE);
		await tick();
		expect(lifts.slice(2)).toEqual([
			[true, EDGE],
			[true, undefined],
		]);
		expect(layers.centre).toBe(true);
		// Neither moved nor taken off, and the next check (a resize, say) asks at the centre again.
		expect(document.querySelector('ctc-badge')).toBe(host);
		expect(s.found().unplaced).toBe(0);
		s.recheck();
		await tick();
		expect(checks.at(-1)).toBeUndefined();
	});

	it('the pointer finding a layer over a badge whose check is still to come (the page’s styles just changed): that check asks there, and lifts it', async () => {
		// Before, the report was dropped for a badge whose check was pending, and that check (at the centre, under the
		// new layer) put the lifted badge back under it; the pointer watch tells of a layer once, so it stayed there.
		page(PEK_24H);
		const AT: Point = {x: 60, y: 150};
		const checks: (Point | undefined)[] = [];
		const lifts: [boolean, Point | undefined][] = [];
		// A first layer, which the lift at the centre clears; later a second one, over the first, cleared by a lift
		// made where the pointer found it.
		let second = false;
		let overSecond = false;
		const check: PlacementCheck = (_host, _card, at) => {
			checks.push(at);
			return lifts.length > 0 && lifts.at(-1)![0] && (!second || overSecond) ? 'painted' : 'covered';
		};
		const lift = (_host: Element, _card: Element, over: boolean, at?: Point) => {
			lifts.push([over, at]);
			overSecond = over && at !== undefined;
		};
		const {watchPointer, report} = pointerStub();
		const s = start([], check, testAdapter, undefined, undefined, undefined, {lift, watchPointer});
		s.scan();
		await tick();
		const host = document.querySelector('ctc-badge')!;
		expect(lifts).toEqual([[true, undefined]]);
		// The page lays the second layer and its style change asks for the checks again; before they run, the pointer
		// finds that layer over the badge.
		second = true;
		s.recheck();
		report([host], AT);
		await tick();
		expect(checks.slice(2)).toEqual([AT, AT]);
		expect(lifts.slice(1)).toEqual([[true, AT]]);
		expect(overSecond).toBe(true);
		s.stop();
	});

	it('a badge told of `now` (a finger going down on it) is checked and lifted before the report returns, not in the next frame', async () => {
		page(PEK_24H);
		const TAP: Point = {x: 40, y: 150};
		const checks: (Point | undefined)[] = [];
		const lifts: [boolean, Point | undefined][] = [];
		let over = false;
		// Under a layer at the tap until lifted there; its centre clear (the check as the badge was placed found nothing).
		const check: PlacementCheck = (_host, _card, at) => (checks.push(at), at && !over ? 'covered' : 'painted');
		const lift = (_host: Element, _card: Element, up: boolean, at?: Point) =>
			void (lifts.push([up, at]), (over = up && at !== undefined));
		const {watchPointer, report} = pointerStub();
		let batches = 0;
		const s = start([], check, testAdapter, undefined, undefined, undefined, {lift, watchPointer, onBatch: () => void batches++});
		s.scan();
		await tick();
		const host = document.querySelector('ctc-badge')!;
		expect(checks).toEqual([undefined]);
		expect(lifts).toEqual([]);
		const told = batches;
		report([host], TAP, true);
		// Synchronously: checked at the tap, lifted there, checked there again and found on top.
		expect(checks.slice(1)).toEqual([TAP, TAP]);
		expect(lifts).toEqual([[true, TAP]]);
		// Counted again (the end-to-end build's marks, the toolbar).
		expect(batches).toBeGreaterThan(told);
		await tick();
		// Nothing more in the next frame: the check was done.
		expect(checks).toHaveLength(3);
		expect(document.querySelector('ctc-badge')).toBe(host);
		s.stop();
	});

	it('a check that throws keeps the badge (a broken check never takes badges away)', () => {
		page(PEK_24H);
		const s = start([], () => {
			throw new Error('layout check bug');
		});
		s.scan();
		expect(badges()).toHaveLength(1);
	});
});

describe('scanner: cards whose route lies outside the mainland (the adapter’s routeOf)', () => {
	let routeCalls = 0;
	let routeThrows = false;
	const routed: SiteAdapter = {
		...testAdapter,
		routeOf: (card) => {
			routeCalls++;
			if (routeThrows) throw new Error('adapter bug');
			return card
				.getAttribute('data-legs')!
				.split('|')
				.flatMap((leg) => leg.split(' ').slice(0, 2));
		},
	};
	const startRouted = () => start(['US'], undefined, routed);
	beforeEach(() => {
		routeCalls = 0;
		routeThrows = false;
	});

	it('counts such a card as an itinerary read, without extracting or judging it', () => {
		page(HKG_ONLY, PEK_24H, HKG_ONLY.replace('HKG NRT', 'HKG TPE'));
		const r = startRouted();
		r.scan();
		expect(routeCalls).toBe(3);
		expect(extractCalls).toBe(1); // the PEK card only
		expect(r.stats().evaluations).toBe(1);
		expect(badges()).toEqual(['24h transit ✓ PEK']);
		expect(r.found()).toEqual({itineraries: 3, withStops: 1, unplaced: 0});
	});

	it('reads a card in full when its route touches the mainland or names an airport the table does not know', () => {
		page(PVG_3D, HKG_ONLY.replace('SFO', 'QQQ'));
		startRouted().scan();
		expect(extractCalls).toBe(2);
		expect(badges()).toEqual(['240h visa-free ✓ until 26 Mar']);
	});

	it('takes the badge off a recycled card whose new route lies outside, and badges it again when it comes back', async () => {
		page(PEK_24H);
		const r = startRouted();
		r.scan();
		expect(badges()).toEqual(['24h transit ✓ PEK']);
		recycle(document.querySelector('li')!, HKG_ONLY);
		await tick();
		expect(badges()).toEqual([]);
		expect(r.found()).toEqual({itineraries: 1, withStops: 0, unplaced: 0});
		// New passports change nothing for it: it is not judged again.
		r.setSettings({passports: ['GB'], locale: 'en'});
		await tick();
		expect(r.stats().evaluations).toBe(1);
		recycle(document.querySelector('li')!, PEK_24H);
		await tick();
		expect(badges()).toEqual(['24h transit ✓ PEK']);
	});

	it('reads every card in full when routeOf throws, and logs it once', () => {
		routeThrows = true;
		page(HKG_ONLY, PEK_24H);
		const r = startRouted();
		r.scan();
		expect(extractCalls).toBe(2);
		expect(badges()).toEqual(['24h transit ✓ PEK']);
		expect(r.found()).toEqual({itineraries: 2, withStops: 1, unplaced: 0});
		expect(logs.filter((m) => m.includes('routeOf threw'))).toHaveLength(1);
	});
});

describe('scanner: what the popup and the toolbar count', () => {
	// Google Flights holds its "Best" and "Cheapest" lists in two tab panels, one hidden (display: none), each with a
	// card for every result (test/fixtures/google-flights/sfo-nrt-2025-styled.html: 56 cards, 28 shown).
	function tabs(shown: string[], hidden: string[]) {
		const list = (legs: string[]) => legs.map((l) => `<li data-legs="${l}"><span>card</span></li>`).join('');
		document.body.innerHTML = `<div role="tabpanel"><ul>${list(shown)}</ul></div><div role="tabpanel" hidden><ul>${list(hidden)}</ul></div>`;
	}
	const rendered = (card: Element) => card.closest('[hidden]') === null; // what checkVisibility says of such a page

	it('the popup counts the cards the page shows: a hidden tab panel’s are read, badged and not counted', () => {
		tabs([PEK_24H, HKG_ONLY, PVG_3D], [PVG_3D, PEK_24H, HKG_ONLY, 'QQQ PEK 2026-03-15T13:00 2026-03-16T16:00']);
		const s = start(['US'], undefined, testAdapter, undefined, undefined, undefined, {rendered});
		s.scan();
		expect(extractCalls).toBe(7);
		expect(badges()).toHaveLength(4); // the hidden panel's badges are there when the traveller switches tabs
		expect(s.found()).toEqual({itineraries: 3, withStops: 2, unplaced: 0});
		// The hidden panel shown instead: what the popup says follows, though no card changed.
		for (const panel of document.querySelectorAll('[role="tabpanel"]')) panel.toggleAttribute('hidden');
		expect(s.found()).toEqual({itineraries: 3, withStops: 2, unplaced: 0, unread: 1});
	});

	it('the toolbar counts each itinerary with a mainland stop once, however many cards show it', () => {
		tabs([PEK_24H, HKG_ONLY, PVG_3D], [PVG_3D, PEK_24H, HKG_ONLY]);
		const s = start(['US'], undefined, testAdapter, undefined, undefined, undefined, {rendered});
		s.scan();
		expect(badges()).toHaveLength(4);
		expect(s.verdict()).toMatchObject({withStops: 2, tone: 'ok'});
	});
});

describe('scanner: cards read as airport codes that all lie outside the mainland', () => {
	it('are counted as read and not normalised or judged, with no badge', () => {
		page(HKG_ONLY, PEK_24H, HKG_ONLY.replace('HKG NRT', 'HKG TPE'));
		const s = start(['US']);
		s.scan();
		expect(extractCalls).toBe(3);
		expect(s.stats().evaluations).toBe(1); // the PEK card only
		expect(badges()).toEqual(['24h transit ✓ PEK']);
		expect(s.found()).toEqual({itineraries: 3, withStops: 1, unplaced: 0});
	});

	it('go the whole way when an airport is not a bare code the table knows', () => {
		page(HKG_ONLY.replace('SFO', 'sfo'), HKG_ONLY.replace('SFO', 'QQQ'));
		const s = start(['US']);
		s.scan();
		// Normalised, and found not to read: counted as unread (no badge, which the popup says), and the problem logged.
		expect(s.found()).toEqual({itineraries: 0, withStops: 0, unplaced: 0, unread: 2});
		expect(logs.filter((m) => m.includes('itinerary not normalised'))).toHaveLength(2);
	});
});
