import {beforeEach, describe, expect, it, vi} from 'vitest';
import {CARD_TAB_ITEM, createBackgroundHandler, OPEN_LIMITS, type BackgroundDeps, type Sender} from '@/lib/browser/background-handler';
import type {TripInput} from '@/lib/rules/types';
import {CARD_ENTRY_TTL_MS, cardEntryKey, type SessionArea} from '@/lib/browser/check-in-card-link';
import {DETAILS_ENTRY_TTL_MS, detailsEntryKey} from '@/lib/browser/details-link';
import {resolveNames, zonesOf} from '@/lib/airports';
import {loadRules} from '@/lib/rules/load-rules';
import {explainTripsWithText} from '@/lib/ui/details';

const rules = loadRules();

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const COMPACT_TEXT = '{"rulesVersion":"test"}';
const ROOT = `chrome-extension://${ID}/`;
const TRIP: TripInput = {
	passports: ['US'],
	segments: [
		{from: 'LAX', to: 'PVG', departure: '2026-03-15T11:00', arrival: '2026-03-16T17:00', flight: 'MU586'},
		{from: 'PVG', to: 'ICN', departure: '2026-03-20T09:00', arrival: '2026-03-20T12:00'},
	],
};

/** A content script in a booking page's tab; the popup (an extension page, no tab); a web page that is neither. */
const contentScript = (tab = 7): Sender => ({id: ID, url: 'https://www.google.com/travel/flights', tab: {id: tab}});
const popup: Sender = {id: ID, url: `${ROOT}popup.html`};
const optionsTab: Sender = {id: ID, url: `${ROOT}options.html`, tab: {id: 3}};

type FakeTab = {id: number; url: string; windowId: number};

function fakeBrowser() {
	const tabs = new Map<number, FakeTab>();
	const items = new Map<string, unknown>();
	let nextId = 100;
	let clock = 1_000_000;
	const session: SessionArea = {
		get: vi.fn(async (keys: string | string[] | null) => {
			const names = keys === null ? [...items.keys()] : typeof keys === 'string' ? [keys] : keys;
			return Object.fromEntries(names.filter((k) => items.has(k)).map((k) => [k, structuredClone(items.get(k))]));
		}),
		set: vi.fn(async (values: Record<string, unknown>) => {
			for (const [k, v] of Object.entries(values)) items.set(k, structuredClone(v));
		}),
		remove: vi.fn(async (keys: string | string[]) => {
			for (const k of typeof keys === 'string' ? [keys] : keys) items.delete(k);
		}),
	};
	const deps = {
		runtimeId: ID,
		extensionRoot: ROOT,
		tabs: {
			create: vi.fn(async ({url}: {url: string}) => {
				const tab = {id: nextId++, url, windowId: 1};
				tabs.set(tab.id, tab);
				return {...tab};
			}),
			update: vi.fn(async (id: number, {url}: {url: string}) => {
				const tab = tabs.get(id);
				if (!tab) throw new Error(`No tab with id: ${id}`);
				tab.url = url;
				return {...tab};
			}),
			get: vi.fn(async (id: number) => {
				const tab = tabs.get(id);
				if (!tab) throw new Error(`No tab with id: ${id}`);
				return {...tab};
			}),
		},
		focusWindow: vi.fn(async () => undefined),
		session,
		openOptionsPage: vi.fn(async () => undefined),
		syncUserSites: vi.fn(async () => undefined),
		now: () => clock,
		randomKey: () => crypto.randomUUID(),
		explain: vi.fn((request: Parameters<BackgroundDeps['explain']>[0]) => explainTripsWithText(request, rules)),
		airportCodes: vi.fn((names: string[]) => resolveNames(names, rules)),
		airportZones: vi.fn((codes: string[]) => zonesOf(codes, rules)),
		compactText: () => COMPACT_TEXT,
		showVerdict: vi.fn(async () => undefined),
		tellFrame: vi.fn(async () => undefined),
	} satisfies BackgroundDeps;
	return {deps, tabs, items, advance: (ms: number) => (clock += ms)};
}

let b: ReturnType<typeof fakeBrowser>;
let handle: ReturnType<typeof createBackgroundHandler>;
beforeEach(() => {
	b = fakeBrowser();
	handle = createBackgroundHandler(b.deps);
});

const nothingHappened = () => {
	expect(b.deps.tabs.create).not.toHaveBeenCalled();
	expect(b.deps.tabs.update).not.toHaveBeenCalled();
	expect(b.deps.openOptionsPage).not.toHaveBeenCalled();
	expect(b.deps.syncUserSites).not.toHaveBeenCalled();
	expect(b.deps.session.set).not.toHaveBeenCalled();
};

describe('the sender', () => {
	it('must be this extension', async () => {
		for (const sender of [
			{...contentScript(), id: 'otherextensionidotherextensionid'},
			{...popup, id: undefined},
			{url: `${ROOT}popup.html`},
		]) {
			for (const message of [{type: 'open-card', trip: TRIP}, {type: 'open-options'}, {type: 'sync-user-sites'}]) {
				expect(await handle(message, sender)).toEqual({ok: false, reason: 'forbidden'});
			}
		}
		nothingHappened();
	});

	it('asks for a card or the options from its tab (content script) or from an extension page', async () => {
		const noTab: Sender[] = [
			{id: ID},
			{id: ID, url: 'https://www.google.com/travel/flights'},
			{id: ID, url: 'https://evil.example/chrome-extension://' + ID + '/'},
			{id: ID, url: `chrome-extension://${ID}evil/popup.html`},
			{id: ID, url: `moz-extension://${ID}/popup.html`},
			{id: ID, tab: {}},
		];
		for (const sender of noTab) {
			expect(await handle({type: 'open-card', trip: TRIP}, sender), JSON.stringify(sender)).toEqual({ok: false, reason: 'forbidden'});
			expect(await handle({type: 'open-options'}, sender), JSON.stringify(sender)).toEqual({ok: false, reason: 'forbidden'});
		}
		nothingHappened();
		expect(await handle({type: 'open-options'}, contentScript())).toEqual({ok: true});
		expect(await handle({type: 'open-card', trip: TRIP}, popup)).toEqual({ok: true});
		expect(b.deps.openOptionsPage).toHaveBeenCalledTimes(1);
		expect(b.deps.tabs.create).toHaveBeenCalledTimes(1);
	});

	it('asks for the user-site sync only from an extension page, never from a content script', async () => {
		expect(await handle({type: 'sync-user-sites'}, contentScript())).toEqual({ok: false, reason: 'forbidden'});
		expect(await handle({type: 'sync-user-sites'}, {id: ID, url: 'https://agent.example.test/', tab: {id: 4}})).toEqual({
			ok: false,
			reason: 'forbidden',
		});
		expect(b.deps.syncUserSites).not.toHaveBeenCalled();
		expect(await handle({type: 'sync-user-sites'}, optionsTab)).toEqual({ok: true});
		expect(await handle({type: 'sync-user-sites'}, popup)).toEqual({ok: true});
		expect(b.deps.syncUserSites).toHaveBeenCalledTimes(2);
	});
});

describe('the payload', () => {
	it('is refused when it is not exactly one of our messages', async () => {
		const bad: unknown[] = [
			undefined,
			null,
			'open-options',
			7,
			[],
			{},
			{type: 'open-tab', url: 'https://evil.example'},
			{type: 'open-card'},
			{type: 'open-card', hash: encodeURIComponent(JSON.stringify(TRIP))},
			{type: 'open-card', trip: {...TRIP, segments: 'LAX-PVG'}},
			{type: 'open-card', trip: {passports: ['US']}},
			{type: 'open-card', trip: {...TRIP, segments: Array.from({length: 5000}, () => TRIP.segments[0])}},
			{type: 'open-card', trip: {...TRIP, passports: Array(1000).fill('US')}},
			{type: 'open-card', trip: {...TRIP, segments: [{...TRIP.segments[0], flight: 'x'.repeat(100_000)}]}},
			{type: 'open-card', trip: {...TRIP, junk: true}},
			{type: 'open-card', trip: TRIP, url: 'https://evil.example'},
			{type: 'open-options', junk: 1},
			{type: 'sync-user-sites', matches: ['<all_urls>']},
		];
		for (const message of bad) {
			expect(await handle(message, contentScript()), JSON.stringify(message)?.slice(0, 100)).toEqual({ok: false, reason: 'invalid'});
			expect(await handle(message, popup)).toEqual({ok: false, reason: 'invalid'});
		}
		nothingHappened();
	});

	it('never throws, whatever arrives or fails', async () => {
		const cyclic: Record<string, unknown> = {type: 'open-card'};
		cyclic.trip = cyclic;
		await expect(handle(cyclic, contentScript())).resolves.toEqual({ok: false, reason: 'invalid'});
		await expect(handle({type: 'open-options'}, null as unknown as Sender)).resolves.toEqual({ok: false, reason: 'failed'});
		b.deps.tabs.create.mockRejectedValueOnce(new Error('tabs are off'));
		await expect(handle({type: 'open-card', trip: TRIP}, contentScript())).resolves.toEqual({ok: false, reason: 'failed'});
		b.deps.syncUserSites.mockRejectedValueOnce(new Error('no scripting'));
		await expect(handle({type: 'sync-user-sites'}, popup)).resolves.toEqual({ok: false, reason: 'failed'});
	});
});

describe('opening the card', () => {
	it('stores the trip under a one-time key and puts only that key in the URL', async () => {
		expect(await handle({type: 'open-card', trip: TRIP}, contentScript())).toEqual({ok: true});
		expect(b.deps.tabs.create).toHaveBeenCalledTimes(1);
		const {url, active} = b.deps.tabs.create.mock.calls[0]![0] as {url: string; active: boolean};
		expect(active).toBe(true);
		const key = url.match(new RegExp(`^${ROOT}check-in-card\\.html#([0-9a-f-]{36})$`))?.[1];
		expect(key, url).toBeDefined();
		for (const secret of ['US', 'LAX', 'PVG', 'ICN', 'MU586', '2026', 'passports', '%7B', '{']) expect(url).not.toContain(secret);
		expect(b.items.get(cardEntryKey(key!))).toEqual({trip: TRIP, at: expect.any(Number)});

		// The next card gets a fresh key.
		b.advance(OPEN_LIMITS.perSenderMs);
		await handle({type: 'open-card', trip: TRIP}, contentScript());
		const next = (b.deps.tabs.update.mock.calls[0]![1] as {url: string}).url;
		expect(next).not.toBe(url);
		expect(next).toMatch(/check-in-card\.html#[0-9a-f-]{36}$/);
	});

	it('opens one tab for a burst of clicks, and reuses it for the next click', async () => {
		const replies = await Promise.all(Array.from({length: 20}, () => handle({type: 'open-card', trip: TRIP}, contentScript())));
		expect(replies.filter((r) => r.ok)).toHaveLength(1);
		expect(replies.filter((r) => !r.ok && r.reason === 'rate-limited')).toHaveLength(19);
		expect(b.deps.tabs.create).toHaveBeenCalledTimes(1);
		expect([...b.items.keys()].filter((k) => k.startsWith('card:'))).toHaveLength(1);
		const first = [...b.tabs.values()][0]!;

		b.advance(OPEN_LIMITS.perSenderMs);
		expect(await handle({type: 'open-card', trip: TRIP}, contentScript())).toEqual({ok: true});
		expect(b.deps.tabs.create).toHaveBeenCalledTimes(1);
		expect(b.deps.tabs.update).toHaveBeenCalledTimes(1);
		expect(b.deps.tabs.update.mock.calls[0]![0]).toBe(first.id);
		expect(b.deps.tabs.update.mock.calls[0]![1]).toMatchObject({active: true});
		expect(b.deps.focusWindow).toHaveBeenCalledWith(first.windowId);
		expect(b.tabs.size).toBe(1);
	});

	it('limits each sender tab on its own, and everyone together', async () => {
		const replies = [];
		for (let tab = 1; tab <= OPEN_LIMITS.globalMax + 3; tab++)
			replies.push(await handle({type: 'open-card', trip: TRIP}, contentScript(tab)));
		expect(replies.filter((r) => r.ok)).toHaveLength(OPEN_LIMITS.globalMax);
		expect(replies.slice(OPEN_LIMITS.globalMax)).toEqual(Array(3).fill({ok: false, reason: 'rate-limited'}));
		// All in the one card tab.
		expect(b.tabs.size).toBe(1);
		b.advance(OPEN_LIMITS.globalWindowMs);
		expect(await handle({type: 'open-card', trip: TRIP}, contentScript(1))).toEqual({ok: true});
	});

	it('opens a new card tab when the last one was closed or navigated elsewhere', async () => {
		await handle({type: 'open-card', trip: TRIP}, contentScript());
		b.tabs.clear();
		b.advance(OPEN_LIMITS.perSenderMs);
		await handle({type: 'open-card', trip: TRIP}, contentScript());
		expect(b.deps.tabs.create).toHaveBeenCalledTimes(2);
		[...b.tabs.values()][0]!.url = 'https://bank.example/transfer';
		b.advance(OPEN_LIMITS.perSenderMs);
		await handle({type: 'open-card', trip: TRIP}, contentScript());
		expect(b.deps.tabs.create).toHaveBeenCalledTimes(3);
		expect(b.deps.tabs.update).not.toHaveBeenCalled();
	});

	it('still finds its card tab after the service worker restarted', async () => {
		await handle({type: 'open-card', trip: TRIP}, contentScript());
		expect(typeof b.items.get(CARD_TAB_ITEM)).toBe('number');
		const restarted = createBackgroundHandler(b.deps);
		expect(await restarted({type: 'open-card', trip: TRIP}, contentScript(8))).toEqual({ok: true});
		expect(b.deps.tabs.create).toHaveBeenCalledTimes(1);
		expect(b.deps.tabs.update).toHaveBeenCalledTimes(1);
	});

	it('removes entries nobody took once they are old', async () => {
		b.items.set(cardEntryKey('00000000-0000-4000-8000-000000000000'), {trip: TRIP, at: b.deps.now() - CARD_ENTRY_TTL_MS - 1});
		b.items.set(cardEntryKey('11111111-1111-4111-8111-111111111111'), {trip: TRIP, at: b.deps.now() - 1000});
		b.items.set('unrelated', 1);
		await handle({type: 'open-card', trip: TRIP}, popup);
		const keys = [...b.items.keys()];
		expect(keys).not.toContain(cardEntryKey('00000000-0000-4000-8000-000000000000'));
		expect(keys).toContain(cardEntryKey('11111111-1111-4111-8111-111111111111'));
		expect(keys).toContain('unrelated');
		expect(keys.filter((k) => k.startsWith('card:'))).toHaveLength(2);
	});
});

describe('opening the options', () => {
	it('opens them once for a burst of clicks', async () => {
		const replies = await Promise.all(Array.from({length: 20}, () => handle({type: 'open-options'}, contentScript())));
		expect(replies.filter((r) => r.ok)).toHaveLength(1);
		expect(b.deps.openOptionsPage).toHaveBeenCalledTimes(1);
		b.advance(OPEN_LIMITS.perSenderMs);
		expect(await handle({type: 'open-options'}, contentScript())).toEqual({ok: true});
		expect(b.deps.openOptionsPage).toHaveBeenCalledTimes(2);
		// A card click right after an options click is a different request.
		expect(await handle({type: 'open-card', trip: TRIP}, contentScript())).toEqual({ok: true});
	});
});

describe('what the content script asks of the full dataset', () => {
	it("explains a badge's trips from the full rules, in the badge's language, for its details frame", async () => {
		const frame: Sender = {id: ID, url: `${ROOT}details.html#k`, tab: {id: 7}};
		for (const [locale, heading] of [
			['en', 'Stop 1: PVG'],
			['zh-CN', '第1站：PVG'],
		] as const) {
			const open = {type: 'details-open', trips: [TRIP], today: '2026-03-01', locale, heuristic: false};
			const {key} = (await handle(open, contentScript())) as {key: string};
			const reply = await handle({type: 'details-frame', key}, frame);
			expect(reply.ok).toBe(true);
			const explained = (
				reply as {details: {stops: {heading: string; policies: {name: string}[]}[]; sources: {items: {title: string}[]}}}
			).details;
			expect(explained.stops[0]!.heading).toBe(heading);
			if (locale === 'en') expect(explained.stops[0]!.policies.map((p) => p.name)).toContain('240-hour visa-free transit');
			// Source titles: what the content script does not carry.
			expect(explained.sources.items.length).toBeGreaterThan(0);
		}
		expect(b.deps.explain).toHaveBeenCalledTimes(2);
	});

	it("no longer answers the details themselves to a content script (they are the frame's only)", async () => {
		const old = {type: 'details', trips: [TRIP], today: '2026-03-01', locale: 'en', heuristic: false};
		expect(await handle(old, contentScript())).toEqual({ok: false, reason: 'invalid'});
		expect(b.deps.explain).not.toHaveBeenCalled();
	});

	it('reads airport names with the full table, null where it cannot', async () => {
		const reply = await handle(
			{type: 'airport-names', names: ['Shanghai Pudong International Airport', '北京首都国际机场', 'Atlantis']},
			contentScript(),
		);
		expect(reply).toEqual({ok: true, codes: {'Shanghai Pudong International Airport': 'PVG', 北京首都国际机场: 'PEK', Atlantis: null}});
		expect(await handle({type: 'airport-names', names: ['x'.repeat(201)]}, contentScript())).toEqual({ok: false, reason: 'invalid'});
		expect(await handle({type: 'airport-names', names: ['PVG']}, {id: ID})).toEqual({ok: false, reason: 'forbidden'});
	});

	// The generic page's normaliser places a GDS line's landing after midnight, and bounds a ticket coupon's, by them.
	it('gives a content script the time zones of airport codes, null for a code the table lacks', async () => {
		const reply = await handle({type: 'airport-zones', codes: ['DXB', 'PEK', 'ZZZ']}, contentScript());
		expect(reply).toEqual({ok: true, zones: {DXB: 'Asia/Dubai', PEK: 'Asia/Shanghai', ZZZ: null}});
		for (const codes of [[], ['pek'], ['PEKX'], ['toString'], Array.from({length: 201}, () => 'PEK')])
			expect(await handle({type: 'airport-zones', codes}, contentScript())).toEqual({ok: false, reason: 'invalid'});
		expect(await handle({type: 'airport-zones', codes: ['PEK']}, {id: ID})).toEqual({ok: false, reason: 'forbidden'});
		expect(await handle({type: 'airport-zones', codes: ['PEK']}, {id: 'another-extension', tab: {id: 7}})).toEqual({
			ok: false,
			reason: 'forbidden',
		});
	});

	it('sends a content script the compact dataset as text, to a tab of ours only', async () => {
		expect(await handle({type: 'compact-rules'}, contentScript())).toEqual({ok: true, text: COMPACT_TEXT});
		expect(await handle({type: 'compact-rules', extra: 1}, contentScript())).toEqual({ok: false, reason: 'invalid'});
		expect(await handle({type: 'compact-rules'}, {id: ID})).toEqual({ok: false, reason: 'forbidden'});
		expect(await handle({type: 'compact-rules'}, {id: 'another-extension', tab: {id: 7}})).toEqual({ok: false, reason: 'forbidden'});
	});
});

describe("a badge's details, shown in the extension's details frame", () => {
	const open = {type: 'details-open', trips: [TRIP], today: '2026-03-01', locale: 'zh-CN', heuristic: false, card: TRIP};
	/** The details page in a booking page's tab (Chrome loads it through the session's dynamic id, not the runtime id). */
	const frame = (tab = 7): Sender => ({
		id: ID,
		url: `chrome-extension://0f1e2d3c4b5a69788796a5b4c3d2e1f0/details.html#x`,
		tab: {id: tab},
	});
	const keyOf = async (sender = {...contentScript(), frameId: 4}) => {
		const reply = await handle(open, sender);
		expect(reply.ok).toBe(true);
		return (reply as {key: string}).key;
	};

	it("keeps what a content script hands over under a fresh key, and answers its tab's details frame only", async () => {
		const key = await keyOf();
		expect(key).toMatch(/^[0-9a-f-]{36}$/);
		expect(b.items.get(detailsEntryKey(key))).toMatchObject({tabId: 7, frameId: 4, request: {locale: 'zh-CN', card: TRIP}});
		const reply = await handle({type: 'details-frame', key}, frame());
		expect(reply).toMatchObject({ok: true, locale: 'zh-CN', card: TRIP});
		expect((reply as {details: {stops: {heading: string}[]}}).details.stops[0]!.heading).toBe('第1站：PVG');
		// The same details as text to copy, in the badge's language.
		expect((reply as {text: string}).text).toMatch(/^中国过境免签查询：\S+ → PVG → /);
		expect((reply as {text: string}).text).toContain('第1站：PVG');
		// Not to a content script (whatever it knows), our other pages, or another extension; another tab's details
		// frame learns nothing more than for a key nobody stored.
		for (const sender of [contentScript(), optionsTab, popup, {...frame(), id: 'otherextensionidotherextensionid'}]) {
			expect(await handle({type: 'details-frame', key}, sender)).toEqual({ok: false, reason: 'forbidden'});
		}
		expect(await handle({type: 'details-frame', key}, frame(8))).toEqual({ok: false, reason: 'expired'});
		expect(await handle({type: 'details-frame', key: crypto.randomUUID()}, frame())).toEqual({ok: false, reason: 'expired'});
	});

	it('takes what a popover shows from a content script only, bounded as any request', async () => {
		for (const sender of [popup, optionsTab, frame()]) expect(await handle(open, sender)).toEqual({ok: false, reason: 'forbidden'});
		const tooMany = {...open, trips: Array.from({length: 101}, () => TRIP)};
		expect(await handle(tooMany, contentScript())).toEqual({ok: false, reason: 'invalid'});
		expect(await handle({...open, extra: 1}, contentScript())).toEqual({ok: false, reason: 'invalid'});
		expect(await handle({type: 'details-frame', key: '../options'}, frame())).toEqual({ok: false, reason: 'invalid'});
		expect(b.items.size).toBe(0);
	});

	it("closes the popover through the content script of the key's own tab and frame, never another", async () => {
		const key = await keyOf();
		expect(await handle({type: 'details-close', key}, frame(8))).toEqual({ok: false, reason: 'expired'});
		expect(await handle({type: 'details-close', key}, contentScript())).toEqual({ok: false, reason: 'forbidden'});
		expect(b.deps.tellFrame).not.toHaveBeenCalled();
		expect(await handle({type: 'details-close', key}, frame())).toEqual({ok: true});
		expect(b.deps.tellFrame).toHaveBeenCalledWith(7, 4, {type: 'details-close', key});
	});

	it('still answers after the service worker restarted, and forgets old keys and the earlier popover of a frame', async () => {
		const first = await keyOf();
		const other = await keyOf({...contentScript(9), frameId: 0});
		// A new handler: the worker slept and woke up; what it knows is in storage.session.
		handle = createBackgroundHandler(b.deps);
		expect(await handle({type: 'details-frame', key: first}, frame())).toMatchObject({ok: true});
		const second = await keyOf();
		expect(b.items.has(detailsEntryKey(first))).toBe(false);
		expect(await handle({type: 'details-frame', key: first}, frame())).toEqual({ok: false, reason: 'expired'});
		expect(await handle({type: 'details-frame', key: second}, frame())).toMatchObject({ok: true});
		b.advance(DETAILS_ENTRY_TTL_MS + 1);
		await keyOf({...contentScript(11), frameId: 0});
		expect(b.items.has(detailsEntryKey(other))).toBe(false);
		expect(b.items.has(detailsEntryKey(second))).toBe(false);
	});
});

describe('the toolbar verdict', () => {
	const verdict = {type: 'page-verdict', withStops: 2, tone: 'ok', text: '24h transit ✓ HAK', locale: 'en'} as const;
	const contentScript: Sender = {id: ID, url: 'https://www.google.com/travel/flights', tab: {id: 7}};

	it("shows a content script's verdict on its own tab only", async () => {
		expect(await handle(verdict, contentScript)).toEqual({ok: true});
		expect(b.deps.showVerdict).toHaveBeenCalledWith(7, {withStops: 2, tone: 'ok', text: '24h transit ✓ HAK', locale: 'en'});
	});

	it('refuses it from an extension page, another extension, or with a bad shape', async () => {
		expect(await handle(verdict, {id: ID, url: `chrome-extension://${ID}/options.html`, tab: {id: 3}})).toEqual({
			ok: false,
			reason: 'forbidden',
		});
		expect(await handle(verdict, {id: 'other', tab: {id: 7}})).toEqual({ok: false, reason: 'forbidden'});
		expect(await handle({...verdict, tone: 'great'}, contentScript)).toEqual({ok: false, reason: 'invalid'});
		expect(await handle({...verdict, text: 'x'.repeat(201)}, contentScript)).toEqual({ok: false, reason: 'invalid'});
		expect(await handle({...verdict, tabId: 9}, contentScript)).toEqual({ok: false, reason: 'invalid'});
		expect(b.deps.showVerdict).not.toHaveBeenCalled();
	});
});
