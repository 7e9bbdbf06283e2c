/**
 * The details view-model (lib/ui/details.ts) and the helpers every view shares (lib/ui/format.ts): what the badge's
 * popover and the popup show for a result, as plain texts in the reader's language and in the order shown.
 */
import {describe, expect, it} from 'vitest';
import {evaluateTrip} from '@/lib/rules/evaluate';
import {loadRules} from '@/lib/rules/load-rules';
import type {Source} from '@/lib/rules/schema';
import type {CheckResult, TripInput} from '@/lib/rules/types';
import {reasonText} from '@/lib/i18n/reason-text';
import {buildDetails, explainTrips, explainTripsAsText, type Details} from '@/lib/ui/details';
import {
	citedSourceIds,
	citesSources,
	findSource,
	readableParams,
	readableTime,
	sourceView,
	sourceViews,
	STATUS_MARK,
} from '@/lib/ui/format';

const rules = loadRules();
const TODAY = '2026-03-01';

/** Four days in Shanghai on the way to Seoul: 240-hour transit on a US passport. */
const PVG_240H: TripInput = {
	passports: ['US'],
	segments: [
		{from: 'LAX', to: 'PVG', departure: '2026-03-15T11:00', arrival: '2026-03-16T17:00', flight: 'MU586'},
		{from: 'PVG', to: 'ICN', departure: '2026-03-20T09:00', arrival: '2026-03-20T12:00'},
	],
};
/** Back to where it came from: no policy applies. */
const PVG_ROUND_TRIP_US: TripInput = {
	passports: ['US'],
	segments: [
		{from: 'LAX', to: 'PVG', departure: '2026-03-15T11:00', arrival: '2026-03-16T17:00'},
		{from: 'PVG', to: 'LAX', departure: '2026-03-20T09:00', arrival: '2026-03-20T06:00'},
	],
};
/** Two stops, no passport set. */
const KUL_HAK_NRT: TripInput = {
	passports: [],
	segments: [
		{from: 'KUL', to: 'HAK', departure: '2026-03-15T08:00', arrival: '2026-03-15T12:00'},
		{from: 'HAK', to: 'NRT', departure: '2026-03-15T18:40', arrival: '2026-03-15T23:55'},
	],
};
/** No times on the page. */
const JFK_PEK_NRT_NO_TIMES: TripInput = {
	passports: ['US'],
	segments: [
		{from: 'JFK', to: 'PEK'},
		{from: 'PEK', to: 'NRT'},
	],
};

const evaluate = (trip: TripInput): CheckResult => evaluateTrip(trip, rules, {today: TODAY});

describe('the details of a 240-hour transit (LAX → PVG → ICN, US passport), in English', () => {
	const result = evaluate(PVG_240H);
	const d = buildDetails(result, rules, 'en');
	const stop = d.stops[0]!;

	it('has one stop with its airports, readable times, route and time in China', () => {
		expect(d.stops).toHaveLength(1);
		expect(stop).toMatchObject({
			heading: 'Stop 1: PVG',
			label: 'Stop 1: PVG',
			names: {text: 'Shanghai Pudong International Airport', lang: 'en'},
			arrival: {label: 'Arrive', value: '2026-03-16 17:00'},
			departure: {label: 'Leave', value: '2026-03-20 09:00'},
			route: 'From the United States to South Korea',
			timeInChina: 'Time in China: 88 h 0 min',
			best: 'Best option: 240-hour visa-free transit',
			remindersHeading: 'Also make sure',
		});
	});

	it('gives every policy in the engine’s order, with its mark and status in words', () => {
		expect(stop.policies.map((p) => [p.policy, p.mark, p.name, p.statusText])).toEqual([
			['transit24', '✗', '24-hour direct transit', 'does not apply'],
			['transit240', '✓', '240-hour visa-free transit', 'likely OK'],
			['visaFree', '✗', 'Visa-free entry', 'does not apply'],
		]);
		const t240 = stop.policies[1]!;
		expect(t240.passportNote).toBe('With your passport from the United States');
		expect(t240.deadline).toBe('Leave mainland China by 2026-03-27 00:00');
		expect(t240.reasons.map((r) => r.text)).toContain('You leave before the deadline, 2026-03-27 00:00.');
	});

	it('writes no local time in its raw form anywhere', () => {
		expect(JSON.stringify(d)).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
	});

	it('gives the source ids of failing and doubtful reasons only, and of every reminder', () => {
		for (const [p, v] of stop.policies.map((p, i) => [p, result.stops[0]!.verdicts[i]!] as const)) {
			expect(p.reasons.map((r) => r.code)).toEqual(v.reasons.map((r) => r.code));
			for (const [i, r] of p.reasons.entries()) expect(r.sources).toEqual(citesSources(r.kind) ? v.reasons[i]!.sources : []);
		}
		expect(stop.reminders.map((r) => [r.code, r.sources])).toEqual(result.stops[0]!.reminders.map((r) => [r.code, r.sources]));
	});

	it('lists every cited source once, in order of first citation, as the dataset names it', () => {
		const cited = [...stop.policies.flatMap((p) => p.reasons.flatMap((r) => r.sources)), ...stop.reminders.flatMap((r) => r.sources)];
		expect(d.sources.items.map((s) => s.id)).toEqual(citedSourceIds(result));
		expect(new Set(d.sources.items.map((s) => s.id))).toEqual(new Set(cited));
		for (const s of d.sources.items) expect(s).toEqual(sourceView(findSource(rules, s.id)!));
		expect(d.sources).toMatchObject({heading: 'Sources', officialTag: 'official', noLink: 'no link to a trusted site'});
	});

	it('ends with the rules date and the disclaimer, and labels its buttons', () => {
		expect(d.footer).toBe(
			`Rules as of ${result.rules.reviewedAt} · Guidance based on the published rules, not legal advice. Border officers and airlines decide.`,
		);
		expect(d.actions).toEqual({
			openCard: 'Check-in card (print, English + 中文)',
			openSettings: 'Passports and settings',
			copyText: 'Copy as text',
			copyDone: 'Copied: the route, its flights and the result, with reasons and sources.',
			copyFailed: 'The browser did not let the extension copy: nothing was copied.',
		});
		expect(d.notices).toEqual([]);
	});
});

/** Every text the details show, apart from the sources' own titles and publishers. */
function shownTexts(d: Details): string[] {
	return [
		...d.notices,
		...d.stops.flatMap((s) => [
			s.heading,
			s.label,
			s.arrival.label,
			s.arrival.value,
			s.departure.label,
			s.departure.value,
			s.route ?? '',
			s.timeInChina ?? '',
			s.best,
			...s.policies.flatMap((p) => [
				p.mark,
				p.name,
				p.statusText,
				p.passportNote ?? '',
				p.deadline ?? '',
				...p.reasons.map((r) => r.text),
			]),
			s.remindersHeading,
			...s.reminders.map((r) => r.text),
		]),
		d.sources.heading,
		d.sources.officialTag,
		d.sources.noLink,
		d.footer,
		d.actions.openCard,
		d.actions.openSettings,
	];
}

describe('the details in Chinese', () => {
	it.each([
		['zh-CN', '最佳方案：240小时过境免签', '须在2026-03-27 00:00前离开中国大陆', '来源'],
		['zh-TW', '最佳方案：240小時過境免簽', '須在2026-03-27 00:00前離開中國大陸', '來源'],
	] as const)('%s: every text in that language', (locale, best, deadline, sources) => {
		const d = buildDetails(evaluate(PVG_240H), rules, locale);
		expect(d.stops[0]).toMatchObject({heading: '第1站：PVG', best});
		expect(d.stops[0]!.policies[1]!.deadline).toBe(deadline);
		expect(d.sources.heading).toBe(sources);
		// No English word: runs of three Latin letters are the airport's code, or "App" (the NIA's “移民局12367” App).
		const words =
			shownTexts(d)
				.join('\n')
				.match(/[A-Za-z]{3,}/g) ?? [];
		expect(words.filter((w) => w !== 'PVG' && w !== 'App')).toEqual([]);
		expect(shownTexts(buildDetails(evaluate(PVG_240H), rules, 'en')).join('\n')).toMatch(/Stop 1: PVG/); // the check can fail
	});
});

describe('what the details leave out or add', () => {
	it('a page badge of more itineraries than the details take: says how many of them are shown, in each language', () => {
		const notices = (locale: 'en' | 'zh-CN' | 'zh-TW', tripsOmitted?: number) =>
			explainTrips(
				{trips: [PVG_240H, PVG_240H], today: TODAY, locale, heuristic: false, ...(tripsOmitted ? {tripsOmitted} : {})},
				rules,
			).notices;
		expect(notices('en', 3)).toEqual([
			'These details show 2 of the 5 itineraries with a stop in mainland China on this page: paste the others into the extension’s popup to check them.',
		]);
		expect(notices('zh-CN', 3)).toEqual(['以下详情只列出本页5个经停中国大陆的行程中的2个：其余行程请粘贴到本扩展的弹出窗口中查询。']);
		expect(notices('zh-TW', 3)).toEqual(['以下詳情只列出本頁5個經停中國大陸的行程中的2個：其餘行程請貼到本擴充功能的彈出視窗中查詢。']);
		expect(notices('en')).toEqual([]);
	});

	it('a page badge’s details say which of the page’s flights were not checked, in each language', () => {
		const leftOut = {
			unknownAirports: [{from: 'PEK', to: 'QQZ', flight: 'CA123', unknown: ['QQZ']}],
			excluded: [{line: 'CA125 PEK 2027-01-14T09:10 → NRT 2027-01-14T08:00', status: 'unread' as const, code: 'unread'}],
		};
		const notices = (locale: 'en' | 'zh-CN' | 'zh-TW') =>
			explainTrips({trips: [PVG_240H], today: TODAY, locale, heuristic: false, leftOut}, rules).notices;
		expect(notices('en')).toEqual([
			'Not checked: “CA125 PEK 2027-01-14T09:10 → NRT 2027-01-14T08:00”: a flight that could not be read, so the flights before and after it were checked apart',
			'Not checked: CA123 PEK → QQZ: airport not known (QQZ); the flights before and after it were checked apart',
		]);
		expect(notices('zh-CN')[1]).toBe('未核查：CA123 PEK → QQZ：无法识别机场（QQZ）；其前后的航班分开核查');
		expect(notices('zh-TW')[1]).toBe('未核查：CA123 PEK → QQZ：無法識別機場（QQZ）；其前後的航班分開核查');
		// Copied as text, the same lines come first, as notes.
		const text = explainTripsAsText({trips: [PVG_240H], today: TODAY, locale: 'en', heuristic: false, leftOut}, rules);
		expect(text.split('\n')[1]).toBe(
			'Note: Not checked: CA123 PEK → QQZ: airport not known (QQZ); the flights before and after it were checked apart',
		);
	});

	it('a page badge’s details name the nationalities a record gives where the results used other passports, in each language', () => {
		const request = {trips: [PVG_240H], today: TODAY, heuristic: true};
		const explain = (locale: 'en' | 'zh-CN' | 'zh-TW', recordNationalities?: string[], trips = [PVG_240H]) =>
			explainTrips({...request, trips, locale, ...(recordNationalities ? {recordNationalities} : {})}, rules).notices;
		const heuristic = {en: 'Found in the page text, not in structured data: check the flights shown.'};
		// SSR DOCS codes as printed: FRA (alpha-3) and CH (alpha-2), each country once; the results used a US passport.
		expect(explain('en', ['FRA', 'CH', 'FR'])).toEqual([
			heuristic.en,
			'The page gives the passengers’ nationality: France (FR), Switzerland (CH). These results used the passports in your settings: United States (US). To check with a passenger’s, open the extension’s popup on this page.',
		]);
		expect(explain('zh-CN', ['FRA'])[1]).toBe(
			'页面上的记录给出旅客国籍：法国 (FR)。以下结果使用的是设置中的护照：美国 (US)。如需按旅客的国籍查询，请在此页面上打开本扩展的弹出窗口。',
		);
		expect(explain('zh-TW', ['FRA'])[1]).toBe(
			'頁面上的記錄列出旅客國籍：法國 (FR)。以下結果使用的是設定中的護照：美國 (US)。如需按旅客的國籍查詢，請在此頁面上開啟本擴充功能的彈出視窗。',
		);
		// No passport in the settings: said so.
		expect(explain('en', ['FRA'], [{...PVG_240H, passports: []}])[1]).toBe(
			'The page gives the passengers’ nationality: France (FR). No passport is set in your settings, so these results cover only what holds for every passport. To check with a passenger’s, open the extension’s popup on this page.',
		);
		// Nothing to say: the record's nationality is the passport used (USA is US), a code that names no country (the
		// passport zone XXX), or no record.
		expect(explain('en', ['USA'])).toEqual([heuristic.en]);
		expect(explain('en', ['XXX'])).toEqual([heuristic.en]);
		expect(explain('en')).toEqual([heuristic.en]);
	});

	it('no passport: says once to set one, under the 240-hour policy only', () => {
		const d = buildDetails(evaluate(KUL_HAK_NRT), rules, 'en');
		// Said once, as a plain line, not among the warnings.
		expect(d.notices).toEqual([]);
		expect(d.tip).toBe(
			'24-hour transit does not depend on your passport, so it was checked. Add your passports in the settings to check 240-hour transit and visa-free entry too.',
		);
		expect(d.stops.map((s) => s.heading)).toEqual(['Stop 1: HAK']);
		for (const s of d.stops) {
			for (const p of s.policies) {
				const asks = p.reasons.some((r) => r.code === 'no-passport');
				expect(asks, `${s.heading} ${p.policy}`).toBe(p.policy === 'transit240' && p.status === 'unknown');
				if (p.status === 'unknown') expect(p.mark).toBe('·');
			}
		}
	});

	it('a passport our data has no rules for: said once, first, under 24-hour transit, in each language, with the law it cites', () => {
		const trip: TripInput = {passports: ['GB', 'HK'], segments: PVG_240H.segments};
		const result = evaluate(trip);
		// The engine gives it to every verdict; the details say it once.
		for (const v of result.stops[0]!.verdicts) expect(v.reasons[0]!.code).toBe('passport-not-covered');
		const texts = {
			en: 'Our data holds the visa exemptions China grants foreign nationals (Exit and Entry Administration Law, Art. 22), and no rules for passports from Hong Kong: ask your airline which travel documents you need.',
			'zh-CN':
				'我们的数据收录的是中国给予外国人的免签政策（《出境入境管理法》第二十二条），没有适用于香港护照的规定：请向航空公司确认所需的旅行证件。',
			'zh-TW':
				'我們的資料收錄的是中國給予外國人的免簽政策（《出境入境管理法》第二十二條），沒有適用於香港護照的規定：請向航空公司確認所需的旅行證件。',
		} as const;
		for (const locale of ['en', 'zh-CN', 'zh-TW'] as const) {
			const d = buildDetails(result, rules, locale);
			const said = d.stops[0]!.policies.map((p) => [
				p.policy,
				p.reasons.filter((r) => r.code === 'passport-not-covered').map((r) => r.text),
			]);
			expect(said, locale).toEqual([
				['transit24', [texts[locale]]],
				['transit240', []],
				['visaFree', []],
			]);
			expect(d.stops[0]!.policies[0]!.reasons[0]!.sources).toEqual(['S18', 'S21']);
			expect(d.sources.items.map((i) => i.id)).toEqual(expect.arrayContaining(['S18', 'S21']));
		}
	});

	it('a detection from page text says so first', () => {
		const d = buildDetails(evaluate(KUL_HAK_NRT), rules, 'en', {heuristic: true});
		expect(d.notices[0]).toBe('Found in the page text, not in structured data: check the flights shown.');
		expect(d.tip).toMatch(/^24-hour transit does not depend on your passport/);
	});

	it('a policy that does not apply gives no deadline, even when the engine computed one', () => {
		const result = evaluate(PVG_ROUND_TRIP_US);
		const v = result.stops[0]!.verdicts.find((x) => x.policy === 'transit240')!;
		expect(v).toMatchObject({status: 'ineligible', deadline: '2026-03-27T00:00'});
		const d = buildDetails(result, rules, 'en');
		expect(d.stops[0]!.policies.find((p) => p.policy === 'transit240')!.deadline).toBeUndefined();
		expect(d.stops[0]!.best).toBe('No visa-free route found for this stop.');
	});

	it('no times: says they are not shown, and gives no time in China', () => {
		const d = buildDetails(evaluate(JFK_PEK_NRT_NO_TIMES), rules, 'en');
		expect(d.stops[0]).toMatchObject({
			arrival: {value: 'not shown'},
			departure: {value: 'not shown'},
			route: 'From the United States to Japan',
		});
		expect(d.stops[0]!.timeInChina).toBeUndefined();
	});

	it('names the stop’s airports under its codes: in English, or by the mainland’s own Chinese names in the reader’s script', () => {
		expect(buildDetails(evaluate(PVG_240H), rules, 'zh-CN').stops[0]!.names).toEqual({text: '上海浦东国际机场', lang: 'zh-CN'});
		// In Traditional, as OpenCC writes the name (the table's nameZhHant); before, the simplified original.
		expect(buildDetails(evaluate(PVG_240H), rules, 'zh-TW').stops[0]!.names).toEqual({text: '上海浦東國際機場', lang: 'zh-TW'});
		// A change of airports names both, in the heading's order.
		const change: TripInput = {
			passports: ['US'],
			segments: [
				{from: 'JFK', to: 'PEK', departure: '2026-03-15T13:00', arrival: '2026-03-16T16:00'},
				{from: 'PKX', to: 'NRT', departure: '2026-03-16T20:00', arrival: '2026-03-17T00:30'},
			],
		};
		const d = buildDetails(evaluate(change), rules, 'en');
		expect(d.stops[0]!.heading).toBe('Stop 1: PEK → PKX');
		expect(d.stops[0]!.names).toEqual({
			text: 'Beijing Capital International Airport → Beijing Daxing International Airport',
			lang: 'en',
		});
		expect(buildDetails(evaluate(change), rules, 'zh-CN').stops[0]!.names?.text).toBe('北京首都国际机场 → 北京大兴国际机场');
	});

	it('a passport’s rule past its scheduled end is named by the country', () => {
		// France's visa-free entry is scheduled to end on 2026-12-31 in the data [S28]: a stay in January 2027 is left open.
		const trip: TripInput = {
			passports: ['FR'],
			segments: [
				{from: 'CDG', to: 'PVG', departure: '2027-01-10T12:00', arrival: '2027-01-11T07:00'},
				{from: 'PVG', to: 'CDG', departure: '2027-01-20T10:00', arrival: '2027-01-20T16:00'},
			],
		};
		const texts = (locale: 'en' | 'zh-CN') =>
			buildDetails(evaluate(trip), rules, locale)
				.stops[0]!.policies.flatMap((p) => p.reasons)
				.filter((r) => r.code === 'scheduled-end-passed')
				.map((r) => r.text);
		expect(texts('en')[0]).toMatch(/^This rule \(France\) is scheduled to end on 2026-12-31/);
		expect(texts('zh-CN')[0]).toContain('法国');
	});

	it('a stay that goes on past a scheme’s scheduled end says what is not known and when to leave to be sure', () => {
		// France's visa-free entry is scheduled to end on 2026-12-31 in the data [S28]; entered on 28 December, the 30
		// days would run into January, and the sources do not say whether they may (rules-facts §4).
		const trip: TripInput = {
			passports: ['FR'],
			segments: [
				{from: 'CDG', to: 'PEK', departure: '2026-12-27T12:00', arrival: '2026-12-28T06:00'},
				{from: 'PEK', to: 'CDG', departure: '2027-01-05T10:00', arrival: '2027-01-05T15:00'},
			],
		};
		const text = (locale: 'en' | 'zh-CN' | 'zh-TW') =>
			buildDetails(evaluate(trip), rules, locale)
				.stops[0]!.policies.flatMap((p) => p.reasons)
				.find((r) => r.code === 'regime-ends-during-stay')?.text;
		expect(text('en')).toBe(
			'The scheme is scheduled to end on 2026-12-31, during your stay. Our sources do not say whether a stay begun before then may go on past it: to be sure, leave by 2027-01-01 00:00.',
		);
		expect(text('zh-CN')).toContain('请在2027-01-01 00:00前离境');
		expect(text('zh-TW')).toContain('請在2027-01-01 00:00前離境');
	});

	it('no stop in the mainland: no stops, no sources, still the footer', () => {
		const result = evaluate({passports: ['US'], segments: [{from: 'SFO', to: 'HKG'}]});
		const d: Details = buildDetails(result, rules, 'en');
		expect(d.stops).toEqual([]);
		expect(d.sources.items).toEqual([]);
		expect(d.footer).toMatch(/^Rules as of \d{4}-\d{2}-\d{2} · /);
	});
});

describe('the shared helpers (lib/ui/format.ts)', () => {
	it('marks every status with a symbol', () => {
		expect(STATUS_MARK).toEqual({eligible: '✓', ineligible: '✗', conditional: '?', unknown: '·'});
	});

	it('makes local times readable and leaves everything else as it is', () => {
		expect(readableTime('2026-03-27T00:00')).toBe('2026-03-27 00:00');
		expect(readableTime('2026-03-27')).toBe('2026-03-27');
		expect(
			readableParams('within-240h', {deadline: '2026-03-27T00:00', since: '2025-11-05', hours: 240, what: 'PVG T1'}, 'en'),
		).toEqual({
			deadline: '2026-03-27 00:00',
			since: '2025-11-05',
			hours: 240,
			what: 'PVG T1',
		});
		expect(readableParams('within-240h', {note: 'at 2026-03-27T00:00 local'}, 'en')).toEqual({note: 'at 2026-03-27T00:00 local'});
		expect(readableParams('within-240h', undefined, 'en')).toBeUndefined();
	});

	it('names countries in the reader’s language: the passport, and the countries of a third-region reason (not airports)', () => {
		expect(readableParams('nationality-listed', {passport: 'US'}, 'en')).toEqual({passport: 'the United States'});
		expect(readableParams('nationality-listed', {passport: 'US'}, 'zh-CN')).toEqual({passport: '美国'});
		expect(readableParams('nationality-listed', {passport: 'US'}, 'zh-TW')).toEqual({passport: '美國'});
		expect(readableParams('third-region', {from: 'US', to: 'KR'}, 'en')).toEqual({from: 'United States', to: 'South Korea'});
		expect(readableParams('third-region', {from: 'US', to: 'KR'}, 'zh-CN')).toEqual({from: '美国', to: '韩国'});
		// Flown in from and on to the same country: named too, not left as its code (美国, not US).
		expect(readableParams('onward-same-region', {region: 'US'}, 'en')).toEqual({region: 'United States'});
		expect(reasonText('onward-same-region', 'zh-CN', readableParams('onward-same-region', {region: 'US'}, 'zh-CN'))).toBe(
			'来自和前往同一国家或地区（美国）；过境须前往第三国或地区。',
		);
		expect(readableParams('onward-same-region', {region: 'HK'}, 'zh-TW')).toEqual({region: '香港'});
		// `from` and `to` of an airport change are airports: PEK is not read as a region code.
		expect(readableParams('airport-change', {from: 'PEK', to: 'PKX'}, 'zh-CN')).toEqual({from: 'PEK', to: 'PKX'});
		// Read in a sentence: the name where the code stood, worded to take a country's name.
		expect(reasonText('stay-limit-unknown', 'en', readableParams('stay-limit-unknown', {passport: 'FR'}, 'en'))).toBe(
			'How long citizens of France may stay is not in our data.',
		);
		expect(reasonText('stay-limit-unknown', 'zh-CN', readableParams('stay-limit-unknown', {passport: 'FR'}, 'zh-CN'))).toBe(
			'我们的数据中没有法国公民的停留期限。',
		);
		// A scheduled end of a passport's rule names the country; of a port's, the airport; of a scheme, its name.
		const end = {until: '2026-12-31', reviewedAt: '2026-11-22'};
		expect(readableParams('scheduled-end-passed', {what: 'FR', whatZh: 'FR', ...end}, 'zh-CN')).toMatchObject({
			what: '法国',
			whatZh: '法国',
		});
		expect(readableParams('scheduled-end-passed', {what: 'PVG', whatZh: 'PVG', ...end}, 'en')).toMatchObject({what: 'PVG'});
		expect(readableParams('scheduled-end-passed', {what: 'Hainan 59 countries', ...end}, 'en')).toMatchObject({
			what: 'Hainan 59 countries',
		});
		// A code Intl does not know, or not a code at all, is shown as it is.
		expect(readableParams('nationality-listed', {passport: 'QQ'}, 'en')).toEqual({passport: 'QQ'});
		expect(readableParams('nationality-listed', {passport: 'not a code'}, 'en')).toEqual({passport: 'not a code'});
	});

	it('cites sources for failing and doubtful reasons only', () => {
		expect((['ok', 'fails', 'doubt', 'info'] as const).filter(citesSources)).toEqual(['fails', 'doubt']);
	});

	it('collects the cited ids once each, in order of first citation', () => {
		const result = evaluate(PVG_ROUND_TRIP_US);
		const ids = citedSourceIds(result);
		expect(new Set(ids).size).toBe(ids.length);
		const expected: string[] = [];
		for (const s of result.stops) {
			for (const v of s.verdicts)
				for (const r of v.reasons) if (r.kind === 'fails' || r.kind === 'doubt') expected.push(...r.sources);
			for (const r of s.reminders) expected.push(...r.sources);
		}
		expect(ids).toEqual([...new Set(expected)]);
	});

	it('shows a source with a link only when it is https on a named host, and skips unknown ids', () => {
		const base: Source = {...rules.data.sources[0]!};
		expect(sourceView({...base, url: 'http://example.gov.cn/x'}).url).toBeUndefined();
		expect(sourceView({...base, url: 'javascript:alert(1)'}).url).toBeUndefined();
		expect(sourceView({...base, url: 'https://www.gov.cn/x'}).url).toBe('https://www.gov.cn/x');
		expect(sourceViews(rules, [base.id, 'S-none', base.id]).map((s) => s.id)).toEqual([base.id, base.id]);
		expect(findSource(rules, 'S-none')).toBeUndefined();
	});
});

describe("the stop's headline says what holds, what is not settled, or that nothing does", () => {
	/**
	 * A week in Shanghai on a French passport in January 2027, judged on 2026-12-03: France's visa-free entry is
	 * scheduled to end on 2026-12-31 in our data (rules-facts §4: France, valid until 2026-12-31 [S35b][S28]), so it is left open, and
	 * neither transit policy applies (back to the country it came from). Not a "no".
	 */
	const CDG_PVG_CDG_2027: TripInput = {
		passports: ['FR'],
		segments: [
			{from: 'CDG', to: 'PVG', departure: '2027-01-20T13:00', arrival: '2027-01-21T07:00'},
			{from: 'PVG', to: 'CDG', departure: '2027-01-28T10:00', arrival: '2027-01-28T16:00'},
		],
	};
	const late = evaluateTrip(CDG_PVG_CDG_2027, rules, {today: '2026-12-03'});

	it('a policy the rules leave open (a scheduled end passed) is named as what may apply, in each language', () => {
		const stop = late.stops[0]!;
		expect(stop.best).toBeNull();
		expect(stop.verdicts.find((v) => v.policy === 'visaFree')?.status).toBe('conditional');
		expect(buildDetails(late, rules, 'en').stops[0]!.best).toBe('Not settled: check before you travel. May apply: Visa-free entry.');
		expect(buildDetails(late, rules, 'zh-CN').stops[0]!.best).toBe('尚无定论，出行前请核实。可能适用：免签入境。');
		expect(buildDetails(late, rules, 'zh-TW').stops[0]!.best).toBe('尚無定論，出行前請核實。可能適用：免簽入境。');
	});

	it("the same trip inside the rules' dates: visa-free entry holds", () => {
		const early = evaluateTrip(
			{
				...CDG_PVG_CDG_2027,
				segments: CDG_PVG_CDG_2027.segments.map((s) => ({
					...s,
					departure: s.departure!.replace('2027-01', '2026-12'),
					arrival: s.arrival!.replace('2027-01', '2026-12'),
				})),
			},
			rules,
			{today: '2026-12-03'},
		);
		expect(buildDetails(early, rules, 'en').stops[0]!.best).toBe('Best option: Visa-free entry');
	});

	it('without a passport, a stop no passport-free policy covers is not settled either', () => {
		const result = evaluate({...PVG_ROUND_TRIP_US, passports: []});
		expect(result.stops[0]!.best).toBeNull();
		expect(result.stops[0]!.verdicts.some((v) => v.status === 'unknown')).toBe(true);
		expect(buildDetails(result, rules, 'en').stops[0]!.best).toBe(
			'Not settled: set your passport to see whether a visa-free route applies.',
		);
	});

	it('"no visa-free route" only when every policy is refused', () => {
		const result = evaluate(PVG_ROUND_TRIP_US);
		expect(result.stops[0]!.verdicts.every((v) => v.status === 'ineligible')).toBe(true);
		expect(buildDetails(result, rules, 'en').stops[0]!.best).toBe('No visa-free route found for this stop.');
	});
});
