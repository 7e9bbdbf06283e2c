import fs from 'node:fs';
import {describe, expect, it} from 'vitest';
import {adapters} from '@/lib/adapters';
import {
	MESSAGE_LIMITS,
	parsePageStatus,
	parseToBackground,
	parseToContent,
	type PageStatus,
	type ToBackground,
	type ToContent,
} from '@/lib/browser/messages';
import {genericDetector, genericPageAdapter} from '@/lib/detect/generic-page';
import {pageStatus} from '@/lib/detect/page-status';
import {loadRules} from '@/lib/rules/load-rules';
import type {TripInput} from '@/lib/rules/types';

const TRIP: TripInput = {
	passports: ['US', 'FR'],
	segments: [
		{from: 'LAX', to: 'PVG', departure: '2026-03-15T11:00', arrival: '2026-03-16T17:00', flight: 'MU586'},
		{from: 'PVG', to: 'ICN', departure: '2026-03-20T09:00', separateTickets: true, connectionMinutes: 95},
	],
};
const segment = (i: number) => ({from: `A${i % 10}X`, to: `B${i % 10}X`});
const RECORD: NonNullable<PageStatus['record']> = {nationalities: ['FRA', 'CH'], itineraries: [TRIP.segments], heuristic: true};

describe('messages to the background', () => {
	it('round-trips every valid message', () => {
		const key = '7a993f76-8764-476e-982b-8a11a7108f7a';
		const valid: ToBackground[] = [
			{type: 'open-options'},
			{type: 'open-card', trip: TRIP},
			{type: 'sync-user-sites'},
			{type: 'details-open', trips: [TRIP], today: '2026-03-01', locale: 'zh-TW', heuristic: true},
			{type: 'details-open', trips: [TRIP], today: '2026-03-01', locale: 'en', heuristic: false, card: TRIP},
			{type: 'details-open', trips: [TRIP], today: '2026-03-01', locale: 'en', heuristic: true, recordNationalities: ['FRA', 'CH']},
			{type: 'details-open', trips: [TRIP], today: '2026-03-01', locale: 'en', heuristic: true, tripsOmitted: 5},
			{
				type: 'details-open',
				trips: [TRIP],
				today: '2026-03-01',
				locale: 'en',
				heuristic: true,
				leftOut: {unknownAirports: [{from: 'PEK', to: 'QQZ', flight: 'CA123', unknown: ['QQZ']}], excluded: []},
			},
			{
				type: 'details-open',
				trips: [TRIP],
				today: '2026-03-01',
				locale: 'en',
				heuristic: true,
				recordNationalities: Array(MESSAGE_LIMITS.recordNationalities).fill('XXX'),
			},
			{type: 'details-frame', key},
			{type: 'details-close', key},
		];
		for (const m of valid) expect(parseToBackground(structuredClone(m))).toEqual(m);
		// At the bounds, not beyond.
		const longest: ToBackground = {
			type: 'open-card',
			trip: {
				passports: Array(MESSAGE_LIMITS.passports).fill('US'),
				segments: Array.from({length: MESSAGE_LIMITS.segments}, (_, i) => segment(i)),
			},
		};
		expect(parseToBackground(longest)).toEqual(longest);
	});

	it('rejects what is not one of ours: wrong types, missing fields, extra junk, huge arrays and strings', () => {
		const bad: unknown[] = [
			undefined,
			null,
			42,
			'open-options',
			[],
			[{type: 'open-options'}],
			{},
			{type: 'open-tab'},
			{type: 'OPEN-OPTIONS'},
			{type: 42},
			{type: 'open-options', url: 'https://evil.example'},
			{type: 'sync-user-sites', sites: ['https://evil.example']},
			{type: 'open-card'},
			{type: 'open-card', hash: '%7B%7D'},
			{type: 'open-card', trip: null},
			{type: 'open-card', trip: 'LAX-PVG'},
			{type: 'open-card', trip: {passports: ['US']}},
			{type: 'open-card', trip: {segments: TRIP.segments}},
			{type: 'open-card', trip: {...TRIP, extra: 1}},
			{type: 'open-card', trip: TRIP, url: 'https://evil.example'},
			{type: 'open-card', trip: {...TRIP, segments: []}},
			{type: 'open-card', trip: {...TRIP, segments: [{...TRIP.segments[0], script: '<img onerror>'}]}},
			{type: 'open-card', trip: {...TRIP, segments: [{from: 'LAX'}]}},
			{type: 'open-card', trip: {...TRIP, segments: [{from: 1, to: 2}]}},
			{type: 'open-card', trip: {...TRIP, segments: [{...TRIP.segments[0], connectionMinutes: -5}]}},
			{type: 'open-card', trip: {...TRIP, segments: [{...TRIP.segments[0], connectionMinutes: 1.5}]}},
			{type: 'open-card', trip: {...TRIP, segments: [{...TRIP.segments[0], separateTickets: 'yes'}]}},
			{type: 'open-card', trip: {...TRIP, passports: 'US'}},
			{type: 'open-card', trip: {...TRIP, passports: Array(MESSAGE_LIMITS.passports + 1).fill('US')}},
			{type: 'open-card', trip: {...TRIP, passports: ['U'.repeat(10_000)]}},
			{type: 'open-card', trip: {...TRIP, segments: Array.from({length: MESSAGE_LIMITS.segments + 1}, (_, i) => segment(i))}},
			{type: 'open-card', trip: {...TRIP, segments: Array.from({length: 100_000}, (_, i) => segment(i))}},
			{type: 'open-card', trip: {...TRIP, segments: [{...TRIP.segments[0], flight: 'x'.repeat(1_000_000)}]}},
			{type: 'open-card', trip: {...TRIP, segments: [{...TRIP.segments[0], from: 'PVG'.repeat(100)}]}},
			{type: 'details-open', trips: [], today: '2026-03-01', locale: 'en', heuristic: false},
			{type: 'details-open', trips: [TRIP], today: 'soon', locale: 'en', heuristic: false},
			{type: 'details-open', trips: [TRIP], today: '2026-03-01', locale: 'fr', heuristic: false},
			{type: 'details-open', trips: [TRIP], today: '2026-03-01', locale: 'en', heuristic: false, card: 'LAX-PVG'},
			// How many itineraries were left out: a count, when some were.
			{type: 'details-open', trips: [TRIP], today: '2026-03-01', locale: 'en', heuristic: true, tripsOmitted: 0},
			{
				type: 'details-open',
				trips: [TRIP],
				today: '2026-03-01',
				locale: 'en',
				heuristic: true,
				leftOut: {unknownAirports: [{from: 'PEK', to: 'Q'.repeat(MESSAGE_LIMITS.name + 1), unknown: ['QQZ']}], excluded: []},
			},
			{type: 'details-open', trips: [TRIP], today: '2026-03-01', locale: 'en', heuristic: true, leftOut: {unknownAirports: []}},
			{type: 'details-open', trips: [TRIP], today: '2026-03-01', locale: 'en', heuristic: true, tripsOmitted: 1.5},
			{type: 'details-open', trips: [TRIP], today: '2026-03-01', locale: 'en', heuristic: true, tripsOmitted: '5'},
			// A record's nationalities: two or three capital letters each, some and not too many, or none at all.
			{type: 'details-open', trips: [TRIP], today: '2026-03-01', locale: 'en', heuristic: true, recordNationalities: []},
			{type: 'details-open', trips: [TRIP], today: '2026-03-01', locale: 'en', heuristic: true, recordNationalities: ['fr']},
			{type: 'details-open', trips: [TRIP], today: '2026-03-01', locale: 'en', heuristic: true, recordNationalities: ['FRANCE']},
			{type: 'details-open', trips: [TRIP], today: '2026-03-01', locale: 'en', heuristic: true, recordNationalities: 'FR'},
			{
				type: 'details-open',
				trips: [TRIP],
				today: '2026-03-01',
				locale: 'en',
				heuristic: true,
				recordNationalities: Array(MESSAGE_LIMITS.recordNationalities + 1).fill('FR'),
			},
			{type: 'details-frame'},
			{type: 'details-frame', key: '../../options.html'},
			{type: 'details-close', key: 'x'.repeat(100_000)},
		];
		for (const m of bad) expect(parseToBackground(m), JSON.stringify(m)?.slice(0, 200)).toBeUndefined();
	});

	it('does not hand back an object that shares anything with the input', () => {
		const input = {type: 'open-card', trip: structuredClone(TRIP)};
		const parsed = parseToBackground(input);
		expect(parsed).toEqual(input);
		expect(parsed).not.toBe(input);
	});
});

describe('messages to the content script', () => {
	it('round-trips the requests and rejects anything else', () => {
		const valid: ToContent[] = [
			{type: 'page-status'},
			{type: 'scan-page'},
			{type: 'details-close', key: '7a993f76-8764-476e-982b-8a11a7108f7a'},
		];
		for (const m of valid) expect(parseToContent(structuredClone(m))).toEqual(m);
		for (const m of [
			undefined,
			null,
			'page-status',
			{},
			{type: 'open-card', trip: TRIP},
			{type: 'scan-page', url: 'x'},
			{type: ['page-status']},
			{type: 'details-close'},
			{type: 'details-close', key: 'not-a-key'},
			{type: 'details-close', key: '7A993F76-8764-476E-982B-8A11A7108F7A'},
			{type: 'details-close', key: '7a993f76-8764-476e-982b-8a11a7108f7a', close: true},
		]) {
			expect(parseToContent(m), JSON.stringify(m)).toBeUndefined();
		}
	});
});

describe('the page status the popup receives', () => {
	const STATUS: PageStatus = {
		adapter: 'google-flights',
		disabled: false,
		itineraries: 12,
		withStops: 3,
		unplaced: 1,
		layoutUnrecognised: false,
		generic: [],
		stats: {batches: 2, cards: 12, badges: 11, evaluations: 12, failures: 0, unplaced: 1},
	};

	it('round-trips a status, with and without stats and findings', () => {
		expect(parsePageStatus(structuredClone(STATUS))).toEqual(STATUS);
		const {stats: _, ...bare} = STATUS;
		expect(parsePageStatus(bare)).toEqual(bare);
		const degraded: PageStatus = {
			...bare,
			adapter: 'kayak',
			itineraries: 0,
			withStops: 0,
			unplaced: 0,
			layoutUnrecognised: true,
			generic: [TRIP.segments],
		};
		expect(parsePageStatus(degraded)).toEqual(degraded);
		expect(parsePageStatus({...bare, adapter: null})).toEqual({...bare, adapter: null});
		// A PDF in the browser's viewer, scanned: said so (its text is not in the page).
		expect(parsePageStatus({...bare, adapter: 'generic-page', itineraries: 0, withStops: 0, pdf: true})?.pdf).toBe(true);
		// Results the site's adapter could not read (no badge on them).
		expect(parsePageStatus({...bare, unread: 2})).toEqual({...bare, unread: 2});
	});

	it('drops fields it does not know instead of failing', () => {
		expect(parsePageStatus({...STATUS, later: 'a new field'})).toEqual(STATUS);
	});

	it('rejects a status with missing, mistyped or unbounded fields', () => {
		const bad: unknown[] = [
			undefined,
			null,
			true,
			{},
			{...STATUS, unplaced: undefined},
			{...STATUS, unplaced: -1},
			{...STATUS, unread: -1},
			{...STATUS, unread: '2'},
			{...STATUS, itineraries: 1.5},
			{...STATUS, itineraries: '12'},
			{...STATUS, pdf: 'yes'},
			{...STATUS, withStops: Number.POSITIVE_INFINITY},
			{...STATUS, disabled: 'false'},
			{...STATUS, adapter: 'x'.repeat(10_000)},
			{...STATUS, generic: [[{from: 'JFK'}]]},
			{...STATUS, generic: Array.from({length: MESSAGE_LIMITS.genericItineraries + 1}, () => [])},
			{...STATUS, stats: {batches: 1}},
			{...STATUS, record: {...RECORD, nationalities: []}},
			{...STATUS, record: {...RECORD, nationalities: ['fra']}},
			{...STATUS, record: {...RECORD, nationalities: ['FRANCE']}},
			{...STATUS, record: {...RECORD, nationalities: Array.from({length: MESSAGE_LIMITS.recordNationalities + 1}, () => 'FR')}},
			{...STATUS, record: {...RECORD, itineraries: []}},
			{...STATUS, record: {...RECORD, itineraries: [[{from: 'JFK'}]]}},
			{...STATUS, record: {...RECORD, heuristic: 'yes'}},
		];
		for (const s of bad) expect(parsePageStatus(s), JSON.stringify(s)?.slice(0, 200)).toBeUndefined();
	});

	/** What the content script tells the popup on an agent's page read by the generic detector, with its record. */
	const agentStatus = (record: NonNullable<PageStatus['record']>) =>
		pageStatus({
			site: undefined,
			running: genericPageAdapter(loadRules()),
			disabledSites: [],
			found: {itineraries: record.itineraries.length, withStops: record.itineraries.length, unplaced: 0},
			pageText: () => '',
			limits: MESSAGE_LIMITS,
			record,
		});

	it('takes a record’s nationalities and itineraries, as the content script bounds them', () => {
		expect(parsePageStatus({...STATUS, record: RECORD})).toEqual({...STATUS, record: RECORD});
		// A page of more itineraries, longer ones and more nationalities than a status carries: what the content script
		// sends within the bounds, the first ones that fit.
		const long = Array.from({length: MESSAGE_LIMITS.segments + 1}, (_, i) => segment(i));
		const status = agentStatus({
			nationalities: Array.from({length: 25}, (_, i) => (i === 0 ? 'FRA' : 'CH')),
			itineraries: [long, ...Array.from({length: 202}, () => TRIP.segments)],
			heuristic: true,
		});
		expect(status.record?.nationalities).toHaveLength(MESSAGE_LIMITS.recordNationalities);
		expect(status.record?.nationalities[0]).toBe('FRA');
		expect(status.record?.itineraries).toHaveLength(MESSAGE_LIMITS.genericItineraries);
		expect(status.record?.itineraries[0]).toEqual(TRIP.segments);
		expect(parsePageStatus(structuredClone(status))).toEqual(status);
		// Only itineraries too long to send: no record at all (the popup has nothing to check with it).
		const none = agentStatus({nationalities: ['FR'], itineraries: [long], heuristic: true});
		expect(none.record).toBeUndefined();
		expect(parsePageStatus(none)).toEqual(none);
	});

	it('says which flights of an agent’s page its badge did not check, within the same bounds', () => {
		const leftOut = {
			unknownAirports: Array.from({length: MESSAGE_LIMITS.genericItineraries + 1}, () => ({
				from: 'PEK',
				to: 'Q'.repeat(300),
				unknown: ['QQZ'],
			})),
			excluded: [],
		};
		const status = pageStatus({
			site: undefined,
			running: genericPageAdapter(loadRules()),
			disabledSites: [],
			found: {itineraries: 1, withStops: 1, unplaced: 0},
			pageText: () => '',
			pageLeftOut: leftOut,
			limits: MESSAGE_LIMITS,
		});
		// Not a layout the site's adapter failed on: the generic page adapter reads such pages.
		expect(status.layoutUnrecognised).toBe(false);
		expect(status.genericLeftOut?.unknownAirports).toHaveLength(MESSAGE_LIMITS.genericItineraries);
		expect(status.genericLeftOut?.unknownAirports[0]?.to).toHaveLength(MESSAGE_LIMITS.name);
		expect(parsePageStatus(structuredClone(status))).toEqual(status);
		// A site's adapter has no such list (its cards that do not read are counted unread).
		const site = pageStatus({
			site: adapters.find((a) => a.id === 'google-flights'),
			running: adapters.find((a) => a.id === 'google-flights'),
			disabledSites: [],
			found: {itineraries: 3, withStops: 1, unplaced: 0},
			pageText: () => '',
			pageLeftOut: leftOut,
			limits: MESSAGE_LIMITS,
		});
		expect(site.genericLeftOut).toBeUndefined();
	});

	/** What the content script tells the popup on a Google Flights page whose cards it cannot read, showing `text`. */
	const unrecognisedStatus = (text: string) =>
		pageStatus({
			site: adapters.find((a) => a.id === 'google-flights'),
			running: adapters.find((a) => a.id === 'google-flights'),
			disabledSites: [],
			found: {itineraries: 0, withStops: 0, unplaced: 0},
			pageText: () => text,
			detectText: (page) => genericDetector.textFindings(page, loadRules(), '2026-12-07'),
			limits: MESSAGE_LIMITS,
		});

	it('concludes nothing from no cards read while the site’s adapter is still reading the page, and says it is reading', () => {
		const text = fs.readFileSync('test/fixtures/made-up/unknown-airport.txt', 'utf8');
		const googleFlights = adapters.find((a) => a.id === 'google-flights');
		let detected = 0;
		const status = pageStatus({
			site: googleFlights,
			running: googleFlights,
			disabledSites: [],
			found: {itineraries: 0, withStops: 0, unplaced: 0},
			pageText: () => text,
			detectText: (page) => (detected++, genericDetector.textFindings(page, loadRules(), '2026-12-07')),
			reading: () => true,
			limits: MESSAGE_LIMITS,
		});
		expect(status).toEqual({...status, reading: true, layoutUnrecognised: false, generic: []});
		expect(status.textScanPending).toBeUndefined();
		expect(detected).toBe(0); // the page's text is not even read
		expect(parsePageStatus(structuredClone(status))).toEqual(status);
		expect(parsePageStatus({...STATUS, reading: false})).toBeUndefined();
		// Read, and still none: its layout is not recognised (below).
		expect(unrecognisedStatus(text)).toMatchObject({layoutUnrecognised: true});
		expect(unrecognisedStatus(text).reading).toBeUndefined();
	});

	it('says which flights of an unrecognised page’s text were not checked, and checks those around them apart', () => {
		// test/fixtures/made-up/unknown-airport.txt: Shanghai to Beijing, then Beijing to an airport the table lacks.
		const status = unrecognisedStatus(fs.readFileSync('test/fixtures/made-up/unknown-airport.txt', 'utf8'));
		expect(status.layoutUnrecognised).toBe(true);
		expect(status.generic).toEqual([
			[{from: 'SHA', to: 'PEK', departure: '2026-03-15T08:00', arrival: '2026-03-15T10:10', flight: 'CA1501'}],
		]);
		expect(status.genericLeftOut).toEqual({
			unknownAirports: [{from: 'PEK', to: 'Gotham Heliport', flight: 'CA123', unknown: ['Gotham Heliport']}],
			excluded: [],
		});
		expect(parsePageStatus(structuredClone(status))).toEqual(status);
		// Only an unknown airport's flight: the layout is still said to be unrecognised, with what was not checked.
		const alone = unrecognisedStatus(
			['Flight: CA123', 'Date: 17 Mar 2026', 'Departure: 09:00 Capital(PEK), Beijing', 'Arrival: 12:00 Gotham Heliport'].join('\n'),
		);
		expect(alone).toMatchObject({layoutUnrecognised: true, generic: [], genericLeftOut: {unknownAirports: [{to: 'Gotham Heliport'}]}});
		// Names, flights and lines longer than a status carries (as another reader might give them) are cut to fit, and
		// the first flights that fit are sent: the popup takes the status whole.
		const long = pageStatus({
			site: undefined,
			running: adapters.find((a) => a.id === 'google-flights'),
			disabledSites: [],
			found: {itineraries: 0, withStops: 0, unplaced: 0},
			pageText: () => '',
			detectText: () => ({
				itineraries: [],
				unknownAirports: Array.from({length: MESSAGE_LIMITS.genericItineraries + 5}, () => ({
					from: 'PEK',
					to: 'x'.repeat(500),
					flight: 'F'.repeat(100),
					unknown: ['x'.repeat(500), 'y', 'z'],
				})),
				excluded: [{status: 'unread', code: 'unread', line: 'l'.repeat(500), from: 'a'.repeat(500)}],
			}),
			limits: MESSAGE_LIMITS,
		});
		expect(long.genericLeftOut?.unknownAirports).toHaveLength(MESSAGE_LIMITS.genericItineraries);
		expect(long.genericLeftOut?.unknownAirports[0]).toEqual({
			from: 'PEK',
			to: 'x'.repeat(MESSAGE_LIMITS.name),
			flight: 'F'.repeat(MESSAGE_LIMITS.flight),
			unknown: ['x'.repeat(MESSAGE_LIMITS.name), 'y'],
		});
		expect(long.genericLeftOut?.excluded).toEqual([
			{status: 'unread', code: 'unread', line: 'l'.repeat(MESSAGE_LIMITS.name), from: 'a'.repeat(MESSAGE_LIMITS.name)},
		]);
		expect(parsePageStatus(structuredClone(long))).toEqual(long);
		// Nothing left out: no such field.
		expect(
			unrecognisedStatus('Flight: CA1501\nDate: 15 Mar 2026\nDeparture: 08:00 SHA\nArrival: 10:10 PEK').genericLeftOut,
		).toBeUndefined();
	});

	it('refuses a status whose flights not checked are not what the content script sends', () => {
		const leftOut = {unknownAirports: [{from: 'PEK', to: 'Gotham', unknown: ['Gotham']}], excluded: []};
		expect(parsePageStatus({...STATUS, genericLeftOut: leftOut, lookupsPending: true})).toEqual({
			...STATUS,
			genericLeftOut: leftOut,
			lookupsPending: true,
		});
		const bad: unknown[] = [
			{...STATUS, genericLeftOut: {...leftOut, unknownAirports: [{from: 'PEK', to: 'Gotham', unknown: []}]}},
			{
				...STATUS,
				genericLeftOut: {...leftOut, unknownAirports: [{from: 'PEK', to: 'x'.repeat(MESSAGE_LIMITS.name + 1), unknown: ['x']}]},
			},
			{...STATUS, genericLeftOut: {...leftOut, excluded: [{status: 'gone', code: 'XX'}]}},
			{
				...STATUS,
				genericLeftOut: {
					unknownAirports: Array.from({length: MESSAGE_LIMITS.genericItineraries + 1}, () => leftOut.unknownAirports[0]),
				},
			},
			{...STATUS, lookupsPending: false},
		];
		for (const s of bad) expect(parsePageStatus(s), JSON.stringify(s)?.slice(0, 200)).toBeUndefined();
	});
});
