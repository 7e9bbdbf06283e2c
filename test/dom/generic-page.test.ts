// @vitest-environment jsdom
/**
 * The generic page adapter (user-added sites, "scan this page") on an agent's PNR workspace: real Sabre-style chat
 * notes (test/fixtures/gds/wnbjke__PNR-converter__notes.txt) beside a synthetic PNR through Beijing
 * (test/fixtures/agent/pnr-workspace-composite.html, see SOURCES.md).
 */
import fs from 'node:fs';
import {beforeEach, describe, expect, it} from 'vitest';
import {genericPageAdapter} from '../../lib/detect/generic-page';
import {normalizeItinerary} from '../../lib/extract/normalize';
import {loadRules} from '../../lib/rules/load-rules';
import {startScanner, type BadgeView} from '../../lib/scan/scanner';
import {bundledAirports} from '../../lib/airports/bundled';
import {recordingMount} from './adapter-harness';

const rules = loadRules();
const PAGE = fs.readFileSync('test/fixtures/agent/pnr-workspace-composite.html', 'utf8');
const page = {url: new URL('https://agent.example.test/desk/pnr'), referenceDate: '2026-03-01', airports: bundledAirports()};

beforeEach(() => {
	document.documentElement.innerHTML = new DOMParser().parseFromString(PAGE, 'text/html').documentElement.innerHTML;
});

/** The generic page adapter's scanner on the document, scanned once: the page badge's views as mounted. */
function scanPage(passports: string[]) {
	const views: BadgeView[] = [];
	const scanner = startScanner({
		adapter: genericPageAdapter(rules),
		doc: document,
		rules,
		referenceDate: '2026-03-01',
		today: '2026-03-01',
		settings: {passports, locale: 'en'},
		mount: recordingMount(views),
		log: () => undefined,
		schedule: () => undefined,
	});
	scanner.scan();
	return {views, scanner};
}

describe('generic page adapter', () => {
	it('reads the GDS lines of the whole page, the PNR through Beijing among them', () => {
		const raw = genericPageAdapter(rules).extractEmbedded!(document, page);
		const routes = raw
			.map((r) => normalizeItinerary(r, page.referenceDate, rules))
			.flatMap((n) => (n.ok ? [n.segments.map((s) => `${s.from}>${s.to}`).join(' ')] : []));
		// Read off the page's sell lines: the chat notes' six itineraries (the Qatar one is pasted twice and counted
		// once; two are open jaws), then the current PNR.
		expect(routes).toEqual([
			'JFK>YVR SIT>SEA SEA>JFK',
			'LAX>BOS BOS>KEF KEF>SEA SEA>LAX',
			'LAX>ICN ICN>HKT HKT>ICN ICN>LAX',
			'LAX>DOH DOH>HKT HKT>DOH DOH>LAX',
			'BOM>HAN SGN>SIN SIN>BOM',
			'SAN>MIA MIA>HAV HAV>MIA MIA>SAN',
			'JFK>PEK PEK>NRT',
		]);
	});

	it('reads the page again only when its text changed', () => {
		const adapter = genericPageAdapter(rules);
		const first = adapter.extractEmbedded!(document, page);
		expect(adapter.extractEmbedded!(document, page)).toBe(first);
		document.querySelector('pre')!.textContent = ' 1 CA 981Y 20MAR 5 PEKJFK HK1  1300  1400';
		expect(adapter.extractEmbedded!(document, page)).not.toBe(first);
	});

	it('gives one page badge, heuristic: never a plain ✓', () => {
		const {views, scanner} = scanPage([]);
		expect(views).toHaveLength(1);
		expect(views[0]).toMatchObject({page: true, heuristic: true, summary: {tone: 'check'}});
		expect(views[0]!.summary.text).not.toContain('✓');
		expect(scanner.found().withStops).toBe(1);
		scanner.stop();
	});

	it('hands the page badge and the popup the passengers’ nationalities a record on the page gives', () => {
		// The fixture has no SSR DOCS item: nothing to name.
		const before = scanPage(['IN']);
		expect(before.views).toHaveLength(1);
		expect(before.views[0]!.recordNationalities).toBeUndefined();
		expect(before.scanner.record()).toBeUndefined();
		before.scanner.stop();
		// The PNR's passengers: two passport entries (Amadeus' layout), FRA twice and CHE; an address item (DOCA) is none.
		const docs = document.createElement('pre');
		docs.textContent = [
			'  3 SSR DOCS CA HK1 P/FRA/12AB34567/FRA/01JAN80/M/01JAN30/MARTIN/PAUL/P1',
			'  4 SSR DOCS CA HK1 P/FRA/98ZX76543/FRA/02FEB82/F/02FEB31/MARTIN/ANNE/P2',
			'  5 SSR DOCS CA HK1 P/CHE/X1234567/CHE/03MAR84/F/03MAR32/KELLER/EVA/P3',
			'  6 SSR DOCA CA HK1 R/US/1 MAIN ST/NEW YORK/NY/10001/P1',
		].join('\n');
		document.body.append(docs);
		const after = scanPage(['IN']);
		expect(after.views).toHaveLength(1);
		expect(after.views[0]!.recordNationalities).toEqual(['FRA', 'CHE']);
		// The same itineraries as without the record's passengers: the DOCS lines are not read as flights.
		expect(after.views[0]!.trips).toEqual(before.views[0]!.trips);
		// The same for the popup, which offers to check those itineraries with one of the nationalities.
		expect(after.scanner.record()).toEqual({
			nationalities: ['FRA', 'CHE'],
			itineraries: after.views[0]!.trips.map((trip) => trip.segments),
			heuristic: true,
		});
		after.scanner.stop();
	});

	// A Sabre line prints no day for a landing after midnight (the fixture's `DXBGOI HK1  2320  0400`). This script
	// has no time zones to say which day it is: on the departure's, the stay at PEK would read 40 hours where it is
	// 16, and a 24-hour transit would fail that holds.
	it('leaves out an arrival the line gives no day for, rather than a stay a day too long', () => {
		document.body.innerHTML =
			'<pre> 1 EK 306U 12MAR 4 DXBPEK HK1  2320  0400  /DCEK*DGPRII /E\n 2 CA 925U 13MAR 5 PEKNRT HK1  2000  0020  /DCCA*DGPRII /E</pre>';
		const {views, scanner} = scanPage(['IN']);
		expect(views).toHaveLength(1);
		const [result] = views[0]!.results;
		expect(result!.stops[0]).toMatchObject({airports: ['PEK'], departure: '2026-03-13T20:00'});
		expect(result!.stops[0]!.arrival).toBeUndefined();
		expect(result!.stops[0]!.verdicts.find((v) => v.policy === 'transit24')?.status).toBe('conditional');
		expect(views[0]!.summary.tone).toBe('check');
		scanner.stop();
	});
});
