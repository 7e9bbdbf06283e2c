import {spawnSync} from 'node:child_process';
import {beforeAll, describe, expect, it} from 'vitest';

/** Runs the real command, as `npm run --silent check -- ARGS` would. */
function check(args: string[], stdin?: string) {
	const r = spawnSync('npx', ['tsx', 'scripts/check.ts', ...args], {input: stdin, encoding: 'utf8'});
	return {code: r.status, stdout: r.stdout, stderr: r.stderr};
}

const TRIP = JSON.stringify({
	passports: ['US'],
	segments: [
		{from: 'JFK', to: 'PEK', departure: '2026-03-15T13:00', arrival: '2026-03-16T16:00', flight: 'CA982'},
		{from: 'PEK', to: 'NRT', departure: '2026-03-16T18:30', arrival: '2026-03-16T22:45'},
	],
});

describe('npm run check', () => {
	it("prints the contract JSON for the brief's example", () => {
		const r = check(['-', '--today', '2026-03-01'], TRIP);
		expect(r.code).toBe(0);
		const out = JSON.parse(r.stdout);
		expect(out.rules).toMatchObject({version: expect.any(String), reviewedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)});
		expect(out.stops).toHaveLength(1);
		expect(out.stops[0]).toMatchObject({
			airports: ['PEK'],
			arrival: '2026-03-16T16:00',
			departure: '2026-03-16T18:30',
			from: 'US',
			to: 'JP',
			best: 'transit24',
		});
		expect(out.stops[0].verdicts).toEqual([
			expect.objectContaining({policy: 'transit24', status: 'eligible', inspectionExempt: true, reasons: expect.any(Array)}),
			expect.objectContaining({policy: 'transit240', status: 'eligible', deadline: '2026-03-27T00:00', passport: 'US'}),
			expect.objectContaining({policy: 'visaFree', status: 'ineligible'}),
		]);
	}, 20_000);

	it('prints a readable explanation with --format text', () => {
		const r = check(['-', '--format', 'text', '--today', '2026-03-01'], TRIP);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('Best: 24-hour direct transit');
		expect(r.stdout).toContain('leave by 2026-03-27T00:00');
		expect(r.stdout).toMatch(/Rules as of \d{4}-\d{2}-\d{2}/);
	}, 20_000);

	it('says a stop is not settled, not "no visa-free route", when the rules leave a policy open', () => {
		// A week in Shanghai on a French passport in January 2027: France's visa-free entry is scheduled to end on
		// 2026-12-31 in our data (rules-facts §4 [S35b][S28]); neither transit policy applies (back to France).
		const trip = JSON.stringify({
			passports: ['FR'],
			segments: [
				{from: 'CDG', to: 'PVG', departure: '2027-01-20T13:00', arrival: '2027-01-21T07:00'},
				{from: 'PVG', to: 'CDG', departure: '2027-01-28T10:00', arrival: '2027-01-28T16:00'},
			],
		});
		const r = check(['-', '--format', 'text', '--today', '2026-12-03'], trip);
		expect(r.code).toBe(0);
		expect(r.stdout.split('\n')[1]).toBe('  Best: not settled, check before you travel (may apply: Visa-free entry)');
		expect(r.stdout).toContain('  ? Visa-free entry: check (passport FR, leave by 2027-02-21T00:00)');
	}, 20_000);

	it('keeps the shape of the English text: every line is one of the known kinds', () => {
		const r = check(['-', '--format', 'text', '--today', '2026-03-01'], TRIP);
		expect(r.code).toBe(0);
		const lines = r.stdout.split('\n');
		expect(lines.pop()).toBe(''); // ends with a newline
		const KINDS = [
			/^Stop \d+: [A-Z]{3}(, [A-Z]{3})* \([A-Z?]{1,2} → [A-Z?]{1,2}\), \S+ → \S+$/,
			/^ {2}Best: .+$/,
			/^ {2}[✓✗?·] .+: (likely OK|does not apply|check|set your passport)( \((passport [A-Z]{2}|leave by \S+|no border inspection airside)(, (passport [A-Z]{2}|leave by \S+|no border inspection airside))*\))?$/,
			/^ {4}- \S.*$/,
			/^ {6}sources: S\d+ https:\/\/\S+( ; S\d+ https:\/\/\S+)*$/,
			/^ {2}Remember:$/,
			/^Note: \S.*$/,
			/^Rules as of \d{4}-\d{2}-\d{2} \(version [\w.-]+\)\.$/,
		];
		for (const line of lines)
			expect(
				KINDS.some((k) => k.test(line)),
				line,
			).toBe(true);
		expect(lines[0]).toBe('Stop 1: PEK (US → JP), 2026-03-16T16:00 → 2026-03-16T18:30');
		expect(lines[1]).toBe('  Best: 24-hour direct transit');
		expect(lines).toContain('  ✓ 24-hour direct transit: likely OK (no border inspection airside)');
		expect(lines).toContain('  ✓ 240-hour visa-free transit: likely OK (passport US, leave by 2026-03-27T00:00)');
		expect(lines).toContain('  Remember:');
		expect(lines.at(-1)).toMatch(/^Rules as of \d{4}-\d{2}-\d{2} \(version /);
	}, 20_000);

	it.each([
		['malformed JSON', '{"passports": [', /^check: malformed JSON/],
		[
			'an unknown airport',
			JSON.stringify({passports: [], segments: [{from: 'JFK', to: 'ZZZ'}]}),
			/^check: segments\.0\.to: unknown airport code "ZZZ"$/,
		],
		[
			'an impossible date',
			JSON.stringify({passports: [], segments: [{from: 'JFK', to: 'PEK', departure: '2026-13-01T10:00'}]}),
			/not a real local time/,
		],
		['an unknown passport', JSON.stringify({passports: ['ZZ'], segments: []}), /unknown passport country code "ZZ"/],
		[
			'a flight landing before it takes off',
			JSON.stringify({
				passports: [],
				segments: [{from: 'PEK', to: 'NRT', departure: '2026-03-16T18:30', arrival: '2026-03-16T19:00'}],
			}),
			/before it takes off/,
		],
	])(
		'exits 2 with one line on stderr for %s',
		(_name, input, message) => {
			const r = check(['-'], input);
			expect(r.code).toBe(2);
			expect(r.stdout).toBe('');
			const lines = r.stderr.trim().split('\n');
			expect(lines).toHaveLength(1);
			expect(lines[0]).toMatch(message);
			expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // never a stack trace
		},
		20_000,
	);

	it('reads a file that starts with a byte-order mark, as some Windows editors save JSON', () => {
		const r = check(['-', '--today', '2026-03-01'], `\uFEFF${TRIP}`);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		expect(JSON.parse(r.stdout).stops[0].airports).toEqual(['PEK']);
	});

	it('exits 2 for a file it cannot read', () => {
		const r = check(['/nonexistent/trip.json']);
		expect(r.code).toBe(2);
		expect(r.stderr.trim()).toMatch(/^check: cannot read \/nonexistent\/trip\.json: ENOENT$/);
	}, 20_000);

	it('prints an empty stops list for a trip that never touches the mainland', () => {
		const r = check(
			['-'],
			JSON.stringify({
				passports: ['US'],
				segments: [
					{from: 'SFO', to: 'HKG'},
					{from: 'HKG', to: 'NRT'},
				],
			}),
		);
		expect(r.code).toBe(0);
		expect(JSON.parse(r.stdout).stops).toEqual([]);
	}, 20_000);

	it('says in words when no stop is in the mainland, in every language', () => {
		const trip = JSON.stringify({passports: ['US'], segments: [{from: 'SFO', to: 'HKG'}]});
		expect(check(['-', '--format', 'text', '--today', '2026-03-01'], trip).stdout).toMatch(
			/^No stop in mainland China: nothing to check\.\nRules as of /,
		);
		expect(check(['-', '--format', 'text', '--today', '2026-03-01', '--lang', 'zh-CN'], trip).stdout).toMatch(
			/^行程未经停中国大陆：无需核查。\n规则更新于/,
		);
		expect(check(['-', '--format', 'text', '--today', '2026-03-01', '--lang', 'zh-TW'], trip).stdout).toMatch(
			/^行程未經停中國大陸：無需核查。\n規則更新於/,
		);
	}, 30_000);
});

/** Four days in Shanghai on the way to Seoul: eligible for 240-hour transit on a US passport only. */
const PVG_240H = {
	passports: ['US'],
	segments: [
		{from: 'LAX', to: 'PVG', departure: '2026-03-15T11:00', arrival: '2026-03-16T17:00', flight: 'MU586'},
		{from: 'PVG', to: 'ICN', departure: '2026-03-20T09:00', arrival: '2026-03-20T12:00'},
	],
};
/** Back to where it came from, with no visa-free regime for the passport: no policy applies. */
const PVG_NO_ROUTE = {
	passports: ['US'],
	segments: [
		{from: 'LAX', to: 'PVG', departure: '2026-03-15T11:00', arrival: '2026-03-16T17:00'},
		{from: 'PVG', to: 'LAX', departure: '2026-03-20T09:00', arrival: '2026-03-20T06:00'},
	],
};

/**
 * Shanghai and Hangzhou in June 2024, under the Shanghai–Jiangsu–Zhejiang 144-hour scheme, which the reasons name in
 * Chinese (the dataset's name in simplified characters; zh-TW readers get it in traditional ones).
 */
const PVG_HGH_144H_2024 = {
	passports: ['US'],
	segments: [
		{from: 'SFO', to: 'PVG', departure: '2024-06-10T11:00', arrival: '2024-06-11T15:00', flight: 'UA857'},
		{from: 'PVG', to: 'HGH', departure: '2024-06-12T09:00', arrival: '2024-06-12T10:15'},
		{from: 'HGH', to: 'NRT', departure: '2024-06-14T08:00', arrival: '2024-06-14T12:30'},
	],
};

/**
 * The English words in a text: every run of two or more Latin letters once the links are taken out, except codes in
 * capitals (the trip's airports; two-letter country codes and airline prefixes of flight numbers such as US or MU)
 * and "App", which the Chinese arrival-card reminder uses as Chinese texts do (“移民局12367”App). Source ids (S19)
 * have one letter; the CLI prints no source titles, only ids and links.
 */
function englishWords(text: string, airports: readonly string[]): string[] {
	const allowed = new Set([...airports, 'App']);
	const words = text.replace(/https:\/\/\S+/g, ' ').match(/[A-Za-z]{2,}/g) ?? [];
	return words.filter((w) => !allowed.has(w) && !/^[A-Z]{2}$/.test(w));
}

describe.each([
	{
		name: 'an eligible 240-hour transit',
		trip: PVG_240H,
		'zh-CN': [
			'第1站：PVG（美国 → 韩国），2026-03-16 17:00 → 2026-03-20 09:00',
			'  最佳方案：240小时过境免签',
			'  ✓ 240小时过境免签：看来可行（美国护照，须在2026-03-27 00:00前离境）',
			'    - 美国护照在适用国家名单内。',
		],
		'zh-TW': [
			'第1站：PVG（美國 → 南韓），2026-03-16 17:00 → 2026-03-20 09:00',
			'  最佳方案：240小時過境免簽',
			'  ✓ 240小時過境免簽：看來可行（美國護照，須在2026-03-27 00:00前離境）',
			'    - 美國護照在適用國家名單內。',
		],
	},
	{
		name: 'a trip no policy allows',
		trip: PVG_NO_ROUTE,
		'zh-CN': [
			'第1站：PVG（美国 → 美国），2026-03-16 17:00 → 2026-03-20 09:00',
			'  最佳方案：未找到免签方案',
			'  ✗ 24小时直接过境：不适用',
		],
		'zh-TW': [
			'第1站：PVG（美國 → 美國），2026-03-16 17:00 → 2026-03-20 09:00',
			'  最佳方案：未找到免簽方案',
			'  ✗ 24小時直接過境：不適用',
		],
	},
	{
		name: 'a 144-hour stay in 2024, whose scheme the reasons name',
		trip: PVG_HGH_144H_2024,
		'zh-CN': [
			'第1站：PVG、HGH（美国 → 日本），2024-06-11 15:00 → 2024-06-14 08:00',
			'  ✓ 144小时过境免签：看来可行（美国护照，须在2024-06-18 00:00前离境）',
			'    - 停留期间的所有机场（PVG HGH）均在沪苏浙144小时过境免签的允许区域内。',
		],
		'zh-TW': [
			'第1站：PVG、HGH（美國 → 日本），2024-06-11 15:00 → 2024-06-14 08:00',
			'  ✓ 144小時過境免簽：看來可行（美國護照，須在2024-06-18 00:00前離境）',
			'    - 停留期間的所有機場（PVG HGH）均在滬蘇浙144小時過境免簽的允許區域內。',
		],
	},
] as const)('npm run check --format text in Chinese: $name', (example) => {
	const input = JSON.stringify(example.trip);
	const airports = example.trip.segments.flatMap((s) => [s.from, s.to]);
	const out: Partial<Record<'en' | 'zh-CN' | 'zh-TW', string>> = {};
	beforeAll(() => {
		for (const lang of ['en', 'zh-CN', 'zh-TW'] as const) {
			const r = check(['-', '--format', 'text', '--today', '2026-03-01', '--lang', lang], input);
			expect(r.code, lang).toBe(0);
			out[lang] = r.stdout;
		}
	}, 60_000);

	it('finds English words in the English text (so the check below can fail)', () => {
		expect(englishWords(out.en!, airports)).toEqual(expect.arrayContaining(['Stop', 'Best', 'sources', 'Remember', 'Rules']));
	});

	it.each(['zh-CN', 'zh-TW'] as const)('%s has no English word, in as many lines as the English text', (lang) => {
		const text = out[lang]!;
		expect(englishWords(text, airports)).toEqual([]);
		expect(text.split('\n')).toHaveLength(out.en!.split('\n').length);
		const lines = text.split('\n');
		for (const line of example[lang]) expect(lines).toContain(line);
		expect(lines.at(-2)).toMatch(
			lang === 'zh-CN' ? /^规则更新于\d{4}-\d{2}-\d{2}（版本[\w.-]+）。$/ : /^規則更新於\d{4}-\d{2}-\d{2}（版本[\w.-]+）。$/,
		);
	});

	it('zh-CN in Simplified and zh-TW in Traditional characters', () => {
		expect(out['zh-CN']).toContain('另请确认：');
		expect(out['zh-TW']).toContain('另請確認：');
		// Characters that exist only in the simplified script, and their traditional forms.
		expect(out['zh-TW']).not.toMatch(/[规则过签适护须来离请态区时间证]/);
		expect(out['zh-CN']).not.toMatch(/[規則過簽適護須來離請態區時間證]/);
	});
});
