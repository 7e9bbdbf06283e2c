import {describe, expect, it} from 'vitest';
import {CARD_TEXT} from '@/lib/i18n/check-in-card-text';
import {LOCALES} from '@/lib/i18n/locale';
import {loadRules} from '@/lib/rules/load-rules';
import type {TripInput} from '@/lib/rules/types';
import {chinaMap} from '@/lib/ui/china-map-data';
import {buildCard, type CardSource, type CheckInCard} from '@/lib/ui/check-in-card';
import {findSource, sourceView} from '@/lib/ui/format';
import rawDomains from '@/data/source-domains.json';
import {OFFICIAL_KINDS, ruleForUrl, type DomainRule} from '@/lib/rules/source-links';

const rules = loadRules();
const TODAY = '2026-11-22';

/** JFK → PEK → NRT on one day: 24-hour direct transit, open to every nationality. */
const PEK_24H: TripInput = {
	passports: ['US'],
	segments: [
		{from: 'JFK', to: 'PEK', departure: '2026-03-15T13:00', arrival: '2026-03-16T16:00', flight: 'CA982'},
		{from: 'PEK', to: 'NRT', departure: '2026-03-16T18:30', arrival: '2026-03-16T22:45', flight: 'CA925'},
	],
};
/** A US passport has no visa-free regime, so four days in Shanghai on the way to Seoul rest on the 240-hour rule. */
const PVG_240H: TripInput = {
	passports: ['US'],
	segments: [
		{from: 'LAX', to: 'PVG', departure: '2026-03-15T11:00', arrival: '2026-03-16T17:00', flight: 'MU586'},
		{from: 'PVG', to: 'ICN', departure: '2026-03-20T09:00', arrival: '2026-03-20T12:00'},
	],
};
/** Paris → Shanghai → Paris for two weeks: no transit (same country both ways), but France has 30-day visa-free entry. */
const PVG_VISA_FREE: TripInput = {
	passports: ['FR'],
	segments: [
		{from: 'CDG', to: 'PVG', departure: '2026-03-15T11:00', arrival: '2026-03-16T07:00'},
		{from: 'PVG', to: 'CDG', departure: '2026-03-30T09:00', arrival: '2026-03-30T15:00'},
	],
};
/** The same round trip on a US passport: no policy applies. */
const PVG_ROUND_TRIP_US: TripInput = {
	passports: ['US'],
	segments: [
		{from: 'LAX', to: 'PVG', departure: '2026-03-15T11:00', arrival: '2026-03-16T17:00'},
		{from: 'PVG', to: 'LAX', departure: '2026-03-20T09:00', arrival: '2026-03-20T06:00'},
	],
};

function card(trip: TripInput): CheckInCard {
	const outcome = buildCard(trip, rules, TODAY, {prefectureNames: chinaMap().prefectures});
	if (!outcome.ok) throw new Error(`expected a card, got ${outcome.reason}`);
	return outcome.card;
}

describe('the card for a 24-hour direct transit (JFK → PEK → NRT, US passport)', () => {
	const c = card(PEK_24H);

	it('is for 24-hour transit, in English and both Chinese scripts', () => {
		expect(c.policy).toBe('transit24');
		expect(c.policyName).toEqual({en: '24-hour direct transit', 'zh-CN': '24小时直接过境', 'zh-TW': '24小時直接過境'});
		expect(c.passport).toEqual({code: 'US', name: {en: 'United States', 'zh-CN': '美国', 'zh-TW': '美國'}});
	});

	it('lists every flight with codes, names in both languages where known, times and flight numbers', () => {
		expect(c.flights).toHaveLength(2);
		expect(c.flights[0]).toMatchObject({
			flight: 'CA982',
			from: {iata: 'JFK', name: 'John F. Kennedy International Airport'},
			to: {
				iata: 'PEK',
				name: 'Beijing Capital International Airport',
				nameZh: {'zh-CN': '北京首都国际机场', 'zh-TW': '北京首都國際機場'},
			},
			departure: '2026-03-15 13:00',
			arrival: '2026-03-16 16:00',
		});
		expect(c.flights[0]!.from.nameZh).toBeUndefined(); // no Chinese name is made up for a foreign airport
	});

	it('gives Taiwan’s airports their own traditional name, and its simplified form for a Simplified card', () => {
		const tpe = card({
			passports: ['US'],
			segments: [
				{from: 'TPE', to: 'PVG', departure: '2026-03-15T08:00', arrival: '2026-03-15T10:00'},
				{from: 'PVG', to: 'NRT', departure: '2026-03-15T18:00', arrival: '2026-03-15T21:30'},
			],
		});
		expect(tpe.flights[0]!.from.nameZh).toEqual({'zh-CN': '台湾桃园国际机场', 'zh-TW': '臺灣桃園國際機場'});
	});

	it('gives a foreign airport the Chinese name of its city where the data has one, in both scripts', () => {
		// JFK serves New York and NRT Tokyo (servedZh, from Unicode CLDR's names of the cities time zones are named by).
		expect(c.flights[0]!.from.cityZh).toEqual({'zh-CN': '纽约', 'zh-TW': '紐約'});
		expect(c.flights[1]!.to.cityZh).toEqual({'zh-CN': '东京', 'zh-TW': '東京'});
		// An airport with a Chinese name of its own keeps it, and is given no city beside it.
		expect(c.flights[0]!.to.cityZh).toBeUndefined();
		// Frankfurt's zone is Berlin's: the data has no Chinese name for the city, and none is made up.
		const fra = card({...PEK_24H, segments: [{...PEK_24H.segments[0]!, from: 'FRA'}, PEK_24H.segments[1]!]});
		expect(fra.flights[0]!.from).not.toHaveProperty('cityZh');
		expect(fra.flights[0]!.from).not.toHaveProperty('nameZh');
	});

	it('states the stay: airport, times, 2 h 30 min of the 24 hours allowed, airside at PEK', () => {
		expect(c.stay.airports.map((a) => a.iata)).toEqual(['PEK']);
		expect(c.stay).toMatchObject({arrival: '2026-03-16 16:00', departure: '2026-03-16 18:30'});
		expect(c.stay.duration?.en).toBe('2 h 30 min');
		expect(c.stay.limit['zh-CN']).toBe('不超过24小时，且不离开口岸（机场限定区域）');
		expect(c.stay.deadline).toBeUndefined();
		expect(c.stay.areas).toBeUndefined();
		expect(c.checks.map((x) => x.en)).toContain(
			'PEK lets transfer passengers who stay airside skip border inspection (since 2024-01-11).',
		);
		expect(c.reminders.map((x) => x.en).join(' ')).toContain('temporary entry permit');
		expect(c.reminders.map((x) => x.en).join(' ')).not.toContain('accommodation');
	});

	it('quotes the law, in Chinese and in its published English', () => {
		// Exit and Entry Administration Law, art. 22(3) ([S18a][S18c]):
		// "持联程客票搭乘国际航行的航空器、船舶、列车从中国过境前往第三国或者地区，在中国境内停留不超过二十四小时且不离开口岸…"
		// "hold connected passenger tickets and are in transit to a third country or region … without leaving the port of entry"
		expect(c.wording).toMatchObject({
			kind: 'quote',
			enIsTranslation: false,
			zhIsTranslation: false,
			verified: true,
			date: '2012-06-30',
		});
		expect(c.wording.zh).toContain('在中国境内停留不超过二十四小时且不离开口岸');
		expect(c.wording.en).toMatch(
			/^hold connected passenger tickets .* will stay for not more than 24 hours in China without leaving the port of entry/,
		);
		expect(c.wording.source).toMatchObject({
			id: 'S18',
			official: true,
			publisher: expect.stringContaining("National People's Congress"),
		});
		expect(c.wording.cite?.en).toContain('Article 22(3)');
	});

	it('says when the rules were reviewed', () => {
		expect(c.rules.reviewedAt).toBe(rules.data.reviewedAt);
		expect(c.notices).toEqual([]); // reviewed within 180 days of TODAY
	});
});

describe('the card for 240-hour transit (LAX → PVG 2026-03-16, PVG → ICN 2026-03-20, US passport)', () => {
	const c = card(PVG_240H);

	it('is for 240-hour transit on the US passport', () => {
		expect(c.policy).toBe('transit240');
		expect(c.policyName['zh-TW']).toBe('240小時過境免簽');
		expect(c.passport?.name['zh-CN']).toBe('美国');
	});

	it('gives the deadline: 00:00 on 27 March, i.e. by the end of 26 March', () => {
		expect(c.stay.deadline).toMatchObject({at: '2026-03-27 00:00', lastDay: '2026-03-26'});
		expect(c.stay.deadline?.text.en).toBe('2026-03-27 00:00 Beijing time (the end of 2026-03-26)');
		expect(c.stay.deadline?.text['zh-CN']).toBe('北京时间2026-03-27 00:00前（即2026-03-26当天结束前）');
		expect(c.stay.limit.en).toBe('Up to 240 hours, counted from 00:00 on the day after entry');
		// Next-midnight counting is official for 144 h only, so the card says so.
		expect(c.stay.countingNote?.en).toContain('no official text states it for this policy');
	});

	it("lists the 24 permitted provinces in both languages, marking Shanghai as this trip's", () => {
		const areas = c.stay.areas!;
		expect(areas).toHaveLength(24);
		expect(areas.filter((a) => a.visited).map((a) => a.name)).toEqual(['Shanghai']);
		const shanxi = areas.find((a) => a.name === 'Shanxi')!;
		expect(shanxi.cities).toEqual(['太原市', '大同市']);
		expect(shanxi.label).toMatchObject({en: 'Shanxi (2 listed areas)', 'zh-CN': '山西（太原市、大同市）'});
		expect(areas.find((a) => a.name === 'Zhejiang')).toMatchObject({nameZh: '浙江', label: {en: 'Zhejiang', 'zh-CN': '浙江'}});
		// A Traditional card names the areas and their cities in its script (data/zh-hant.json).
		expect(areas.find((a) => a.name === 'Heilongjiang')!.label).toEqual({
			en: 'Heilongjiang (1 listed area)',
			'zh-CN': '黑龙江（哈尔滨市）',
			'zh-TW': '黑龍江（哈爾濱市）',
		});
		expect(areas.find((a) => a.name === 'Guangdong')!.label['zh-TW']).toBe('廣東');
		// Every listed city has its Chinese name (the airport table alone names only those with an airport).
		expect(areas.flatMap((a) => a.cities ?? []).filter((name) => /\d/.test(name))).toEqual([]);
		expect(areas.find((a) => a.name === 'Guangxi')?.cities).toContain('防城港市');
	});

	it("shows what holds, in the engine's words", () => {
		expect(c.checks.map((x) => x.en)).toEqual([
			'Your passport is from the United States, which is on the list of eligible countries.',
			'PVG is an entry port for this policy.',
			'Onward to a third country or region (United States → South Korea).',
			'Every airport of the stay (PVG) is inside the permitted areas.',
			'You leave before the deadline, 2026-03-27 00:00.',
		]);
		// The desk reads the countries by name in Chinese too, not as codes (美国护照, not US护照).
		expect(c.checks.map((x) => x['zh-CN'])).toEqual([
			'美国护照在适用国家名单内。',
			'PVG是该政策的开放口岸。',
			'前往第三国或地区（美国 → 韩国）。',
			'停留期间的所有机场（PVG）都在允许停留区域内。',
			'您在截止时间2026-03-27 00:00之前离境。',
		]);
		expect(c.checks[2]!['zh-TW']).toBe('前往第三國或地區（美國 → 南韓）。');
		expect(c.reminders.map((x) => x.en).join(' ')).not.toContain('To leave the airport');
	});

	it('quotes the NIA measure in Chinese and marks the English as a translation', () => {
		// NIA, 10 measures of 2025-11-03, measure 6 ([S1][S2][S3]):
		// "适用过境免签政策的55国公民持有效国际旅行证件和确定日期及行程的联程客票，从中国过境前往第三国（地区），
		//  可从24个省（自治区、直辖市）65个开放口岸中任一口岸免签入境，并在规定区域停留活动不超过240小时。…"
		expect(c.wording).toMatchObject({kind: 'quote', enIsTranslation: true, zhIsTranslation: false, date: '2025-11-03'});
		expect(c.wording.zh).toMatch(/^适用过境免签政策的55国公民持有效国际旅行证件和确定日期及行程的联程客票/);
		expect(c.wording.zh).toContain('可从24个省（自治区、直辖市）65个开放口岸中任一口岸免签入境，并在规定区域停留活动不超过240小时。');
		expect(c.wording.en).toContain('no more than 240 hours');
		// The text is the NIA's, but the copy we hold is a news report: the card must not call that source official.
		expect(c.wording.source).toMatchObject({
			id: 'S1',
			official: false,
			date: '2025-11-03',
			publisher: expect.stringContaining('HK News Net'),
		});
		expect(c.wording.source.title).not.toMatch(/\.txt/); // the seed file name is research detail, not for an agent
		expect(c.wording.source.url).toBeUndefined(); // a seed document: no public copy on a trusted site
		// Both other carriers of the text are named; neither has a copy on a site an agent would trust, so neither is linked.
		expect(c.wording.alsoAt.map((s) => s.id)).toEqual(['S2', 'S3']);
		expect(c.wording.alsoAt.every((s) => s.url === undefined && s.title.length > 0 && s.publisher.length > 0)).toBe(true);
	});
});

// An e-ticket's coupons: departures only, the earliest landing from the departure (lib/extract/arrival-day.ts). The
// 240-hour stay is settled from it (test/unit/rules/evaluate.test.ts); the card must not claim an arrival time.
describe('the card for 240-hour transit read from ticket coupons (no arrivals)', () => {
	const coupons: TripInput = {
		passports: ['US'],
		segments: [
			{from: 'LAX', to: 'PVG', departure: '2026-03-15T11:00', flight: 'MU586', arrivalNotBefore: '2026-03-16T02:00'},
			{from: 'PVG', to: 'ICN', departure: '2026-03-20T09:00', arrivalNotBefore: '2026-03-20T10:00'},
		],
	};
	it('says the arrival is not shown and how early it can be, in three languages, and promises no deadline', () => {
		const c = card(coupons);
		expect(c.policy).toBe('transit240');
		expect(c.stay.arrival).toBeUndefined();
		expect(c.stay.arrivalNotBefore).toEqual({
			en: 'not shown (not before 2026-03-16 02:00)',
			'zh-CN': '未显示（不早于2026-03-16 02:00）',
			'zh-TW': '未顯示（不早於2026-03-16 02:00）',
		});
		expect(c.stay.deadline).toBeUndefined();
		expect(c.flights.map((f) => f.arrival)).toEqual([undefined, undefined]);
	});
});

describe('the card for visa-free entry (CDG → PVG → CDG, French passport)', () => {
	const c = card(PVG_VISA_FREE);

	it('uses the unilateral 30-day regime and its deadline', () => {
		expect(c.policy).toBe('visaFree');
		expect(c.passport).toMatchObject({code: 'FR', name: {en: 'France', 'zh-CN': '法国'}});
		expect(c.stay.regime?.en).toBe('China’s unilateral visa-free policy, in force until 2026-12-31');
		expect(c.stay.limit.en).toBe('Up to 30 days, counted from 00:00 on the day after entry');
		expect(c.stay.deadline).toMatchObject({at: '2026-04-16 00:00', lastDay: '2026-04-15'});
		expect(c.stay.areas).toBeUndefined();
	});

	it('says there is no official wording and cites the source that summarises the rule', () => {
		// The MFA's terms are known only through press copies ([S28][S32]): no quote exists to print.
		expect(c.wording).toMatchObject({kind: 'summary', verified: false});
		expect(c.wording.source).toMatchObject({id: 'S28', publisher: expect.stringContaining('Ministry of Foreign Affairs')});
		expect(CARD_TEXT.wordingNone.en).toContain('No official text of this rule was found in our sources');
	});
});

describe('the arrival card on the check-in card (NIA measure 10 [S1], from 2025-11-20)', () => {
	const reminders = (trip: TripInput) => card(trip).reminders;
	it('a 240-hour card tells how to fill it in, in all three languages', () => {
		const card = reminders(PVG_240H).find((r) => /arrival card/.test(r.en))!;
		expect(card.en).toMatch(/online before you travel/);
		expect(card['zh-CN']).toContain('入境卡');
		expect(card['zh-TW']).toContain('入境卡');
	});
	it('a visa-free entry card does too', () => {
		expect(reminders(PVG_VISA_FREE).some((r) => /Fill in the arrival card/.test(r.en))).toBe(true);
	});
	it('a 24-hour card states the airside exemption instead', () => {
		const texts = reminders(PEK_24H).map((r) => r.en);
		expect(texts.some((t) => /need no arrival card/.test(t))).toBe(true);
		expect(texts.some((t) => /Fill in the arrival card/.test(t))).toBe(false);
	});
});

describe('source links on the card', () => {
	const domains = rawDomains.domains as DomainRule[];
	const trips = {PEK_24H, PVG_240H, PVG_VISA_FREE, PEK_24H_NO_PASSPORT: {...PEK_24H, passports: []}};
	const sourcesOf = (c: CheckInCard): CardSource[] => [c.wording.source, ...c.wording.alsoAt];

	it.each(Object.entries(trips))('%s: names its sources as the details and the CLI do, and writes every time readably', (_name, trip) => {
		const c = card(trip);
		for (const s of sourcesOf(c)) expect(s, s.id).toEqual(sourceView(findSource(rules, s.id)!));
		expect(JSON.stringify(c)).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
	});

	it.each(Object.entries(trips))(
		'%s: every link is https on an allowlisted site; "official" only on a government or embassy site',
		(_name, trip) => {
			const c = card(trip);
			for (const s of sourcesOf(c)) {
				expect(s.title.length, s.id).toBeGreaterThan(0);
				expect(s.publisher.length, s.id).toBeGreaterThan(0);
				if (s.url) {
					expect(new URL(s.url).protocol, s.url).toBe('https:');
					expect(ruleForUrl(s.url, domains), s.url).toBeDefined();
				}
				if (s.official) expect(OFFICIAL_KINDS.has(ruleForUrl(s.url!, domains)!.kind), s.id).toBe(true);
			}
		},
	);

	it('links the 24-hour card to the law on a government site, and calls it official', () => {
		const s = card(PEK_24H).wording.source;
		expect(s).toMatchObject({id: 'S18', official: true});
		expect(new URL(s.url!).hostname).toMatch(/\.gov\.cn$/);
	});

	it('links the visa-free card to state media, and does not call that official', () => {
		const s = card(PVG_VISA_FREE).wording.source;
		expect(s).toMatchObject({id: 'S28', official: false});
		expect(new URL(s.url!).hostname).toBe('en.people.cn');
	});
});

describe('no card', () => {
	it('for a stay that qualifies for nothing', () => {
		expect(buildCard(PVG_ROUND_TRIP_US, rules, TODAY)).toEqual({ok: false, reason: 'not-eligible'});
	});

	it('for a trip that never stops in the mainland', () => {
		expect(
			buildCard(
				{
					passports: ['US'],
					segments: [
						{from: 'LAX', to: 'HKG'},
						{from: 'HKG', to: 'NRT'},
					],
				},
				rules,
				TODAY,
			),
		).toEqual({ok: false, reason: 'no-stop'});
	});

	it('for a stay whose verdict is only conditional (no times shown)', () => {
		const trip: TripInput = {
			passports: ['US'],
			segments: [
				{from: 'LAX', to: 'PVG'},
				{from: 'PVG', to: 'ICN'},
			],
		};
		expect(buildCard(trip, rules, TODAY)).toMatchObject({ok: false, reason: 'not-eligible'});
	});
});

describe('card data and strings', () => {
	it('every policy carries wording whose sources exist', () => {
		for (const policy of ['transit24', 'transit240', 'visaFree'] as const) {
			const w = rules.data.policies[policy].wording;
			expect(rules.sourceIds.has(w.source), `${policy} ${w.source}`).toBe(true);
			for (const id of w.alsoIn ?? []) expect(rules.sourceIds.has(id), `${policy} ${id}`).toBe(true);
			if (w.kind === 'summary') expect(w.verified).toBe(false);
		}
	});

	it('every card string exists in every language, with the same placeholders', () => {
		for (const [key, texts] of Object.entries(CARD_TEXT)) {
			const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
			for (const locale of LOCALES) expect(texts[locale].length, `${key} ${locale}`).toBeGreaterThan(0);
			// areaListed names the count in English and the cities in Chinese: the only intended difference.
			if (!key.startsWith('areaListed')) {
				expect(placeholders(texts['zh-CN']), key).toEqual(placeholders(texts.en));
				expect(placeholders(texts['zh-TW']), key).toEqual(placeholders(texts.en));
			}
		}
	});
});
