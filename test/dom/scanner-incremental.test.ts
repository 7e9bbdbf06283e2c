// @vitest-environment jsdom
/**
 * The scanner's incremental path: after the first scan it looks for cards only where the page changed, reads a card
 * once per change, normalises and judges identical itineraries once, reads the cards near the viewport first, then
 * those the page has just added, and the others in idle time, and reads every card again when asked (the airport
 * table learned names). With a small test adapter over plain markup, as test/dom/scanner.test.ts.
 */
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {defineAdapter, type SiteAdapter} from '../../lib/adapters/types';
import {normalizeItinerary} from '../../lib/extract/normalize';
import {loadRules} from '../../lib/rules/load-rules';
import type {NearObserverConstructor} from '../../lib/scan/read-queue';
import {EAGER_BADGES} from '../../lib/scan/card-reading';
import {startScanner, type Mount, type Scanner} from '../../lib/scan/scanner';

vi.mock('../../lib/extract/normalize', async (original) => {
	const actual = await original<typeof import('../../lib/extract/normalize')>();
	return {...actual, normalizeItinerary: vi.fn(actual.normalizeItinerary)};
});

const rules = loadRules();

const PEK_24H = 'JFK PEK 2026-03-15T13:00 2026-03-16T16:00|PEK NRT 2026-03-16T18:30 2026-03-16T22:45';
const PVG_3D = 'LAX PVG 2026-03-15T11:00 2026-03-16T17:00|PVG ICN 2026-03-19T09:00 2026-03-19T12:00';
const HKG_ONLY = 'SFO HKG 2026-03-15T13:00 2026-03-16T19:00|HKG NRT 2026-03-16T22:00 2026-03-17T03:30';

/** Every root findCards was handed, and every card extract read, since the last reset. */
let roots: ParentNode[] = [];
let reads: Element[] = [];

/** Cards are <li data-legs="FROM TO departs arrives|…">; `cardOf` finds the card from anything in it. */
function legsAdapter(extra: Partial<SiteAdapter> = {}): SiteAdapter {
	return defineAdapter({
		id: 'test-site',
		label: 'Test site',
		confidence: 'structured',
		matches: ['https://test.invalid/*'],
		isItineraryPage: () => true,
		examples: [],
		counterExamples: [],
		findCards: (root) => {
			roots.push(root);
			return [...root.querySelectorAll('li[data-legs]')];
		},
		cardOf: (el) => el.closest('li[data-legs]') ?? undefined,
		extract: (card) => {
			reads.push(card);
			const segments = card
				.getAttribute('data-legs')!
				.split('|')
				.map((leg) => {
					const [from, to, dep, arr] = leg.split(' ') as [string, string, string, string];
					const at = (t: string) => ({date: t.slice(0, 10), time: t.slice(11)});
					return {from, to, departs: at(dep), arrives: at(arr)};
				});
			return {status: 'ok', itinerary: {segments}};
		},
		badgePlacements: (card) => [{anchor: card, append: 'last'}],
		...extra,
	});
}

let mounts = 0;
let removals = 0;
const mount: Mount = (placement, view) => {
	mounts++;
	const host = document.createElement('ctc-badge');
	host.textContent = view.summary.text;
	placement.anchor.append(host);
	return {
		update: (next) => void (host.textContent = next.summary.text),
		remove() {
			removals++;
			host.remove();
		},
		isConnected: () => host.isConnected,
		host,
	};
};

const card = (legs: string) => `<li data-legs="${legs}"><span>card</span></li>`;
const page = (...legs: string[]) => void (document.body.innerHTML = `<ul>${legs.map(card).join('')}</ul><div id="other"></div>`);
const cards = () => [...document.querySelectorAll('li')];
const badges = () => [...document.querySelectorAll('ctc-badge')].map((b) => b.textContent);
/** The observer's callback first (a microtask), then the frames it asked for (timers). */
const tick = async () => {
	await Promise.resolve();
	await new Promise((resolve) => setTimeout(resolve, 10));
};
const fragment = (html: string) => document.createRange().createContextualFragment(html).firstElementChild!;

let running: Scanner[] = [];
function start(adapter: SiteAdapter, extra: Partial<Parameters<typeof startScanner>[0]> = {}): Scanner {
	const scanner = startScanner({
		adapter,
		doc: document,
		rules,
		referenceDate: '2026-03-01',
		today: '2026-03-01',
		settings: {passports: ['US'], locale: 'en'},
		mount,
		log: () => undefined,
		schedule: (callback) => void setTimeout(callback, 0),
		...extra,
	});
	running.push(scanner);
	scanner.scan();
	roots = [];
	reads = [];
	return scanner;
}

beforeEach(() => {
	roots = [];
	reads = [];
	mounts = 0;
	removals = 0;
	vi.mocked(normalizeItinerary).mockClear();
});
afterEach(() => {
	for (const s of running) s.stop();
	running = [];
});

describe('scanner: only what changed is searched and read', () => {
	it('looks for new cards only in the added subtrees, never in the whole page', async () => {
		page(PEK_24H, PVG_3D);
		const s = start(legsAdapter());
		const ul = document.querySelector('ul')!;
		const one = fragment(card(HKG_ONLY));
		const two = fragment(`<div>${card(PEK_24H)}${card(PVG_3D)}</div>`);
		ul.append(one);
		document.getElementById('other')!.append(two);
		await tick();
		expect(roots).toEqual([one, two]);
		expect(reads).toEqual([one, ...two.querySelectorAll('li')]);
		expect(s.found()).toEqual({itineraries: 5, withStops: 4, unplaced: 0});
	});

	it('reads again only the card a mutation happened in', async () => {
		page(PEK_24H, PVG_3D, HKG_ONLY);
		start(legsAdapter());
		cards()[1]!.querySelector('span')!.firstChild!.textContent = 'changed'; // a text inside the second card
		await tick();
		expect(reads).toEqual([cards()[1]]);
		cards()[2]!.append(document.createElement('b')); // a child added inside the third
		await tick();
		expect(reads).toEqual([cards()[1], cards()[2]]);
		expect(roots).toEqual([]); // inside a known card: nothing to search
	});

	it('in one batch: a change inside a known card, a new card, and something added inside that new card', async () => {
		page(PEK_24H, PVG_3D);
		start(legsAdapter());
		const ul = document.querySelector('ul')!;
		const fresh = fragment(card(HKG_ONLY));
		ul.append(fresh, fragment(card(PEK_24H)));
		fresh.append(document.createElement('b')); // inside the new card, in the same batch
		cards()[0]!.append(document.createElement('i')); // inside a known card
		document.getElementById('other')!.append(document.createElement('p')); // in no card
		await tick();
		expect(new Set(reads)).toEqual(new Set([cards()[0], fresh, cards()[3]]));
		expect(reads).toHaveLength(3);
		expect(badges()).toHaveLength(3);
	});

	it('reads a card again when an attribute its adapter watches changes, and not for any other attribute', async () => {
		page(PEK_24H);
		const s = start(legsAdapter({watchAttributes: ['data-legs']}));
		expect(badges()).toEqual(['24h transit ✓ PEK']);
		cards()[0]!.setAttribute('data-legs', PVG_3D);
		await tick();
		expect(badges()).toEqual(['240h visa-free ✓ until 26 Mar']);
		expect(reads).toHaveLength(1);
		const batches = s.stats().batches;
		cards()[0]!.setAttribute('data-price', '420');
		cards()[0]!.setAttribute('aria-label', 'Cheapest'); // watched for Google Flights, not for this adapter
		await tick();
		expect(s.stats().batches).toBe(batches);
		expect(reads).toHaveLength(1);
	});

	it('an attribute the adapter does not declare is not watched: the card keeps its verdict', async () => {
		page(PEK_24H);
		start(legsAdapter());
		cards()[0]!.setAttribute('data-legs', PVG_3D);
		await tick();
		expect(reads).toEqual([]);
		expect(badges()).toEqual(['24h transit ✓ PEK']);
	});

	it('past 1,000 mutation records in a batch, finds every card in the whole page again and reads each', async () => {
		page(PEK_24H, PVG_3D);
		start(legsAdapter());
		const other = document.getElementById('other')!;
		for (let i = 0; i < 1001; i++) other.append(document.createTextNode('.'));
		await tick();
		expect(roots).toEqual([document]);
		expect(reads).toEqual(cards());
	});

	it('past 250 changed elements in a batch, searches the whole page once instead of each', async () => {
		page(PEK_24H);
		start(legsAdapter());
		const other = document.getElementById('other')!;
		for (let i = 0; i < 300; i++) other.append(document.createElement('p'));
		await tick();
		expect(roots).toEqual([document]);
		const few = document.createElement('section');
		other.append(few);
		await tick();
		expect(roots).toEqual([document, few]); // below the threshold again: the added element only
	});

	it('forgets a card whose subtree was removed, with its badge', async () => {
		page(PEK_24H, PVG_3D);
		const s = start(legsAdapter());
		const wrapper = document.querySelector('ul')!;
		wrapper.remove();
		await tick();
		expect(removals).toBe(2);
		expect(s.found()).toEqual({itineraries: 0, withStops: 0, unplaced: 0});
		expect(s.stats().cards).toBe(0);
	});
});

describe('scanner: identical itineraries cost one verdict', () => {
	it('normalises each card (no memo of raw itineraries: it cost more heap than time), and judges each itinerary once', () => {
		page(PEK_24H, PEK_24H, PVG_3D, PEK_24H, PVG_3D);
		const s = start(legsAdapter());
		expect(badges()).toHaveLength(5);
		expect(vi.mocked(normalizeItinerary)).toHaveBeenCalledTimes(5);
		expect(s.stats().evaluations).toBe(2);
	});

	it('a re-rendered card that reads the same is not judged again, and its badge is put back', async () => {
		page(PEK_24H);
		const s = start(legsAdapter());
		vi.mocked(normalizeItinerary).mockClear();
		cards()[0]!.replaceChildren(document.createElement('i'));
		await tick();
		expect(reads).toHaveLength(1);
		expect(vi.mocked(normalizeItinerary)).toHaveBeenCalledTimes(1);
		expect(s.stats().evaluations).toBe(1);
		expect(mounts).toBe(2); // the badge the re-render took away is put back (a restore), not judged again
	});
});

/** A stand-in for IntersectionObserver: the test says which cards are near (within a screen of the viewport). */
/** `observed`: how many times a target was given to it. */
let observers: {
	callback: (entries: {target: Element; isIntersecting: boolean}[]) => void;
	margin: string;
	watched: Set<Element>;
	observed: number;
}[] = [];
const FakeIntersectionObserver: NearObserverConstructor = class {
	private entry: (typeof observers)[number];
	constructor(callback: (entries: readonly {target: Element; isIntersecting: boolean}[]) => void, init: {rootMargin: string}) {
		this.entry = {callback, margin: init.rootMargin, watched: new Set(), observed: 0};
		observers.push(this.entry);
	}
	observe(target: Element) {
		this.entry.observed++;
		this.entry.watched.add(target);
	}
	unobserve(target: Element) {
		this.entry.watched.delete(target);
	}
	disconnect() {
		this.entry.watched.clear();
	}
};
/** What an observer says: observers[0] is the read queue's (one screen), observers[1] the mount gate's (two). */
const tell = (index: number, near: Element[], far: Element[]) =>
	observers[index]!.callback([
		...near.map((target) => ({target, isIntersecting: true})),
		...far.map((target) => ({target, isIntersecting: false})),
	]);
const report = (near: Element[], far: Element[]) => tell(0, near, far);
/** The mount gate's observer says which waiting cards are within two screens. */
const reportMount = (near: Element[], far: Element[] = []) => tell(1, near, far);

describe('scanner: cards near the viewport first', () => {
	let idle: (() => void)[] = [];
	const runIdle = () => idle.splice(0).forEach((callback) => callback());
	beforeEach(() => {
		observers = [];
		idle = [];
	});
	const startNear = () =>
		start(legsAdapter(), {intersectionObserver: FakeIntersectionObserver, idle: (callback) => void idle.push(() => callback())});

	it('judges a far card only once it comes near or the idle pass reaches it; the counts converge', async () => {
		page(PEK_24H, PVG_3D, HKG_ONLY, PVG_3D);
		const s = startNear();
		const all = cards();
		const [a, b, c, d] = [all[0]!, all[1]!, all[2]!, all[3]!];
		expect(observers[0]!.margin).toBe('100% 0px');
		expect([...observers[0]!.watched]).toEqual([a, b, c, d]);
		expect(badges()).toEqual([]); // nothing said to be near yet
		report([a, b], [c, d]);
		await tick();
		expect(reads).toEqual([a, b]);
		expect(s.found()).toEqual({itineraries: 2, withStops: 2, unplaced: 0});
		report([d], []); // scrolled: the last card comes near before the idle pass reached it
		await tick();
		expect(reads).toEqual([a, b, d]);
		expect(idle.length).toBeGreaterThan(0);
		runIdle();
		expect(reads).toEqual([a, b, d, c]);
		expect(s.found()).toEqual({itineraries: 4, withStops: 3, unplaced: 0});
		expect(idle).toEqual([]); // nothing left to read
	});

	it('says it is still reading while cards it found wait to be read or their badges to go on, and not once all are', async () => {
		page(PEK_24H, PVG_3D, HKG_ONLY);
		const s = startNear();
		const [a, b, c] = [cards()[0]!, cards()[1]!, cards()[2]!];
		expect(s.reading()).toBe(true); // found, none said to be near yet: none read
		report([a], [b, c]);
		await tick();
		expect(s.found().itineraries).toBe(1);
		expect(s.reading()).toBe(true);
		runIdle();
		// Read in the idle pass; their badges go on the page in the next frame.
		expect(s.found()).toEqual({itineraries: 3, withStops: 2, unplaced: 0});
		expect(s.reading()).toBe(true);
		await tick();
		expect(badges()).toHaveLength(2);
		expect(s.reading()).toBe(false);
		s.stop();
		expect(s.reading()).toBe(false);
	});

	it('reads far cards in bounded idle batches until the whole page is read', async () => {
		page(...Array.from({length: 150}, () => PEK_24H));
		startNear();
		runIdle();
		expect(reads).toHaveLength(100);
		runIdle();
		expect(reads).toHaveLength(150);
		expect(idle).toEqual([]);
	});

	it("ends an idle pass once a frame's budget of time has gone, however long the idle period", async () => {
		page(...Array.from({length: 100}, () => PEK_24H));
		let clock = 0;
		// Each reading of the clock is a millisecond later (the pass asks it every fourth card).
		start(legsAdapter(), {
			intersectionObserver: FakeIntersectionObserver,
			idle: (callback) => void idle.push(() => callback()),
			now: () => clock++,
		});
		runIdle();
		expect(reads.length).toBeGreaterThan(1);
		expect(reads.length).toBeLessThan(50);
		while (idle.length > 0) runIdle();
		expect(reads).toHaveLength(100);
	});

	it('puts the badges of far cards read in idle time on the page together in the next frame, not as their cards come near', async () => {
		// A badge put on as a scroll brings its card near moves the rest of the list in a frame of the scroll; put on
		// together in idle time, the page lays the list out again once (./card-reading.ts apply).
		page(...Array.from({length: 50}, () => PEK_24H));
		const s = startNear();
		runIdle();
		expect(reads).toHaveLength(50);
		expect(s.found()).toEqual({itineraries: 50, withStops: 50, unplaced: 0});
		expect(badges()).toHaveLength(0); // decided in idle time: they wait for the frame
		await tick();
		expect(badges()).toHaveLength(50);
		expect(mounts).toBe(50);
		expect(observers[0]!.watched.size).toBe(0); // read cards are not observed
		expect(observers[1]!.watched.size).toBe(0); // nor kept waiting at the gate
	});

	it(`past ${EAGER_BADGES} cards with a verdict, keeps far cards' badges at the gate until their cards come near`, async () => {
		page(...Array.from({length: EAGER_BADGES + 50}, () => PEK_24H));
		const s = startNear();
		while (idle.length > 0) runIdle();
		expect(reads).toHaveLength(EAGER_BADGES + 50);
		expect(s.found()).toEqual({itineraries: EAGER_BADGES + 50, withStops: EAGER_BADGES + 50, unplaced: 0});
		// A hundred badges a frame: as many frames as that takes on a loaded machine, then a few more, when none may come.
		for (let i = 0; i < 100 && badges().length < EAGER_BADGES; i++) await tick();
		for (let i = 0; i < 3; i++) await tick();
		expect(badges()).toHaveLength(EAGER_BADGES);
		expect(observers[1]!.margin).toBe('200% 0px');
		expect(observers[1]!.watched.size).toBe(50);
		const waiting = cards().slice(EAGER_BADGES);
		reportMount(waiting.slice(0, 12), waiting.slice(12));
		await tick();
		expect(badges()).toHaveLength(EAGER_BADGES + 12);
		expect(observers[1]!.watched.size).toBe(38); // a mounted badge's card is no longer observed
		reportMount(waiting.slice(12));
		await tick();
		expect(badges()).toHaveLength(EAGER_BADGES + 50);
		expect(mounts).toBe(EAGER_BADGES + 50);
	});

	it('mounts the badge waiting at the gate of a card read again near the viewport, unchanged', async () => {
		page(...Array.from({length: EAGER_BADGES + 1}, () => PEK_24H));
		start(legsAdapter({watchAttributes: ['data-legs']}), {
			intersectionObserver: FakeIntersectionObserver,
			idle: (callback) => void idle.push(() => callback()),
		});
		while (idle.length > 0) runIdle();
		// A hundred badges a frame: as many frames as that takes on a loaded machine, then a few more, when none may come.
		for (let i = 0; i < 100 && badges().length < EAGER_BADGES; i++) await tick();
		for (let i = 0; i < 3; i++) await tick();
		expect(badges()).toHaveLength(EAGER_BADGES);
		const last = cards()[EAGER_BADGES]!;
		expect(observers[1]!.watched).toEqual(new Set([last]));
		last.setAttribute('data-legs', PEK_24H); // the page writes it again: read again, near the viewport now
		await tick();
		report([last], []);
		await tick();
		expect(badges()).toHaveLength(EAGER_BADGES + 1);
		expect(observers[1]!.watched.size).toBe(0);
	});

	it('reads the cards the page adds in the next frame, near the viewport or not, and puts their badges on then', async () => {
		// A badge put in a card as the page adds it moves only what comes after it; put in later, once the list is whole,
		// it moves the rest of the list (./scanner.ts readAdded).
		page(HKG_ONLY);
		startNear();
		runIdle();
		expect(reads).toHaveLength(1);
		reads = [];
		const list = document.querySelector('ul')!;
		list.insertAdjacentHTML('beforeend', [PEK_24H, HKG_ONLY, PVG_3D].map(card).join(''));
		const added = cards().slice(1);
		await tick();
		expect(reads).toEqual(added); // no observer report, no idle pass
		expect(badges()).toHaveLength(2);
		expect(mounts).toBe(2);
		expect(observers[0]!.watched.size).toBe(0);
		expect(observers[0]!.observed).toBe(1); // the first card only: where the added ones lie makes no difference
		expect(idle).toEqual([]);
	});

	it('reads no more of the added cards in a frame than its budget allows; the rest in the next frames', async () => {
		page(HKG_ONLY);
		let frames = 0;
		start(legsAdapter(), {
			intersectionObserver: FakeIntersectionObserver,
			idle: (callback) => void idle.push(() => callback()),
			schedule: (callback) => void setTimeout(() => (frames++, callback()), 0),
		});
		runIdle();
		reads = [];
		document.querySelector('ul')!.insertAdjacentHTML('beforeend', Array.from({length: 150}, () => card(PEK_24H)).join(''));
		await Promise.resolve();
		frames = 0;
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(frames).toBe(1);
		expect(reads).toHaveLength(100);
		expect(badges()).toHaveLength(100);
		expect(observers[0]!.watched.size).toBe(0); // the other 50 are read in the next frame, near or not
		await tick(); // the next frame, without an idle pass
		expect(reads).toHaveLength(150);
		expect(badges()).toHaveLength(150);
		runIdle();
		expect(reads).toHaveLength(150); // each read once
	});

	it('mounts the badge of a card read near the viewport in that frame', async () => {
		page(PEK_24H, PVG_3D);
		startNear();
		report(cards(), []);
		await tick();
		expect(badges()).toHaveLength(2);
		expect(mounts).toBe(2);
	});

	it('keeps the badge of a card the page moves (an unchanged card read again)', async () => {
		page(PEK_24H, PVG_3D);
		startNear();
		runIdle();
		await tick();
		expect(badges()).toHaveLength(2);
		const a = cards()[0]!;
		a.parentElement!.append(a); // moved: removed and added again
		await tick();
		runIdle();
		await tick();
		expect(badges()).toHaveLength(2);
		expect(mounts).toBe(2);
	});

	it('mounts the badges idle reading decided within a frame’s time budget, the rest in the next frames, none lost', () => {
		page(...Array.from({length: 12}, () => PEK_24H));
		const frames: (() => void)[] = [];
		let clock = 0;
		start(legsAdapter(), {
			intersectionObserver: FakeIntersectionObserver,
			idle: (callback) => void idle.push(() => callback()),
			schedule: (callback) => void frames.push(callback),
			now: () => (clock += 3), // every look at the clock finds 3 ms gone
		});
		frames.splice(0); // the first scan's frame: nothing near
		while (idle.length > 0) runIdle();
		expect(badges()).toHaveLength(0);
		const perFrame: number[] = [];
		while (frames.length > 0) {
			const before = badges().length;
			frames.shift()!();
			perFrame.push(badges().length - before);
		}
		expect(badges()).toHaveLength(12);
		expect(Math.max(...perFrame)).toBeLessThan(12);
	});

	it('ends without a badge for a card decided in idle time that then leaves the page, or no longer has a mainland stop', async () => {
		page(PEK_24H, PVG_3D);
		const frames: (() => void)[] = [];
		const s = start(legsAdapter({watchAttributes: ['data-legs']}), {
			intersectionObserver: FakeIntersectionObserver,
			idle: (callback) => void idle.push(() => callback()),
			schedule: (callback) => void frames.push(callback),
		});
		frames.splice(0);
		runIdle(); // both decided; their badges wait for a frame
		expect(frames).toHaveLength(1);
		const [a, b] = [cards()[0]!, cards()[1]!];
		a.remove();
		b.setAttribute('data-legs', HKG_ONLY);
		await tick(); // the page's mutations are reported
		frames.shift()!(); // the frame that was to show both: a is gone; b shows what was decided until it is read again
		expect(badges().length).toBeLessThanOrEqual(1);
		while (idle.length > 0) runIdle(); // b read again: no mainland stop now
		while (frames.length > 0) frames.shift()!();
		expect(badges()).toEqual([]);
		expect(s.found()).toEqual({itineraries: 1, withStops: 0, unplaced: 0});
	});

	it('puts on the badge of a card decided in idle time that the page touched, unchanged, before its frame', async () => {
		page(PEK_24H);
		const frames: (() => void)[] = [];
		start(legsAdapter({watchAttributes: ['data-legs']}), {
			intersectionObserver: FakeIntersectionObserver,
			idle: (callback) => void idle.push(() => callback()),
			schedule: (callback) => void frames.push(callback),
		});
		frames.splice(0);
		runIdle(); // decided; the badge waits for a frame
		cards()[0]!.setAttribute('data-legs', PEK_24H); // the same itinerary, written again
		await tick();
		while (frames.length > 0) frames.shift()!();
		while (idle.length > 0) runIdle(); // read again: the same itinerary
		while (frames.length > 0) frames.shift()!();
		expect(badges()).toEqual(['24h transit ✓ PEK']);
	});

	it('puts the changes idle reading decided to badges on the page after a quarter of a second at most, without waiting for the rest', async () => {
		page(...Array.from({length: 240}, () => PEK_24H));
		let clock = 0;
		const frames: (() => void)[] = [];
		start(legsAdapter({watchAttributes: ['data-legs']}), {
			intersectionObserver: FakeIntersectionObserver,
			idle: (callback) => void idle.push(() => callback()),
			schedule: (callback) => void frames.push(callback),
			now: () => clock,
		});
		const all = cards();
		const changed = () => badges().filter((b) => b !== '24h transit ✓ PEK');
		// Every card near, read and badged; then scrolled far away, and each card's itinerary changes.
		report(all, []);
		while (frames.length > 0) frames.shift()!();
		expect(badges()).toHaveLength(240);
		report([], all);
		for (const c of all) c.setAttribute('data-legs', PVG_3D); // an attribute the adapter watches
		await tick(); // the page's mutations are reported
		frames.splice(0).forEach((frame) => frame()); // the change is taken; the cards wait to be read in idle time
		reads = [];
		runIdle(); // 100 read: the changes to their badges wait for the rest of the reading
		expect(reads).toHaveLength(100);
		expect(frames).toHaveLength(0);
		clock += 250; // the first of them waited 250 ms: a frame shows what was decided so far
		runIdle();
		expect(reads).toHaveLength(200);
		expect(frames).toHaveLength(1);
		expect(changed()).toHaveLength(0);
		frames.shift()!(); // a frame's bounded batch, and the rest in the next frames
		expect(changed()).toHaveLength(100);
		while (frames.length > 0) frames.shift()!();
		expect(changed()).toHaveLength(200);
		runIdle();
		frames.shift()!();
		expect(changed()).toHaveLength(240);
	});

	it('puts the badges idle reading decided on the page a bounded batch a frame', async () => {
		page(...Array.from({length: 150}, () => PEK_24H));
		const frames: (() => void)[] = [];
		const s = start(legsAdapter(), {
			intersectionObserver: FakeIntersectionObserver,
			idle: (callback) => void idle.push(() => callback()),
			schedule: (callback) => void frames.push(callback),
		});
		frames.splice(0); // the first scan's frame: nothing near
		while (idle.length > 0) runIdle();
		expect(reads).toHaveLength(150);
		expect(badges()).toHaveLength(0);
		frames.shift()!();
		expect(badges()).toHaveLength(100);
		frames.shift()!();
		expect(badges()).toHaveLength(150);
		expect(frames).toHaveLength(0);
		expect(s.found().withStops).toBe(150);
	});

	it('a changed far card keeps its badge until the idle pass reads it again', async () => {
		page(PEK_24H);
		const s = startNear();
		report([cards()[0]!], []);
		await tick();
		report([], [cards()[0]!]); // scrolled far away
		cards()[0]!.setAttribute('data-legs', PVG_3D);
		cards()[0]!.replaceChildren(document.createElement('span'));
		await tick();
		expect(badges()).toEqual(['24h transit ✓ PEK']);
		runIdle();
		await tick();
		expect(badges()).toEqual(['240h visa-free ✓ until 26 Mar']);
		expect(s.found().withStops).toBe(1);
	});

	it('stops following cards that leave the page', async () => {
		page(PEK_24H, PVG_3D);
		startNear();
		cards()[0]!.remove();
		await tick();
		expect([...observers[0]!.watched]).toEqual(cards());
	});
});

describe('scanner: reread', () => {
	it('reads every card again; badges stay until the new verdict replaces them', async () => {
		// The content script's table learns airport names later (asked of the background): here, one the page uses.
		const learning = {...rules, aliases: new Map<string, string>()};
		const NAMED = PEK_24H.replace('PEK NRT', 'Qxzv-Field NRT').replace('JFK PEK', 'JFK Qxzv-Field');
		page(PVG_3D, NAMED, PVG_3D);
		const s = start(legsAdapter(), {rules: learning});
		expect(badges()).toEqual(['240h visa-free ✓ until 26 Mar', '240h visa-free ✓ until 26 Mar']);
		// Until the name is learned, the card does not read: no badge, and the popup says so.
		expect(s.found()).toEqual({itineraries: 2, withStops: 2, unplaced: 0, unread: 1});
		learning.aliases.set('Qxzv-Field', 'PEK');
		s.reread();
		await tick();
		expect(reads).toEqual(cards());
		expect(badges()).toEqual(['240h visa-free ✓ until 26 Mar', '24h transit ✓ PEK', '240h visa-free ✓ until 26 Mar']);
		expect(removals).toBe(0);
		expect(mounts).toBe(3);
		expect(s.found()).toEqual({itineraries: 3, withStops: 3, unplaced: 0});
	});
});

describe('scanner: placement checks wait for the browser to lay the page out', () => {
	it('checks the new badges only when the layout callback runs, then moves a clipped one and counts it', async () => {
		page(PEK_24H, PVG_3D);
		const waiting: (() => void)[] = [];
		const checked: Element[] = [];
		// The first card's badge is clipped at its first placement; every other badge is painted.
		const checkPlacement = (host: Element, card: Element) => {
			checked.push(card);
			return card === cards()[0] && card.lastElementChild === host ? 'clipped' : 'painted';
		};
		const adapter = legsAdapter({
			badgePlacements: (card) => [
				{anchor: card, append: 'last'},
				{anchor: card.querySelector('span')!, append: 'last'},
			],
		});
		const s = start(adapter, {checkPlacement, afterLayout: (callback) => void waiting.push(callback)});
		// Two badges are on the page; their boxes were not read (that would have made the page lay itself out).
		expect(badges()).toHaveLength(2);
		expect(checked).toEqual([]);
		expect(waiting).toHaveLength(1);
		waiting.shift()!();
		expect(checked.slice(0, 2)).toEqual(cards());
		// The clipped one moved to its next place, and was checked there.
		expect(cards()[0]!.querySelector('span > ctc-badge')).not.toBeNull();
		expect(s.found()).toEqual({itineraries: 2, withStops: 2, unplaced: 0});
		// One wait at a time: a new card while a check is pending does not ask for another.
		document.querySelector('ul')!.append(fragment(card(PVG_3D)));
		await tick();
		expect(waiting.length).toBeLessThanOrEqual(1);
	});
});
