// @vitest-environment jsdom
/**
 * The popup: what its "This page" section says and offers for each page status (lib/ui/popup.ts, pure), and the views
 * (components/ThisPage.tsx, components/PopupView.tsx) rendered with Preact in jsdom, with the browser calls as fakes.
 */
import {afterEach, describe, expect, it, vi} from 'vitest';
import {cleanup, fireEvent, render, screen, waitFor, within} from '@testing-library/preact';
import './wait-longer';
import {PopupView} from '@/components/PopupView';
import {ThisPage, type PageFound, type ThisPageProps} from '@/components/ThisPage';
import type {PageStatus} from '@/lib/detect/page-status';
import {evaluateTrip} from '@/lib/rules/evaluate';
import {loadRules} from '@/lib/rules/load-rules';
import type {TripInput} from '@/lib/rules/types';
import {DEFAULT_SETTINGS, type Settings} from '@/lib/settings';
import {
	isPdfAddress,
	itineraryLine,
	judgeFindings,
	requestedTab,
	resultExtras,
	siteLabel,
	thisPageModel,
	withSiteOn,
	withUserSite,
	type ThisPageInput,
} from '@/lib/ui/popup';

const rules = loadRules();
const TODAY = '2026-03-01';
const AGENT = 'https://agent.example.test';

afterEach(cleanup);

const STATUS: PageStatus = {
	adapter: 'google-flights',
	disabled: false,
	itineraries: 12,
	withStops: 3,
	unplaced: 0,
	layoutUnrecognised: false,
	generic: [],
};
const GENERIC: PageStatus = {...STATUS, adapter: 'generic-page', itineraries: 2, withStops: 1};
const VIA_PEK = [
	{from: 'JFK', to: 'PEK', departure: '2026-03-15T13:00', arrival: '2026-03-16T16:00'},
	{from: 'PEK', to: 'NRT', departure: '2026-03-16T18:30', arrival: '2026-03-16T22:45'},
];
const NO_STOP = [{from: 'JFK', to: 'NRT', departure: '2026-03-15T13:00', arrival: '2026-03-16T16:00'}];

const model = (input: Partial<ThisPageInput>) =>
	thisPageModel({
		tab: {id: 1, url: `${AGENT}/trips/42`},
		status: undefined,
		scan: 'idle',
		always: undefined,
		settings: DEFAULT_SETTINGS,
		locale: 'en',
		airports: rules,
		...input,
	});

describe('which tab the popup is about', () => {
	it('is ?tab=ID when the popup is opened as a page, else the active tab', () => {
		expect(requestedTab('?tab=12')).toBe(12);
		expect(requestedTab('')).toBeUndefined();
		for (const bad of ['?tab=0', '?tab=-3', '?tab=1.5', '?tab=abc', '?tab=']) expect(requestedTab(bad)).toBeUndefined();
	});
});

describe('what "This page" says and offers', () => {
	it('no tab at all: unsupported, nothing to offer', () => {
		expect(model({tab: null})).toEqual({
			text: 'This site is not one of the supported booking sites.',
			offerScan: null,
			offerTurnOn: null,
			offerAlways: null,
			note: null,
			findings: [],
			leftOut: [],
			record: null,
		});
	});

	it('no content script on a web page (or one whose URL the browser does not show): offers a scan', () => {
		const scan = {
			label: 'Scan this page',
			help: 'Reads this page once with the generic detector (GDS displays, e-tickets, itinerary text). Nothing leaves your browser.',
			busy: false,
		};
		expect(model({}).offerScan).toEqual(scan);
		expect(model({tab: {id: 1}}).offerScan).toEqual(scan);
		expect(model({scan: 'busy'}).offerScan).toEqual({...scan, busy: true});
		// A page no adapter reads answers with adapter null: it may be scanned all the same.
		expect(model({status: {...STATUS, adapter: null, itineraries: 0, withStops: 0}}).offerScan).toEqual(scan);
	});

	it('browser pages cannot be scanned; a failed scan says so and offers no second try', () => {
		expect(model({tab: {id: 1, url: 'chrome://extensions/'}}).offerScan).toBeNull();
		const failed = model({scan: 'failed'});
		expect(failed.text).toBe('This page cannot be scanned (browser pages and the extension store are off limits).');
		expect(failed.offerScan).toBeNull();
	});

	// Firefox's PDF viewer (pdf.js) keeps the page from extensions, so the scan fails there: the popup says to copy the
	// PDF's text into the box, as on Chrome's viewer, not that browser pages are off limits.
	it('a failed scan of an address that names a PDF says the PDF’s text must be copied', () => {
		const pdf =
			'This is a PDF, whose text the browser’s viewer keeps from extensions: select the itinerary there, copy it and paste it into the box below.';
		expect(model({tab: {id: 1, url: `${AGENT}/tickets/E-TICKET.PDF`}, scan: 'failed'}).text).toBe(pdf);
		expect(model({tab: {id: 1, url: 'file:///home/me/ticket.pdf'}, scan: 'failed'}).text).toBe(pdf);
		expect(model({tab: {id: 1, url: `${AGENT}/tickets/ticket.pdf`}, scan: 'failed', locale: 'zh-CN'}).text).toMatch(/^这是PDF文件/);
		// Only a failed scan: before it, the same page is offered one.
		expect(model({tab: {id: 1, url: `${AGENT}/tickets/ticket.pdf`}}).offerScan).not.toBeNull();
	});

	it('an address names a PDF by its path only', () => {
		for (const url of ['https://a.example/t.pdf', 'https://a.example/x/T.Pdf', 'http://a.example/t.pdf?dl=1', 'file:///tmp/t.pdf']) {
			expect(isPdfAddress(url), url).toBe(true);
		}
		for (const url of [
			undefined,
			'',
			'not a url',
			'https://a.example/pdf',
			'https://a.example/t.pdf.html',
			'https://a.example/view?file=t.pdf',
			'https://a.example/t#x.pdf',
			'chrome://extensions/x.pdf',
			'about:blank',
		]) {
			expect(isPdfAddress(url), String(url)).toBe(false);
		}
	});

	it('a page a site adapter reads: its count, no scan', () => {
		const read = model({tab: {id: 1, url: 'https://www.google.com/travel/flights'}, status: STATUS});
		expect(read.text).toBe('12 itineraries found by Google Flights, 3 via mainland China.');
		expect(read).toMatchObject({offerScan: null, offerTurnOn: null, offerAlways: null, note: null});
	});

	it('a built-in site the user switched off: says so and offers to turn it back on', () => {
		const off = model({
			tab: {id: 1, url: 'https://www.google.com/travel/flights'},
			status: {...STATUS, disabled: true, itineraries: 0, withStops: 0},
			settings: {...DEFAULT_SETTINGS, disabledSites: ['google-flights']},
		});
		expect(off.text).toBe('Google Flights is switched off in your settings: nothing on this page is checked.');
		expect(off.offerTurnOn).toEqual({adapter: 'google-flights', label: 'Turn Google Flights back on'});
		expect(off.offerScan).toBeNull();
	});

	it('a page the generic detector read: offers to always run on a site the user has not added', () => {
		const read = model({status: GENERIC});
		expect(read.text).toMatch(/^2 itineraries read by the generic detector, 1 via mainland China/);
		expect(read.offerAlways).toEqual({origin: AGENT, label: 'Always run on agent.example.test'});
		expect(model({status: GENERIC, settings: {...DEFAULT_SETTINGS, extraSites: [AGENT]}}).offerAlways).toBeNull();
		expect(model({status: GENERIC, tab: {id: 1, url: 'https://www.kayak.com/flights'}}).offerAlways).toBeNull();
		expect(model({status: GENERIC, tab: {id: 1}}).offerAlways).toBeNull();
		expect(model({status: STATUS, tab: {id: 1, url: 'https://www.google.com/travel/flights/search?tfs=x'}}).offerAlways).toBeNull();
	});

	it('a Google country site the manifest does not list, before a scan: says it is Google Flights there, and how the scan reads it', () => {
		const tab = {id: 1, url: 'https://www.google.pl/travel/flights/search?tfs=x&hl=en'};
		const before = model({tab});
		expect(before.text).toBe(
			'This is Google Flights on www.google.pl, where the extension does not run by itself: scan this page to check its results.',
		);
		expect(before.offerScan?.help).toBe(
			'Reads this page once, as on the Google Flights sites the extension runs on. Nothing leaves your browser.',
		);
		expect(model({tab, locale: 'zh-CN'}).text).toBe(
			'这是www.google.pl上的Google Flights，扩展不会自动在此运行：扫描此页面以核查其结果。',
		);
		expect(model({tab, locale: 'zh-TW'}).offerScan?.help).toBe(
			'讀取此頁面一次，與擴充功能自動執行的Google Flights網站相同。資料不會離開您的瀏覽器。',
		);
		// Google's other pages there, and a page no site adapter knows: as before.
		const other = model({tab: {id: 1, url: 'https://www.google.pl/search?q=loty'}});
		expect(other.text).toBe('This site is not one of the supported booking sites.');
		expect(other.offerScan?.help).toMatch(/^Reads this page once with the generic detector/);
		expect(model({}).text).toBe('This site is not one of the supported booking sites.');
		// Where the manifest runs the site's script, no answer means the page was open before the extension started.
		const notRead = model({tab: {id: 1, url: 'https://www.google.ca/travel/flights/search?tfs=x'}});
		expect(notRead.text).toBe(
			'This Google Flights page has not been read: it was open before the extension was installed or updated. Scan it now, or reload it.',
		);
		expect(notRead.offerScan?.help).toMatch(/as on the Google Flights sites/);
		expect(model({tab: {id: 1, url: 'https://www.kayak.com/flights/LAX-PEK/2026-05-10'}, locale: 'zh-CN'}).text).toBe(
			'此Kayak页面尚未读取：它在扩展安装或更新之前就已打开。请立即扫描，或重新加载页面。',
		);
		expect(model({tab: {id: 1, url: 'https://www.kayak.com/hotels'}}).text).toBe(
			'This Kayak page is not one of its flight results pages: badges come on the results of a flight search there.',
		);
	});

	it('a supported site\'s page that is none of its results pages: says so, not "not one of the supported booking sites"', () => {
		const notResults = 'is not one of its flight results pages: badges come on the results of a flight search there.';
		// Its content script answered, with no adapter for the page (Kayak's search form, Skyscanner's home page).
		const answered = {...STATUS, adapter: null, itineraries: 0, withStops: 0};
		expect(model({status: answered, tab: {id: 1, url: 'https://www.kayak.com/flights'}}).text).toBe(`This Kayak page ${notResults}`);
		expect(model({status: answered, tab: {id: 1, url: 'https://www.skyscanner.net/'}}).text).toBe(`This Skyscanner page ${notResults}`);
		expect(model({status: answered, tab: {id: 1, url: 'https://us.trip.com/flights/'}, locale: 'zh-CN'}).text).toBe(
			'此Ctrip / Trip.com页面不是其航班搜索结果页：在该网站搜索航班后，标记会显示在搜索结果上。',
		);
		// Still offered a scan, for a page whose results the site's adapter does not know by their address.
		expect(model({status: answered, tab: {id: 1, url: 'https://www.kayak.com/flights'}}).offerScan).not.toBeNull();
		// Google's other pages are not Google Flights'; a page of no built-in site: as before.
		expect(model({tab: {id: 1, url: 'https://www.google.com/search?q=flights'}}).text).toBe(
			'This site is not one of the supported booking sites.',
		);
		expect(model({status: answered}).text).toBe('This site is not one of the supported booking sites.');
	});

	it('a Google country site the manifest does not list, read by a scan with the Google Flights adapter: offers to always run', () => {
		const tab = {id: 1, url: 'https://www.google.pl/travel/flights/search?tfs=x&hl=en'};
		expect(model({status: STATUS, tab}).offerAlways).toEqual({origin: 'https://www.google.pl', label: 'Always run on www.google.pl'});
		// Where the manifest runs the site's script (Google Canada), and where the site is switched off: nothing to offer.
		expect(model({status: STATUS, tab: {id: 1, url: 'https://www.google.ca/travel/flights'}}).offerAlways).toBeNull();
		expect(model({status: {...STATUS, disabled: true}, tab}).offerAlways).toBeNull();
		// A content script that reads nothing there (no adapter for the page): nothing to run always.
		expect(model({status: {...STATUS, adapter: null, itineraries: 0, withStops: 0}}).offerAlways).toBeNull();
	});

	it('Kayak and Skyscanner country sites the manifest does not list: named before a scan, offered "always run" after one', () => {
		const kayak = {id: 1, url: 'https://www.kayak.ch/flights/ZRH-PEK/2026-06-01/2026-06-15?sort=bestflight_a'};
		expect(model({tab: kayak}).text).toBe(
			'This is Kayak on www.kayak.ch, where the extension does not run by itself: scan this page to check its results.',
		);
		expect(model({tab: kayak}).offerScan?.help).toBe(
			'Reads this page once, as on the Kayak sites the extension runs on. Nothing leaves your browser.',
		);
		expect(model({status: {...STATUS, adapter: 'kayak'}, tab: kayak}).offerAlways).toEqual({
			origin: 'https://www.kayak.ch',
			label: 'Always run on www.kayak.ch',
		});
		const skyscanner = {id: 1, url: 'https://www.skyscanner.pl/transport/flights/waw/pvg/260701/260715/?rtn=1'};
		expect(model({tab: skyscanner, locale: 'zh-CN'}).text).toBe(
			'这是www.skyscanner.pl上的Skyscanner，扩展不会自动在此运行：扫描此页面以核查其结果。',
		);
		expect(model({status: {...STATUS, adapter: 'skyscanner'}, tab: skyscanner}).offerAlways?.origin).toBe('https://www.skyscanner.pl');
		// Skyscanner's China site, 天巡.
		const tianxun = {id: 1, url: 'https://www.tianxun.com/transport/flights/bjsa/ala/260429/?adultsv2=1'};
		expect(model({tab: tianxun, locale: 'zh-CN'}).text).toBe(
			'这是www.tianxun.com上的Skyscanner，扩展不会自动在此运行：扫描此页面以核查其结果。',
		);
		expect(model({status: {...STATUS, adapter: 'skyscanner'}, tab: tianxun}).offerAlways?.origin).toBe('https://www.tianxun.com');
		// Their other pages there: the site named, and where its results are checked; still offered a scan.
		const home = model({tab: {id: 1, url: 'https://www.kayak.ch/'}});
		expect(home.text).toBe(
			'This is Kayak on www.kayak.ch, where the extension does not run by itself: on its flight results, scan the page to check them.',
		);
		expect(home.offerScan).not.toBeNull();
		expect(model({tab: {id: 1, url: 'https://www.skyscanner.pl/hotels'}, locale: 'zh-TW'}).text).toBe(
			'這是www.skyscanner.pl上的Skyscanner，擴充功能不會自動在此執行：請在其航班搜尋結果頁上掃描頁面以核查結果。',
		);
		// A look-alike host, and Google's other pages on a Google site the manifest does not list: no site of ours.
		expect(model({tab: {id: 1, url: 'https://www.kayak.ch.example.test/flights/ZRH-PEK/2026-06-01'}}).text).toBe(
			'This site is not one of the supported booking sites.',
		);
		expect(model({tab: {id: 1, url: 'https://www.google.pl/maps'}}).text).toBe('This site is not one of the supported booking sites.');
	});

	it('says what came of "always run"', () => {
		const on = model({status: GENERIC, always: 'on'});
		expect(on.offerAlways).toBeNull();
		expect(on.note).toBe('Runs on agent.example.test from now on. Remove it in the settings.');
		const denied = model({status: GENERIC, always: 'denied'});
		expect(denied.offerAlways).not.toBeNull();
		expect(denied.note).toBe('The browser did not grant access to agent.example.test: nothing changed.');
		expect(model({status: GENERIC, always: 'on'}).text).toMatch(/generic detector/);
	});

	it("shows the generic detector's findings only where the site's layout is not recognised", () => {
		const generic = [VIA_PEK];
		expect(model({status: {...STATUS, itineraries: 0, layoutUnrecognised: true, generic}}).findings).toBe(generic);
		expect(model({status: {...STATUS, generic}}).findings).toEqual([]);
	});

	it('says, a sentence each, what the generic detector read there but did not check', () => {
		const genericLeftOut = {
			unknownAirports: [
				{from: 'PEK', to: 'Gotham Heliport', flight: 'CA123', unknown: ['Gotham Heliport']},
				{from: 'BJS', to: 'NRT', unknown: ['BJS']},
			],
			excluded: [{line: 'CA125 PEK 2027-01-14T09:10 → NRT 2027-01-14T08:00', status: 'unread' as const, code: 'unread'}],
		};
		const status = {...STATUS, itineraries: 0, layoutUnrecognised: true, generic: [VIA_PEK], genericLeftOut};
		expect(model({status}).leftOut).toEqual([
			'“CA125 PEK 2027-01-14T09:10 → NRT 2027-01-14T08:00”: a flight that could not be read, so the flights before and after it were checked apart',
			'CA123 PEK → Gotham Heliport: airport not known (Gotham Heliport); the flights before and after it were checked apart',
			'BJS → NRT: BJS is a city’s code, not an airport’s; the flights before and after it were checked apart',
		]);
		expect(model({status, locale: 'zh-CN'}).leftOut[1]).toBe(
			'CA123 PEK → Gotham Heliport：无法识别机场（Gotham Heliport）；其前后的航班分开核查',
		);
		// Where the layout is read, nothing of the generic detector is shown.
		expect(model({status: {...STATUS, genericLeftOut}}).leftOut).toEqual([]);
	});

	it('a record on the page with nationalities its badge was not judged with: says so and offers each, one at a time', () => {
		// As the record prints them: FRA and FR are one country, XXX (the passport zone) names none.
		const record = {nationalities: ['FRA', 'XXX', 'DE', 'FR'], itineraries: [VIA_PEK], heuristic: true};
		const india = model({status: {...GENERIC, record}, settings: {...DEFAULT_SETTINGS, passports: ['IN']}});
		expect(india.record).toEqual({
			text: 'The page gives the passengers’ nationality: France (FR), Germany (DE). Its badge used the passports in your settings: India (IN).',
			choices: [
				{code: 'FR', label: 'Check with a passport from France'},
				{code: 'DE', label: 'Check with a passport from Germany'},
			],
			itineraries: [VIA_PEK],
			heuristic: true,
		});
		// What the page badge read but did not check is said, in the popup's language.
		const genericLeftOut = {unknownAirports: [{from: 'PEK', to: 'QQZ', flight: 'CA123', unknown: ['QQZ']}], excluded: []};
		expect(model({status: {...GENERIC, record, genericLeftOut}, locale: 'zh-TW'}).leftOut).toEqual([
			'CA123 PEK → QQZ：無法識別機場（QQZ）；其前後的航班分開核查',
		]);
		expect(model({status: {...GENERIC, record}}).record?.text).toBe(
			'The page gives the passengers’ nationality: France (FR), Germany (DE). No passport is set in your settings, so its badge covers only what holds for every passport.',
		);
		// The one passport the badge was judged with is not offered again; nationalities all among the passports: nothing.
		expect(model({status: {...GENERIC, record}, settings: {...DEFAULT_SETTINGS, passports: ['FR']}}).record?.choices).toEqual([
			{code: 'DE', label: 'Check with a passport from Germany'},
		]);
		expect(model({status: {...GENERIC, record}, settings: {...DEFAULT_SETTINGS, passports: ['DE', 'FR']}}).record).toBeNull();
		expect(model({status: {...GENERIC, record: {...record, nationalities: ['XXX']}}}).record).toBeNull();
		expect(model({status: GENERIC}).record).toBeNull();
		expect(
			model({locale: 'zh-CN', status: {...GENERIC, record}, settings: {...DEFAULT_SETTINGS, passports: ['IN']}}).record,
		).toMatchObject({
			text: '页面上的记录给出旅客国籍：法国 (FR)、德国 (DE)。页面上的标记使用的是设置中的护照：印度 (IN)。',
			choices: [{label: '按法国护照查询'}, {label: '按德国护照查询'}],
		});
	});

	it('speaks each language', () => {
		expect(model({locale: 'zh-CN', status: GENERIC}).offerAlways?.label).toBe('始终在agent.example.test上运行');
		expect(model({locale: 'zh-TW', tab: null}).text).toBe('此網站不在支援的預訂網站之列。');
	});
});

describe("the popup's pure helpers", () => {
	it('names sites for people', () => {
		expect(siteLabel('google-flights')).toBe('Google Flights');
		expect(siteLabel('no-such-site')).toBe('no-such-site');
	});

	it("turns a site back on, and adds a site of the user's own once", () => {
		const settings: Settings = {...DEFAULT_SETTINGS, disabledSites: ['kayak', 'google-flights'], extraSites: [AGENT]};
		expect(withSiteOn(settings, 'kayak')).toEqual({...settings, disabledSites: ['google-flights']});
		expect(withUserSite(settings, AGENT)).toBe(settings);
		expect(withUserSite(settings, 'https://b.example').extraSites).toEqual([AGENT, 'https://b.example']);
	});

	it('judges the generic findings, leaving out those with no mainland stop', () => {
		const results = judgeFindings([NO_STOP, VIA_PEK], [], rules, TODAY);
		expect(results).toHaveLength(1);
		expect(results[0]!.result.stops[0]!.airports).toEqual(['PEK']);
		expect(results[0]!.segments).toBe(VIA_PEK);
	});

	it('names an itinerary among several by its place, route and first date, with its verdict as its badge says it', () => {
		const [judged] = judgeFindings([VIA_PEK], ['US'], rules, TODAY);
		expect(itineraryLine({...judged!, n: 4}, false, 'en')).toEqual({
			label: 'Itinerary 4: JFK → PEK → NRT, 2026-03-15',
			// Screen readers read an arrow as “right arrow”: they are given words.
			spoken: 'Itinerary 4: JFK to PEK to NRT, 2026-03-15',
			verdict: {tone: 'ok', text: '24h transit ✓ PEK', icon: ''},
		});
		// Read by the generic detector: never a ✓.
		expect(itineraryLine(judged!, true, 'en')!.verdict).toMatchObject({tone: 'check', icon: '?'});
		expect(itineraryLine(judged!, false, 'zh-TW')).toMatchObject({
			label: '行程1：JFK → PEK → NRT，2026-03-15',
			spoken: '行程1：JFK 至 PEK 至 NRT，2026-03-15',
		});
		// No passport: the badge's words for it.
		const [anyone] = judgeFindings([VIA_PEK.map((s) => ({...s, arrival: undefined, departure: undefined}))], [], rules, TODAY);
		expect(itineraryLine(anyone!, false, 'en')).toMatchObject({label: 'Itinerary 1: JFK → PEK → NRT'});
	});

	it('a route whose flights do not join up shows each run of them', () => {
		const openJaw = [
			{from: 'JFK', to: 'PEK', departure: '2026-03-15T13:00', arrival: '2026-03-16T16:00'},
			{from: 'PVG', to: 'NRT', departure: '2026-03-18T09:00', arrival: '2026-03-18T12:45'},
		];
		const [judged] = judgeFindings([openJaw], ['US'], rules, TODAY);
		expect(itineraryLine(judged!, false, 'en')).toMatchObject({
			label: 'Itinerary 1: JFK → PEK / PVG → NRT, 2026-03-15',
			spoken: 'Itinerary 1: JFK to PEK; PVG to NRT, 2026-03-15',
		});
		expect(itineraryLine(judged!, false, 'zh-CN')!.spoken).toBe('行程1：JFK 至 PEK；PVG 至 NRT，2026-03-15');
		expect(itineraryLine({...judged!, result: {...judged!.result, stops: []}}, false, 'en')).toBeUndefined();
	});

	it('offers the card and the map under a 240-hour stay, neither without a mainland stop', () => {
		const trip: TripInput = {
			passports: ['US'],
			segments: [
				{from: 'LAX', to: 'PVG', arrival: '2026-03-16T17:00'},
				{from: 'PVG', to: 'ICN', departure: '2026-03-20T09:00'},
			],
		};
		expect(resultExtras(trip, evaluateTrip(trip, rules, {today: TODAY}), rules, TODAY)).toEqual({card: true, mapAirports: ['PVG']});
		const none: TripInput = {passports: ['US'], segments: NO_STOP};
		expect(resultExtras(none, evaluateTrip(none, rules, {today: TODAY}), rules, TODAY)).toEqual({card: false, mapAirports: null});
	});
});

/** The browser side of ThisPage, as fakes: `found` is what the popup sees when it opens. */
function renderThisPage(found: PageFound, overrides: Partial<ThisPageProps> = {}) {
	const props: ThisPageProps = {
		locale: 'en',
		settings: DEFAULT_SETTINGS,
		save: vi.fn(async () => {}),
		rules,
		today: TODAY,
		load: vi.fn(async () => found),
		scanPage: vi.fn(async () => undefined),
		requestSite: vi.fn(async () => true),
		...overrides,
	};
	render(<ThisPage {...props} />);
	return props;
}

describe('the "This page" section', () => {
	it('shows nothing until the tab is found, then its status', async () => {
		let answer!: (found: PageFound) => void;
		const {container} = render(
			<ThisPage
				locale="en"
				settings={DEFAULT_SETTINGS}
				save={async () => {}}
				rules={rules}
				today={TODAY}
				load={() => new Promise((resolve) => (answer = resolve))}
				scanPage={async () => undefined}
				requestSite={async () => true}
			/>,
		);
		expect(container.innerHTML).toBe('');
		answer({tab: {id: 1, url: 'https://www.google.com/travel/flights'}, status: STATUS});
		expect(await screen.findByRole('heading', {name: 'This page'})).toBeTruthy();
		expect(screen.getByTestId('page-status').textContent).toBe('12 itineraries found by Google Flights, 3 via mainland China.');
		expect(screen.getByTestId('page-status').getAttribute('aria-live')).toBe('polite');
	});

	it('scans the page: the button waits while it runs, then the status is the scan', async () => {
		let reply!: (status: PageStatus | undefined) => void;
		const props = renderThisPage(
			{tab: {id: 7, url: `${AGENT}/x`}, status: undefined},
			{scanPage: vi.fn(() => new Promise<PageStatus | undefined>((resolve) => (reply = resolve)))},
		);
		const button = await screen.findByRole('button', {name: 'Scan this page'});
		expect(button.getAttribute('aria-describedby')).toBe('scan-help');
		fireEvent.click(button);
		expect(props.scanPage).toHaveBeenCalledWith(7);
		await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(true));
		reply(GENERIC);
		await waitFor(() => expect(screen.getByTestId('page-status').textContent).toMatch(/^2 itineraries read by the generic detector/));
		expect(screen.queryByRole('button', {name: 'Scan this page'})).toBeNull();
		expect(screen.getByRole('button', {name: 'Always run on agent.example.test'})).toBeTruthy();
	});

	it('a scan whose page is still being read says so, asks again until it is read, then says what it read', async () => {
		// Google Flights at Google Poland: the scan starts its adapter, whose cards are read in the frames after it answers.
		const tab = {id: 7, url: 'https://www.google.pl/travel/flights/search?tfs=x'};
		const reading: PageStatus = {...STATUS, itineraries: 0, withStops: 0, reading: true};
		const read: PageFound = {tab, status: {...STATUS, itineraries: 28, withStops: 14}};
		const load = vi
			.fn<() => Promise<PageFound>>()
			.mockResolvedValueOnce({tab, status: undefined})
			.mockResolvedValueOnce({tab, status: reading})
			.mockResolvedValue(read);
		renderThisPage({tab, status: undefined}, {load, scanPage: vi.fn(async () => reading)});
		fireEvent.click(await screen.findByRole('button', {name: 'Scan this page'}));
		// Not "Nothing found on this page": nothing is read yet.
		await waitFor(() => expect(screen.getByTestId('page-status').textContent).toBe('Reading this page…'));
		await waitFor(
			() => expect(screen.getByTestId('page-status').textContent).toMatch(/^28 itineraries found by Google Flights, 14 via/),
			{
				timeout: 5_000,
			},
		);
		expect(screen.getByRole('button', {name: 'Always run on www.google.pl'})).toBeTruthy();
		// Asked when the popup opened, once more still reading, then read; not again after it.
		await new Promise((r) => setTimeout(r, 600));
		expect(load).toHaveBeenCalledTimes(3);
	});

	it('a scan with no answer says the page cannot be scanned', async () => {
		renderThisPage({tab: {id: 7, url: `${AGENT}/x`}, status: undefined});
		fireEvent.click(await screen.findByRole('button', {name: 'Scan this page'}));
		await waitFor(() => expect(screen.getByTestId('page-status').textContent).toMatch(/^This page cannot be scanned/));
		expect(screen.queryByRole('button', {name: 'Scan this page'})).toBeNull();
	});

	it('"always run" asks the browser inside the click, then saves the site', async () => {
		const props = renderThisPage({tab: {id: 7, url: `${AGENT}/x`}, status: GENERIC});
		fireEvent.click(await screen.findByRole('button', {name: 'Always run on agent.example.test'}));
		// Synchronously, in the click handler: browsers accept a permission request only as a direct user action.
		expect(props.requestSite).toHaveBeenCalledWith(AGENT);
		await waitFor(() =>
			expect(screen.getByRole('status').textContent).toBe('Runs on agent.example.test from now on. Remove it in the settings.'),
		);
		expect(props.save).toHaveBeenCalledWith({...DEFAULT_SETTINGS, extraSites: [AGENT]});
		expect(screen.queryByRole('button', {name: 'Always run on agent.example.test'})).toBeNull();
	});

	it('"always run" refused: says so and saves nothing', async () => {
		const props = renderThisPage({tab: {id: 7, url: `${AGENT}/x`}, status: GENERIC}, {requestSite: vi.fn(async () => false)});
		fireEvent.click(await screen.findByRole('button', {name: 'Always run on agent.example.test'}));
		await waitFor(() =>
			expect(screen.getByRole('status').textContent).toBe('The browser did not grant access to agent.example.test: nothing changed.'),
		);
		expect(props.save).not.toHaveBeenCalled();
	});

	it('turns a switched-off site back on', async () => {
		const settings = {...DEFAULT_SETTINGS, disabledSites: ['kayak', 'google-flights']};
		const props = renderThisPage(
			{tab: {id: 7, url: 'https://www.google.com/travel/flights'}, status: {...STATUS, disabled: true}},
			{settings},
		);
		fireEvent.click(await screen.findByRole('button', {name: 'Turn Google Flights back on'}));
		expect(props.save).toHaveBeenCalledWith({...settings, disabledSites: ['kayak']});
	});

	it('checks the page’s itineraries with a nationality its record gives, on request', async () => {
		const record = {nationalities: ['FRA', 'DE'], itineraries: [NO_STOP, VIA_PEK], heuristic: true};
		const props = renderThisPage(
			{tab: {id: 7, url: `${AGENT}/x`}, status: {...GENERIC, record}},
			{settings: {...DEFAULT_SETTINGS, passports: ['IN']}},
		);
		const offer = await screen.findByTestId('page-record');
		expect(offer.textContent).toContain('Its badge used the passports in your settings: India (IN).');
		// Nothing judged until asked: the page's badge has the settings' verdict.
		expect(screen.queryByTestId('page-record-result')).toBeNull();
		fireEvent.click(screen.getByRole('button', {name: 'Check with a passport from France'}));
		const result = await screen.findByTestId('page-record-result');
		// The content script asked again at the click: its itineraries as they are now.
		expect(props.load).toHaveBeenCalledTimes(2);
		await waitFor(() => expect(document.activeElement?.textContent).toMatch(/^Checked with a passport from France/));
		// A French passport has 240-hour transit at PEK (US → Japan), which India's has not; one verdict, for the one
		// itinerary with a stop in the mainland.
		expect(result.textContent).toMatch(/240-hour visa-free transit\s*likely OK/);
		expect(result.querySelectorAll('.stop')).toHaveLength(1);
		expect(screen.queryByRole('button', {name: 'Check with a passport from France'})).toBeNull();
		fireEvent.click(screen.getByRole('button', {name: 'Check with a passport from Germany'}));
		await waitFor(() => expect(screen.getByTestId('page-record-result').textContent).toMatch(/^Checked with a passport from Germany/));
		expect(screen.getByRole('button', {name: 'Check with a passport from France'})).toBeTruthy();
	});

	it('on an agent’s page, lists which of its flights the page badge did not check, after the record’s check', async () => {
		const genericLeftOut = {unknownAirports: [{from: 'PEK', to: 'QQZ', flight: 'CA123', unknown: ['QQZ']}], excluded: []};
		const record = {nationalities: ['FRA'], itineraries: [VIA_PEK], heuristic: true};
		renderThisPage(
			{tab: {id: 7, url: `${AGENT}/x`}, status: {...GENERIC, record, genericLeftOut}},
			{settings: {...DEFAULT_SETTINGS, passports: ['IN']}},
		);
		const notChecked = await screen.findByTestId('generic-left-out');
		expect(screen.getByTestId('page-record').compareDocumentPosition(notChecked) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
		expect(
			within(notChecked)
				.getAllByRole('listitem')
				.map((li) => li.textContent),
		).toEqual(['CA123 PEK →to QQZ: airport not known (QQZ); the flights before and after it were checked apart']);
	});

	it('lists what the generic detector did not check on such a page, under what it judged', async () => {
		renderThisPage({
			tab: {id: 7, url: 'https://www.google.com/travel/flights'},
			status: {
				...STATUS,
				itineraries: 0,
				withStops: 0,
				layoutUnrecognised: true,
				generic: [VIA_PEK],
				genericLeftOut: {unknownAirports: [{from: 'PEK', to: 'Gotham Heliport', unknown: ['Gotham Heliport']}], excluded: []},
			},
		});
		const leftOut = await screen.findByTestId('generic-left-out');
		expect(leftOut.textContent).toContain('Not checked:');
		// The arrow is said as a word to a screen reader (components/Arrows.tsx), hence its hidden “to”.
		expect(
			within(leftOut)
				.getAllByRole('listitem')
				.map((li) => li.textContent),
		).toEqual(['PEK →to Gotham Heliport: airport not known (Gotham Heliport); the flights before and after it were checked apart']);
		expect(screen.getByTestId('generic-findings').compareDocumentPosition(leftOut) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
	});

	it('asks the page again while its reading awaits the background’s answers, and shows the answer that has them', async () => {
		const tab = {id: 7, url: 'https://www.google.com/travel/flights'};
		// While the answers are on their way, a name asked about is not said to be unknown.
		const leftOut = {unknownAirports: [{from: 'PEK', to: 'Beijing Daxing', unknown: ['Beijing Daxing']}], excluded: []};
		const waiting: PageFound = {
			tab,
			status: {
				...STATUS,
				itineraries: 0,
				withStops: 0,
				layoutUnrecognised: true,
				generic: [],
				genericLeftOut: leftOut,
				lookupsPending: true,
			},
		};
		const answered: PageFound = {tab, status: {...STATUS, itineraries: 0, withStops: 0, layoutUnrecognised: true, generic: [VIA_PEK]}};
		const load = vi
			.fn<() => Promise<PageFound>>()
			.mockResolvedValueOnce(waiting)
			.mockResolvedValueOnce(waiting)
			.mockResolvedValue(answered);
		renderThisPage(waiting, {load});
		await waitFor(() => expect(load).toHaveBeenCalledTimes(2));
		expect(screen.queryByTestId('generic-left-out')).toBeNull();
		const findings = await screen.findByTestId('generic-findings', {}, {timeout: 5_000});
		expect(findings.textContent).toContain('24-hour direct transit');
		// Asked three times: the first answer, one still waiting, then the one with the answers; not again after it.
		await new Promise((r) => setTimeout(r, 600));
		expect(load).toHaveBeenCalledTimes(3);
	});

	it('stops asking again after a few times where the answers never come', async () => {
		const waiting: PageFound = {
			tab: {id: 7, url: 'https://www.google.com/travel/flights'},
			status: {...STATUS, itineraries: 0, withStops: 0, lookupsPending: true},
		};
		const load = vi.fn(async () => waiting);
		renderThisPage(waiting, {load});
		await waitFor(() => expect(load).toHaveBeenCalledTimes(9), {timeout: 5_000});
		await new Promise((r) => setTimeout(r, 600));
		expect(load).toHaveBeenCalledTimes(9);
	});

	it("judges what the generic detector read on a page in a layout it doesn't know", async () => {
		renderThisPage({
			tab: {id: 7, url: 'https://www.google.com/travel/flights'},
			status: {...STATUS, itineraries: 0, withStops: 0, layoutUnrecognised: true, generic: [NO_STOP, VIA_PEK]},
		});
		const findings = await screen.findByTestId('generic-findings');
		expect(findings.textContent).toContain('24-hour direct transit');
	});
});

describe('the popup', () => {
	/** The popup with no tab to talk about, these passports, and `found` where the tab is given (and `copyText`). */
	const renderPopup = ({
		passports = [],
		found = {tab: null, status: undefined},
		copyText,
	}: {passports?: string[]; found?: PageFound; copyText?: (text: string) => Promise<void>} = {}) => {
		const props = {
			openSettings: vi.fn(),
			openCard: vi.fn(),
			page: {load: async () => found, scanPage: async () => undefined, requestSite: async () => false},
		};
		render(
			<PopupView
				settings={{...DEFAULT_SETTINGS, passports}}
				save={async () => {}}
				locale="en"
				rules={rules}
				today={TODAY}
				{...props}
				{...(copyText ? {copyText} : {})}
			/>,
		);
		return props;
	};

	it('opens the settings, and says which rules it checks with', async () => {
		const props = renderPopup();
		expect(screen.getByRole('heading', {level: 1}).textContent).toBe('China Transit Check');
		expect(screen.getByRole('main').getAttribute('lang')).toBe('en');
		fireEvent.click(screen.getByRole('button', {name: 'Passports and settings'}));
		expect(props.openSettings).toHaveBeenCalled();
		expect(screen.getByTestId('rules-info').textContent).toContain(rules.data.reviewedAt);
		expect((await screen.findByTestId('page-status')).textContent).toBe('This site is not one of the supported booking sites.');
	});

	it('opens the check-in card for a pasted itinerary', async () => {
		const props = renderPopup();
		fireEvent.input(screen.getByLabelText('A GDS/PNR display, an e-ticket or copied page text'), {
			target: {value: ' 1 CA 982Y 15MAR 7 JFKPEK HK1  1300  1600  16MAR 1\n 2 CA 925Y 16MAR 1 PEKNRT HK1  1830  2245'},
		});
		fireEvent.click(screen.getByRole('button', {name: 'Check this text'}));
		fireEvent.click(await screen.findByRole('button', {name: 'Check-in card (print, English + 中文)'}));
		expect(props.openCard).toHaveBeenCalledTimes(1);
		expect(props.openCard.mock.calls[0]![0].segments.map((s: {from: string}) => s.from)).toEqual(['JFK', 'PEK']);
	});

	// An agent copies the result into a note or an e-mail to the traveller.
	it('copies a pasted itinerary’s result as text, and says so; says so too when the browser refuses', async () => {
		const copied: string[] = [];
		let refuse = false;
		const copyText = vi.fn(async (text: string) => {
			if (refuse) throw new DOMException('Document is not focused.', 'NotAllowedError');
			copied.push(text);
		});
		renderPopup({passports: ['US'], copyText});
		fireEvent.input(screen.getByLabelText('A GDS/PNR display, an e-ticket or copied page text'), {
			target: {value: ' 1 CA 982Y 15MAR 7 JFKPEK HK1  1300  1600  16MAR 1\n 2 CA 925Y 16MAR 1 PEKNRT HK1  1830  2245'},
		});
		fireEvent.click(screen.getByRole('button', {name: 'Check this text'}));
		const status = await screen.findByTestId('copy-status');
		expect(status.textContent).toBe(''); // nothing said before a copy
		expect(copyText).not.toHaveBeenCalled(); // nothing copied before the click
		fireEvent.click(screen.getByRole('button', {name: 'Copy as text'}));
		await waitFor(() => expect(status.textContent).toBe('Copied: the route, its flights and the result, with reasons and sources.'));
		expect(status.getAttribute('role')).toBe('status');
		expect(copied).toHaveLength(1);
		const lines = copied[0]!.split('\n');
		expect(lines[0]).toBe('China Transit Check: JFK → PEK → NRT');
		expect(lines[1]).toMatch(/^ {2}CA982 JFK \d{4}-03-15 13:00 → PEK \d{4}-03-16 16:00$/);
		expect(lines[2]).toMatch(/^ {2}CA925 PEK \d{4}-03-16 18:30 → NRT \d{4}-03-16 22:45$/);
		expect(copied[0]).toContain('Best: 24-hour direct transit');
		expect(copied[0]).toContain(`Rules as of ${rules.data.reviewedAt}`);
		expect(copied[0]).toMatch(/Guidance based on the published rules, not legal advice\. Border officers and airlines decide\.\n$/);
		refuse = true;
		fireEvent.click(screen.getByRole('button', {name: 'Copy as text'}));
		await waitFor(() => expect(status.textContent).toBe('The browser did not let the extension copy: nothing was copied.'));
		expect(status.classList.contains('problem')).toBe(true);
	});

	// An agent checks a booking record with its passenger's nationality, then copies that result into the booking's notes.
	it('offers copy and the check-in card under a record’s itineraries checked with a nationality; for a page text’s, copy with a note', async () => {
		const copyText = vi.fn(async (_text: string) => {});
		const popup = (heuristic: boolean) =>
			renderPopup({
				passports: ['IN'],
				found: {
					tab: {id: 7, url: `${AGENT}/x`},
					status: {...GENERIC, record: {nationalities: ['FRA'], itineraries: [NO_STOP, VIA_PEK], heuristic}},
				},
				copyText,
			});
		popup(false);
		fireEvent.click(await screen.findByRole('button', {name: 'Check with a passport from France'}));
		const result = await screen.findByTestId('page-record-result');
		await waitFor(() => expect(within(result).getByRole('button', {name: 'Copy as text'})).toBeTruthy());
		expect(within(result).getByRole('button', {name: 'Check-in card (print, English + 中文)'})).toBeTruthy();
		fireEvent.click(within(result).getByRole('button', {name: 'Copy as text'}));
		await waitFor(() => expect(copyText).toHaveBeenCalledTimes(1));
		const text = copyText.mock.calls[0]![0];
		expect(text.split('\n')[0]).toBe('China Transit Check: JFK → PEK → NRT');
		// Judged with the record's nationality, not the settings' passport.
		expect(text).toContain('passport FR');
		expect(text).not.toContain('passport IN');
		expect(text).not.toContain('Found in the page text');
		cleanup();
		// Read from the page's text: copied with a note saying so first; no check-in card (the flights are to check).
		popup(true);
		fireEvent.click(await screen.findByRole('button', {name: 'Check with a passport from France'}));
		const heuristic = await screen.findByTestId('page-record-result');
		await waitFor(() => expect(heuristic.textContent).toMatch(/240-hour visa-free transit/));
		expect(within(heuristic).queryByRole('button', {name: 'Check-in card (print, English + 中文)'})).toBeNull();
		fireEvent.click(within(heuristic).getByRole('button', {name: 'Copy as text'}));
		await waitFor(() => expect(copyText).toHaveBeenCalledTimes(2));
		expect(copyText.mock.calls[1]![0].split('\n').slice(0, 3)).toEqual([
			'Note: Found in the page text, not in structured data: check the flights shown.',
			'',
			'China Transit Check: JFK → PEK → NRT',
		]);
	});

	// An agent pastes a confirmation e-mail's text: read as text, so the copy says so first, and no check-in card.
	it('copies an itinerary read from pasted text with a note that it was read from text, and offers no check-in card', async () => {
		const copyText = vi.fn(async (_text: string) => {});
		renderPopup({passports: ['US'], copyText});
		fireEvent.input(screen.getByLabelText('A GDS/PNR display, an e-ticket or copied page text'), {
			target: {
				value: [
					'Flight 1 of 2',
					'New York JFK to Beijing PEK',
					'Mar 15Sunday, March 151:00 PM to 4:00 PM',
					'Flight Number: CA 982',
					'Flight 2 of 2',
					'Beijing PEK to Tokyo NRT',
					'Mar 16Monday, March 166:30 PM to 10:45 PM',
					'Flight Number: CA 925',
				].join('\n'),
			},
		});
		fireEvent.click(screen.getByRole('button', {name: 'Check this text'}));
		const result = await screen.findByTestId('paste-result');
		await waitFor(() => expect(within(result).getByRole('button', {name: 'Copy as text'})).toBeTruthy());
		expect(within(result).queryByRole('button', {name: 'Check-in card (print, English + 中文)'})).toBeNull();
		fireEvent.click(within(result).getByRole('button', {name: 'Copy as text'}));
		await waitFor(() => expect(copyText).toHaveBeenCalledTimes(1));
		expect(copyText.mock.calls[0]![0].split('\n').slice(0, 4)).toEqual([
			'Note: Found in the page text, not in structured data: check the flights shown.',
			'',
			'China Transit Check: JFK → PEK → NRT',
			expect.stringMatching(/^ {2}CA982 JFK \d{4}-03-15 13:00 → PEK/),
		]);
	});

	it('copies what the generic detector read on a page whose layout it does not know, with the note that it was read from text', async () => {
		const copyText = vi.fn(async (_text: string) => {});
		renderPopup({
			found: {
				tab: {id: 7, url: 'https://www.google.com/travel/flights'},
				status: {...STATUS, itineraries: 0, withStops: 0, layoutUnrecognised: true, generic: [NO_STOP, VIA_PEK]},
			},
			copyText,
		});
		const findings = await screen.findByTestId('generic-findings');
		fireEvent.click(within(findings).getByRole('button', {name: 'Copy as text'}));
		await waitFor(() => expect(copyText).toHaveBeenCalledTimes(1));
		expect(copyText.mock.calls[0]![0].split('\n').slice(0, 3)).toEqual([
			'Note: Found in the page text, not in structured data: check the flights shown.',
			'',
			'China Transit Check: JFK → PEK → NRT',
		]);
		expect(within(findings).queryByRole('button', {name: 'Check-in card (print, English + 中文)'})).toBeNull();
	});

	it('gives each result’s map its own heading id (several bookings in one text, each a 240-hour stay)', async () => {
		renderPopup({passports: ['US']});
		const booking = (from: string, stay: string) =>
			` 1 CA 982Y 15MAR 7 ${from}PEK HK1  1300  1600  16MAR 1\n 2 CA 925Y ${stay} 1 PEKNRT HK1  1830  2245`;
		fireEvent.input(screen.getByLabelText('A GDS/PNR display, an e-ticket or copied page text'), {
			target: {value: `RP/NYC1A0980/\n${booking('JFK', '18MAR')}\n\nRP/NYC1A0981/\n${booking('LAX', '19MAR')}`},
		});
		fireEvent.click(screen.getByRole('button', {name: 'Check this text'}));
		const result = await screen.findByTestId('paste-result');
		const maps = [...result.querySelectorAll('section.map-section')];
		expect(maps).toHaveLength(2);
		const ids = maps.map((m) => m.getAttribute('aria-labelledby')!);
		expect(new Set(ids).size).toBe(2);
		ids.forEach((id, i) => expect(document.getElementById(id)?.closest('section')).toBe(maps[i]));
	});

	it('has no copy button where nothing can copy (the component alone)', async () => {
		renderPopup();
		fireEvent.input(screen.getByLabelText('A GDS/PNR display, an e-ticket or copied page text'), {
			target: {value: ' 1 CA 982Y 15MAR 7 JFKPEK HK1  1300  1600  16MAR 1\n 2 CA 925Y 16MAR 1 PEKNRT HK1  1830  2245'},
		});
		fireEvent.click(screen.getByRole('button', {name: 'Check this text'}));
		await screen.findByTestId('paste-result');
		expect(screen.queryByRole('button', {name: 'Copy as text'})).toBeNull();
	});
});
