import {spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';

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
});
