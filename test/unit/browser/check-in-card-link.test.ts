import {describe, expect, it, vi} from 'vitest';
import {loadRules} from '@/lib/rules/load-rules';
import type {TripInput} from '@/lib/rules/types';
import {validateTrip} from '@/lib/rules/validate';
import {
	CARD_ENTRY_TTL_MS,
	CARD_PATH,
	cardEntryKey,
	cardPagePath,
	isCardKey,
	staleCardEntries,
	takeCardTrip,
	type SessionArea,
	type TabStore,
} from '@/lib/browser/check-in-card-link';

const rules = loadRules();
const validate = (trip: unknown) => validateTrip(trip, rules);
const KEY = '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const TRIP: TripInput = {
	passports: ['DE', 'GB'],
	segments: [
		{from: 'HKG', to: 'CAN', flight: '航班 CZ 3076', connectionMinutes: 95},
		{from: 'CAN', to: 'SIN', separateTickets: true},
	],
};

function session(items: Record<string, unknown> = {}): SessionArea & {items: Record<string, unknown>} {
	return {
		items,
		get: vi.fn(async (k: string | string[] | null) => (typeof k === 'string' && k in items ? {[k]: structuredClone(items[k])} : {})),
		set: vi.fn(async (v: Record<string, unknown>) => void Object.assign(items, v)),
		remove: vi.fn(async (k: string | string[]) => {
			for (const name of typeof k === 'string' ? [k] : k) delete items[name];
		}),
	};
}

function tabStore(): TabStore & {data: Map<string, string>} {
	const data = new Map<string, string>();
	return {data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v)};
}

describe('card keys', () => {
	it('opens the card page with the key alone in the hash', () => {
		expect(CARD_PATH).toBe('/check-in-card.html');
		expect(cardPagePath(KEY)).toBe(`/check-in-card.html#${KEY}`);
		expect(cardEntryKey(KEY)).toBe(`card:${KEY}`);
	});

	it('accepts crypto.randomUUID() keys only', () => {
		expect(isCardKey(crypto.randomUUID())).toBe(true);
		for (const bad of ['', 'card', KEY.toUpperCase(), `${KEY}x`, encodeURIComponent(JSON.stringify(TRIP)), `${KEY}#${KEY}`])
			expect(isCardKey(bad), bad).toBe(false);
	});

	it('finds the entries nobody took in time', () => {
		const now = 10 * CARD_ENTRY_TTL_MS;
		const items = {
			[cardEntryKey('old')]: {trip: TRIP, at: now - CARD_ENTRY_TTL_MS - 1},
			[cardEntryKey('fresh')]: {trip: TRIP, at: now - 5},
			[cardEntryKey('no-time')]: {trip: TRIP},
			[cardEntryKey('null')]: null,
			'card-tab': 12,
		};
		expect(staleCardEntries(items, now).sort()).toEqual([cardEntryKey('no-time'), cardEntryKey('null'), cardEntryKey('old')]);
	});
});

describe('taking the trip for the card page', () => {
	it('takes it once from storage.session, and keeps it in the tab for a reload', async () => {
		const s = session({[cardEntryKey(KEY)]: {trip: TRIP, at: 1}});
		const tab = tabStore();
		expect(await takeCardTrip(`#${KEY}`, {session: s, tab}, validate)).toEqual({ok: true, trip: TRIP});
		expect(s.items).toEqual({});
		// A reload of the same tab: from its sessionStorage, storage.session is not asked again.
		expect(await takeCardTrip(`#${KEY}`, {session: s, tab}, validate)).toEqual({ok: true, trip: TRIP});
		expect(s.get).toHaveBeenCalledTimes(1);
		// Any other tab (the link copied, or history) finds nothing.
		expect(await takeCardTrip(`#${KEY}`, {session: s, tab: tabStore()}, validate)).toMatchObject({ok: false, code: 'expired'});
	});

	it('keeps the last few trips of the tab, newest last', async () => {
		const tab = tabStore();
		const keys = Array.from({length: 12}, () => crypto.randomUUID());
		for (const key of keys) {
			const read = await takeCardTrip(key, {session: session({[cardEntryKey(key)]: {trip: TRIP, at: 1}}), tab}, validate);
			expect(read.ok).toBe(true);
		}
		const kept = Object.keys(JSON.parse(tab.data.get('ctc-card-trips')!) as object);
		expect(kept).toEqual(keys.slice(-10));
	});

	it('answers a missing, damaged or unknown key with an error, never an exception', async () => {
		const stores = {session: session(), tab: tabStore()};
		expect(await takeCardTrip('', stores, validate)).toMatchObject({ok: false, code: 'missing'});
		expect(await takeCardTrip('#', stores, validate)).toMatchObject({ok: false, code: 'missing'});
		for (const hash of ['#not-a-trip', `#${encodeURIComponent(JSON.stringify(TRIP))}`, '#%E0%A4%A', `#${KEY.slice(0, 30)}`]) {
			expect(await takeCardTrip(hash, stores, validate), hash).toMatchObject({ok: false, code: 'damaged'});
		}
		expect(await takeCardTrip(`#${KEY}`, stores, validate)).toMatchObject({
			ok: false,
			code: 'expired',
			error: expect.stringContaining('opens once'),
		});
		const broken = session();
		broken.get = async () => {
			throw new Error('storage.session is undefined');
		};
		expect(await takeCardTrip(`#${KEY}`, {session: broken, tab: tabStore()}, validate)).toMatchObject({ok: false, code: 'expired'});
		// A tab store holding garbage is as good as empty.
		const garbage = tabStore();
		garbage.setItem('ctc-card-trips', '{{{');
		expect(await takeCardTrip(`#${KEY}`, {session: session(), tab: garbage}, validate)).toMatchObject({ok: false, code: 'expired'});
	});

	it('checks the stored trip against the rules', async () => {
		const take = (trip: unknown) =>
			takeCardTrip(KEY, {session: session({[cardEntryKey(KEY)]: {trip, at: 1}}), tab: tabStore()}, validate);
		expect(await take({passports: ['US'], segments: [{from: 'JFK', to: 'ZZZ'}]})).toEqual({
			ok: false,
			code: 'invalid',
			error: 'segments.0.to: unknown airport code "ZZZ"',
		});
		expect(await take({passports: ['XX'], segments: []})).toMatchObject({
			ok: false,
			code: 'invalid',
			error: expect.stringContaining('unknown passport country code "XX"'),
		});
		expect(await take({...TRIP, extra: 1})).toMatchObject({ok: false, code: 'invalid'});
		expect(await take(null)).toMatchObject({ok: false, code: 'invalid'});
	});
});
