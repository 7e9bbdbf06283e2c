// @vitest-environment jsdom
/**
 * The content script's page session: which adapter runs where, what the popup is told, and how settings changes
 * restart or re-judge the page. On an agent's PNR workspace (test/fixtures/agent/pnr-workspace-composite.html) and on
 * a Google Flights URL with no cards.
 */
import fs from 'node:fs';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {adapters} from '../../lib/adapters';
import {genericDetector} from '../../lib/detect/generic-page';
import {badgeText} from '../../lib/i18n/badge-messages';
import {resolveNames, zonesOf} from '../../lib/airports';
import {compactRules} from '../../lib/rules/compact-bundled';
import {loadRules} from '../../lib/rules/load-rules';
import {DEFAULT_SETTINGS, type Settings} from '../../lib/settings';
import {deviceToday} from '../../lib/time';
import {createPageSession, type PageSession} from '../../lib/scan/page-session';
import type {BadgeView, Mount} from '../../lib/scan/scanner';

// What the content script has (the compact rules, no airport names), and what the background answers names with.
const rules = compactRules();
const fullRules = loadRules();
let lookups: string[][] = [];
const lookupNames = async (names: string[]) => {
	lookups.push(names);
	return resolveNames(names, fullRules);
};
let zoneLookups: string[][] = [];
const lookupZones = async (codes: string[]) => {
	zoneLookups.push(codes);
	return zonesOf(codes, fullRules);
};
const PNR_PAGE = fs.readFileSync('test/fixtures/agent/pnr-workspace-composite.html', 'utf8');
const AGENT_URL = 'https://agent.example.test/desk/pnr';
// test/fixtures/SOURCES.md: felciano/united-itinerary-parser, a Google Flights "selected trip" panel as text.
const GF_PANEL_TEXT = fs.readFileSync('test/fixtures/text/felciano__united-itinerary-parser__test-case-gf-rt-input.txt', 'utf8');
const FLIGHTS_URL = 'https://www.google.com/travel/flights/search?tfs=x';

let views: BadgeView[] = [];
const mount: Mount = (_placement, view) => {
	views.push(view);
	return {update: (next) => void views.push(next), remove: () => undefined, isConnected: () => true};
};

/** A wait for what the next frames bring: as long as a loaded machine takes, and a failure when it never comes. */
const WAIT = {timeout: 10_000, interval: 20};

let session: PageSession | undefined;
let toolbar: unknown[] = [];
/** The session's delayed callbacks (its `later`): the toolbar's count, and the page data's wait for its cards. */
let delayed: (() => void)[] = [];
function open(settings: Partial<Settings> = {}, lookup = lookupNames): PageSession {
	session = createPageSession({
		adapters,
		toolbar: (verdict) => void toolbar.push(verdict),
		later: (callback) => void delayed.push(callback),
		doc: document,
		rules,
		settings: {...DEFAULT_SETTINGS, ...settings},
		generic: () => genericDetector,
		mount,
		checkPlacement: () => 'painted',
		testBuild: false,
		limits: {segments: 40, genericItineraries: 100, recordNationalities: 20, names: 200, name: 200, flight: 64},
		browserLanguage: 'en-GB',
		lookupNames: lookup,
		lookupZones,
	});
	return session;
}

beforeEach(() => {
	views = [];
	lookups = [];
	zoneLookups = [];
	toolbar = [];
	delayed = [];
	document.documentElement.innerHTML = new DOMParser().parseFromString(PNR_PAGE, 'text/html').documentElement.innerHTML;
});
afterEach(() => session?.stop());

describe('page session', () => {
	it('on a page no site adapter knows, reads nothing until the user asks', () => {
		const s = open();
		s.start(AGENT_URL);
		expect(s.status()).toMatchObject({adapter: null, disabled: false, itineraries: 0});
		expect(views).toEqual([]);
		s.scanRequested();
		expect(s.status()).toMatchObject({adapter: 'generic-page', withStops: 1});
		expect(views).toHaveLength(1);
		// The day it was judged on travels with the badge: its details are explained on the same day.
		expect(views[0]).toMatchObject({page: true, heuristic: true, today: deviceToday()});
	});

	it('runs the generic page adapter on a site the user added, and stops when it is removed', () => {
		const s = open({extraSites: ['https://agent.example.test']});
		s.start(AGENT_URL);
		expect(s.status().adapter).toBe('generic-page');
		s.settingsChanged({...DEFAULT_SETTINGS, extraSites: []});
		expect(s.status().adapter).toBeNull();
	});

	it('on an agent’s page, judges the flights around one to an airport no table knows apart, and its badge says which it left out', async () => {
		// SYNTHETIC: two booked segments in a GDS display, the second to QQZ, a code no airport has.
		// The passenger's passport entry (Amadeus' SSR DOCS) makes a record the popup offers to check with.
		document.body.innerHTML = [
			'<pre> 1 CA 938 Y 12JAN LHRPEK HK1 2125 1440+1',
			' 2 CA 123 Y 14JAN PEKQQZ HK1 0910 1335',
			'  3 SSR DOCS CA HK1 P/FRA/12AB34567/FRA/01JAN80/M/01JAN30/MARTIN/PAUL/P1</pre>',
		].join('\n');
		const s = open({extraSites: ['https://agent.example.test']});
		s.start(AGENT_URL);
		await vi.waitFor(() => expect(views.at(-1)?.leftOut).toBeDefined(), WAIT);
		const view = views.at(-1)!;
		expect(view.page).toBe(true);
		expect(view.trips.map((trip) => trip.segments.map((seg) => `${seg.from}-${seg.to}`))).toEqual([['LHR-PEK']]);
		expect(view.leftOut).toEqual({unknownAirports: [{from: 'PEK', to: 'QQZ', flight: 'CA123', unknown: ['QQZ']}], excluded: []});
		// The pill says it as well: its verdict is on London to Beijing alone.
		expect(view.summary.note).toBe('· 1 flight not checked');
		expect(view.summary.ariaLabel).toMatch(/, 1 flight not checked\. Open details\.$/);
		expect(s.status()).toMatchObject({adapter: 'generic-page', itineraries: 1, withStops: 1});
		// The popup says it too, beside the record's check with the passenger's nationality.
		expect(s.status()).toMatchObject({layoutUnrecognised: false, genericLeftOut: view.leftOut, record: {nationalities: ['FRA']}});
	});

	it('on an agent’s page whose one flight goes to an airport no table knows: no badge, and the popup says what was not checked', async () => {
		// SYNTHETIC: a GDS display of one segment, to QQZ, a code no airport has.
		document.body.innerHTML = '<pre> 1 CA 123 Y 14JAN PEKQQZ HK1 0910 1335</pre>';
		const s = open({extraSites: ['https://agent.example.test']});
		s.start(AGENT_URL);
		await vi.waitFor(() => expect(s.status().genericLeftOut).toBeDefined(), WAIT);
		expect(views).toEqual([]);
		expect(s.status()).toMatchObject({
			adapter: 'generic-page',
			itineraries: 1,
			withStops: 0,
			genericLeftOut: {unknownAirports: [{from: 'PEK', to: 'QQZ', flight: 'CA123', unknown: ['QQZ']}], excluded: []},
		});
	});

	it('on an agent’s page, an airport name still asked of the background is not said to be unknown', async () => {
		// SYNTHETIC: a confirmation naming its airports in words; the second one no table knows, the background included.
		const lines = [
			'Flight 1: Air China CA938, Tue 12 Jan 2027',
			'Depart: 21:25 London Heathrow (LHR)',
			'Arrive: 14:40 Beijing Capital International Airport (PEK)',
			'Flight 2 of 2: Air China CA123, Thu 14 Jan 2027',
			'Depart: 09:10 Beijing Capital International Airport (PEK)',
			'Arrive: 13:35 Gotham Heliport',
		];
		document.body.innerHTML = `<pre>${lines.join('\n')}</pre>`;
		let answer!: () => void;
		const answered = new Promise<void>((resolve) => (answer = resolve));
		const asked: string[] = [];
		const s = open({extraSites: ['https://agent.example.test']}, async (names) => {
			asked.push(...names);
			await answered;
			return lookupNames(names);
		});
		s.start(AGENT_URL);
		await vi.waitFor(() => expect(asked).toContain('Gotham Heliport'), WAIT);
		await new Promise((r) => setTimeout(r, 100));
		expect(views.every((view) => view.leftOut === undefined)).toBe(true);
		answer();
		await vi.waitFor(
			() => expect(views.at(-1)?.leftOut?.unknownAirports).toEqual([expect.objectContaining({to: 'Gotham Heliport'})]),
			WAIT,
		);
		expect(views.at(-1)!.trips.map((trip) => trip.segments.map((seg) => `${seg.from}-${seg.to}`))).toEqual([['LHR-PEK']]);
	});

	it('re-judges without restarting when only the passports change', async () => {
		const s = open({extraSites: ['https://agent.example.test']});
		s.start(AGENT_URL);
		expect(views).toHaveLength(1);
		s.settingsChanged({...DEFAULT_SETTINGS, extraSites: ['https://agent.example.test'], passports: ['US']});
		// The badge now speaks of the American passport, from the next animation frame (however late a loaded machine runs it).
		await vi.waitFor(() => {
			const verdicts = views.at(-1)!.results.flatMap((r) => r.stops.flatMap((stop) => stop.verdicts));
			expect(verdicts.some((v) => v.passport === 'US')).toBe(true);
		}, WAIT);
		expect(s.status().adapter).toBe('generic-page');
	});

	/**
	 * A booking confirmation's text (SYNTHETIC): London to Beijing, each clock without its day, then `flight` from
	 * Beijing to `to`, two days later.
	 */
	const confirmation = (flight: string, to: string) =>
		[
			'Flight 1: Air China CA938, Tue 12 Jan 2027',
			'Depart: 21:25 London Heathrow (LHR)',
			'Arrive: 14:40 Beijing Capital International Airport (PEK)',
			`Flight 2 of 2: Air China ${flight}, Thu 14 Jan 2027`,
			'Depart: 09:10 Beijing Capital International Airport (PEK)',
			`Arrive: 13:35 ${to}`,
		].join('\n');
	/** The moments the session waits for go by: here, the page's data waiting for its cards (DATA_WITHOUT_CARDS_MS). */
	const settle = () => {
		for (const callback of delayed.splice(0)) callback();
	};
	/** The page's rendered text (jsdom has no innerText). */
	const showText = (text: string) => Object.defineProperty(document.body, 'innerText', {configurable: true, get: () => text});

	it('says so when the site is switched off, and that its layout is not read when it shows flights without cards', () => {
		const off = open({disabledSites: ['google-flights']});
		off.start(FLIGHTS_URL);
		expect(off.status()).toMatchObject({adapter: 'google-flights', disabled: true, itineraries: 0});
		off.stop();
		const on = open();
		on.start(FLIGHTS_URL);
		// jsdom has no innerText; the browser's is the rendered text: here, a trip copied from a Google Flights panel.
		showText(GF_PANEL_TEXT);
		// A moment after the start, the page's cards may still follow its data: nothing is concluded from none yet.
		expect(on.status()).toMatchObject({adapter: 'google-flights', reading: true, layoutUnrecognised: false, generic: []});
		expect(on.status().textScanPending).toBeUndefined();
		settle();
		// Flights in the page's text, yet Google Flights' adapter finds no card: the layout is not one it knows.
		const status = on.status();
		expect(status.reading).toBeUndefined();
		expect(status).toMatchObject({adapter: 'google-flights', disabled: false, layoutUnrecognised: true});
		expect(status.generic.length).toBeGreaterThan(0);
	});

	it('where the layout is not read, places an arrival the page’s text gives without its day by the airports’ time zones', async () => {
		const s = open();
		s.start(FLIGHTS_URL);
		settle();
		// SYNTHETIC, as test/unit/extract/generic-text.test.ts: a confirmation giving the arrival's clock, not its day.
		showText(confirmation('CA925', 'Tokyo Narita (NRT)'));
		s.status();
		// The content script's table has no time zones: the background gives those asked for.
		await vi.waitFor(() => expect(zoneLookups.flat()).toEqual(expect.arrayContaining(['LHR', 'PEK'])));
		await Promise.resolve();
		// 21:25 in London is 21:25 UTC; 14:40 in Beijing is 06:40 UTC, on the 13th (not the 12th, before take-off).
		expect(s.status().generic).toEqual([
			[
				{from: 'LHR', to: 'PEK', departure: '2027-01-12T21:25', arrival: '2027-01-13T14:40', flight: 'CA938'},
				{from: 'PEK', to: 'NRT', departure: '2027-01-14T09:10', arrival: '2027-01-14T13:35', flight: 'CA925'},
			],
		]);
	});

	it('where the layout is not read, says its reading awaits the background’s answers, and what it did not check', async () => {
		const s = open();
		s.start(FLIGHTS_URL);
		settle();
		// SYNTHETIC, as the test above, with a second flight to a place no table knows (its name is asked about too).
		showText(confirmation('CA123', 'Gotham Heliport'));
		// The first answer: the time zones and the name are asked about, and the popup is told to ask again.
		expect(s.status()).toMatchObject({layoutUnrecognised: true, lookupsPending: true});
		await vi.waitFor(() => expect(s.status().lookupsPending).toBeUndefined());
		expect(lookups.flat()).toContain('Gotham Heliport');
		const status = s.status();
		expect(status.generic).toEqual([
			[{from: 'LHR', to: 'PEK', departure: '2027-01-12T21:25', arrival: '2027-01-13T14:40', flight: 'CA938'}],
		]);
		expect(status.genericLeftOut).toEqual({
			unknownAirports: [{from: 'PEK', to: 'Gotham Heliport', flight: 'CA123', unknown: ['Gotham Heliport']}],
			excluded: [],
		});
	});

	it('has the airport names a page writes looked up, once, and reads the page again with them', async () => {
		// A confirmation page's structured data that names its airports in words only (schema.org FlightReservation).
		const leg = (from: string, to: string, dep: string, arr: string, flight: string) => ({
			'@type': 'Flight',
			flightNumber: flight,
			departureAirport: {'@type': 'Airport', name: from},
			arrivalAirport: {'@type': 'Airport', name: to},
			departureTime: dep,
			arrivalTime: arr,
		});
		const data = [
			leg(
				'Kuala Lumpur International Airport',
				'Shanghai Pudong International Airport',
				'2026-03-15T08:00',
				'2026-03-15T13:30',
				'MU5042',
			),
			leg('Shanghai Pudong International Airport', 'Narita International Airport', '2026-03-15T18:40', '2026-03-15T22:55', 'MU523'),
		].map((flight) => ({'@context': 'https://schema.org', '@type': 'FlightReservation', reservationFor: flight}));
		document.documentElement.innerHTML = `<head><script type="application/ld+json">${JSON.stringify(data)}</script></head><body><p>Your trip</p></body>`;
		const s = open({extraSites: ['https://agent.example.test']});
		s.start(AGENT_URL);
		// The compact table cannot read the names: nothing yet, and one question for all three.
		expect(views).toEqual([]);
		await vi.waitFor(
			() => expect(views.at(-1)?.trips[0]?.segments.map((seg) => `${seg.from}-${seg.to}`)).toEqual(['KUL-PVG', 'PVG-NRT']),
			WAIT,
		);
		expect(lookups).toEqual([
			['Kuala Lumpur International Airport', 'Shanghai Pudong International Airport', 'Narita International Airport'],
		]);
		expect(views.at(-1)?.results[0]?.stops[0]).toMatchObject({airports: ['PVG'], best: 'transit24'});
		// Read again later (a settings change): the names are known, nobody is asked twice.
		s.settingsChanged({...DEFAULT_SETTINGS, extraSites: ['https://agent.example.test'], passports: ['DE']});
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(lookups).toHaveLength(1);
	});

	describe('cards that name their airports in words, on a real Trip.com list (13 cards, 4 airport names)', () => {
		// test/fixtures/SOURCES.md: yuanfeiasima/flight-agent's ctrip_flight_list_fragment.html. Its cards name their
		// airports in Chinese (大兴国际机场), which the content script's table cannot read: it asks the background.
		const TRIP_URL = 'https://flights.ctrip.com/online/list/oneway-bjs-sha?depdate=2026-09-15';
		const TRIP_PAGE = fs.readFileSync('test/fixtures/ctrip/pkx-pvg-list-2026.html', 'utf8');
		let asked: string[][] = [];
		/** The questions are held until `answer` lets them all through (the content script asks as cards come). */
		let waiting: (() => void)[] = [];
		const answer = () => waiting.splice(0).forEach((resolve) => resolve());
		const held = (answers: (names: string[]) => Record<string, string | null>) => async (names: string[]) => {
			asked.push(names);
			await new Promise<void>((resolve) => waiting.push(resolve));
			return answers(names);
		};
		beforeEach(() => {
			asked = [];
			waiting = [];
			document.documentElement.innerHTML = new DOMParser().parseFromString(TRIP_PAGE, 'text/html').documentElement.innerHTML;
		});

		it('a card waiting for its names is not counted unread; answered, it reads', async () => {
			const s = open(
				{},
				held((names) => resolveNames(names, fullRules)),
			);
			s.start(TRIP_URL);
			await vi.waitFor(() => expect(asked.flat()).toHaveLength(4), WAIT);
			// The cards read so far each met a name on its way: none reads yet, and none is said to be unreadable.
			expect(s.status()).toMatchObject({adapter: 'ctrip', itineraries: 0});
			expect(s.status().unread).toBeUndefined();
			answer();
			await vi.waitFor(() => expect(s.status().itineraries).toBe(13), WAIT);
			expect(s.status().unread).toBeUndefined();
		});

		it('a card whose names the background does not know either is counted unread once the answer comes', async () => {
			const s = open(
				{},
				held((names) => Object.fromEntries(names.map((name) => [name, null]))),
			);
			s.start(TRIP_URL);
			await vi.waitFor(() => expect(asked.flat()).toHaveLength(4), WAIT);
			expect(s.status().unread).toBeUndefined();
			answer();
			await vi.waitFor(() => expect(s.status().unread).toBe(13), WAIT);
			expect(s.status().itineraries).toBe(0);
			expect(asked.flat()).toHaveLength(4); // read again with the answers, and no name asked twice
		});
	});

	// A Sabre line prints no day for a landing after midnight (test/fixtures/gds/jcristine__gds-direct__sabre-pnr-segments.txt,
	// `DXBGOI HK1  2320  0400`): only the two airports' time zones say it is the next day, and the compact table has
	// none. Until the background gives them the arrival is left out; then the stay at PEK is 16 hours, not 40.
	it('has the time zones of a GDS line without its landing day looked up, once, and places the landing with them', async () => {
		document.body.innerHTML =
			'<pre> 1 EK 306U 12MAR 4 DXBPEK HK1  2320  0400  /DCEK*DGPRII /E\n 2 CA 925U 13MAR 5 PEKNRT HK1  2000  0020  /DCCA*DGPRII /E</pre>';
		const s = open({extraSites: ['https://agent.example.test'], passports: ['IN']});
		s.start(AGENT_URL);
		const stop = () => views.at(-1)?.results[0]?.stops[0];
		// The line gives no year: the next 13 March from today.
		const year = stop()?.departure?.slice(0, 4);
		expect(stop()).toMatchObject({airports: ['PEK'], departure: `${year}-03-13T20:00`, best: null});
		expect(stop()?.arrival).toBeUndefined();
		await vi.waitFor(() => expect(stop()?.arrival).toBe(`${year}-03-13T04:00`), WAIT);
		expect(zoneLookups).toEqual([['DXB', 'PEK', 'NRT']]);
		expect(stop()).toMatchObject({arrival: `${year}-03-13T04:00`, departure: `${year}-03-13T20:00`, best: 'transit24'});
		expect(views.at(-1)?.trips[0]?.segments.map((seg) => seg.arrival)).toEqual([`${year}-03-13T04:00`, `${year}-03-14T00:20`]);
		// Read again later (a settings change): the zones are known, nobody is asked twice.
		s.settingsChanged({...DEFAULT_SETTINGS, extraSites: ['https://agent.example.test'], passports: ['DE']});
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(zoneLookups).toHaveLength(1);
	});

	it('tells the toolbar a moment later how many itineraries stop in the mainland and the best verdict, once per change', async () => {
		const runLater = () => delayed.splice(0).forEach((f) => f());
		const s = open();
		// A page with nothing to read: no message at all.
		s.start(AGENT_URL);
		runLater();
		expect(toolbar).toEqual([]);
		s.settingsChanged({...DEFAULT_SETTINGS, extraSites: ['https://agent.example.test']});
		expect(toolbar).toEqual([]); // not before the delay: counting every card each frame would cost the page
		runLater();
		// Read from an agent's page: never a plain ✓, so the best verdict is "check".
		expect(toolbar).toEqual([{withStops: 1, tone: 'check', text: badgeText('badgeCheckOne', 'en'), locale: 'en'}]);
		// Nothing new: nothing sent again.
		s.recheck();
		runLater();
		expect(toolbar).toHaveLength(1);
		// Another language: said again in it.
		s.settingsChanged({...DEFAULT_SETTINGS, extraSites: ['https://agent.example.test'], language: 'zh-CN'});
		// The badge in it from the next frame, then the toolbar a moment later.
		await vi.waitFor(() => expect(views.at(-1)?.locale).toBe('zh-CN'), WAIT);
		runLater();
		expect(toolbar.at(-1)).toEqual({withStops: 1, tone: 'check', text: badgeText('badgeCheckOne', 'zh-CN'), locale: 'zh-CN'});
		// Back from the back/forward cache (the browser cleared the button): said again, though nothing changed.
		const sent = toolbar.length;
		s.toolbarAgain();
		expect(toolbar).toHaveLength(sent + 1);
		expect(toolbar.at(-1)).toEqual(toolbar.at(-2));
		// The site removed: the button is cleared at once.
		s.settingsChanged({...DEFAULT_SETTINGS, language: 'zh-CN'});
		expect(toolbar.at(-1)).toEqual({withStops: 0, tone: null, text: '', locale: 'zh-CN'});
	});
});
