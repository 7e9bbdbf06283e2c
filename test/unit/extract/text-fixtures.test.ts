/**
 * The shared runner for saved texts (test/fixtures/text, test/fixtures/etickets): every `<name>.txt` with a
 * `<name>.hand-read.json` beside it is read by the generic text detector and checked, fact by fact, against the
 * segments read off the text by hand (route, flight, local departure, local arrival). A fact the dataset cannot hold
 * (an airport missing from data/airports.json, named under `unreachable`) is listed, not required; every other fact
 * must be found, and nothing may be found that the text does not say.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import type {RawSegment, SegmentInput} from '../../../lib/itinerary';
import {resolveAirport} from '../../../lib/airports';
import {detectInText} from '../../../lib/extract/generic-text';
import {normalizeItinerary} from '../../../lib/extract/normalize';
import {loadRules} from '../../../lib/rules/load-rules';

const rules = loadRules();

type Expected = {
	notes: string[];
	segments: {from: string; to: string; departure?: string; arrival?: string; flight?: string}[];
	unreachable?: Record<string, string>;
	referenceDate?: string;
};

type Found = {from?: string; to?: string; departure?: string; arrival?: string; flight?: string};

/** A raw segment as the pipeline would place it: airports through the table, clocks and dates through the normaliser. */
function place(s: RawSegment, referenceDate: string): Found {
	// Two known airports stand in for the leg's own, so an airport the table lacks costs the route fact only.
	const n = normalizeItinerary({segments: [{...s, from: 'PEK', to: 'PVG'}]}, referenceDate, rules);
	const seg: Partial<SegmentInput> = n.ok ? n.segments[0]! : {};
	const found: Found = {from: resolveAirport(s.from, rules), to: resolveAirport(s.to, rules)};
	if (seg.departure) found.departure = seg.departure;
	if (seg.arrival) found.arrival = seg.arrival;
	if (seg.flight) found.flight = seg.flight;
	return found;
}

const dirs = ['text', 'etickets'].map((d) => new URL(`../../fixtures/${d}/`, import.meta.url)).filter((u) => existsSync(u));
const cases = dirs.flatMap((dir) =>
	readdirSync(dir)
		.filter((f) => f.endsWith('.hand-read.json'))
		.map((f) => ({name: f.replace(/\.hand-read\.json$/, ''), dir})),
);

describe.each(cases)('$name', ({name, dir}) => {
	const expected = JSON.parse(readFileSync(new URL(`${name}.hand-read.json`, dir), 'utf8')) as Expected;
	const raw = readFileSync(new URL(`${name}.txt`, dir), 'utf8');
	const text = raw.startsWith('# source:') ? raw.slice(raw.indexOf('\n') + 1) : raw;
	const referenceDate = expected.referenceDate ?? expected.segments[0]!.departure!.slice(0, 10);
	const found = detectInText(text, rules)
		.flatMap((i) => i.segments)
		.map((s) => place(s, referenceDate));

	it('finds as many segments as the text holds, no more', () => {
		expect(found).toHaveLength(expected.segments.length);
	});

	it('finds every fact the dataset can hold, each as read by hand', () => {
		let total = 0;
		let hits = 0;
		const missing: string[] = [];
		for (const [i, want] of expected.segments.entries()) {
			const got = found.find((f) => want.flight !== undefined && f.flight === want.flight) ?? found[i] ?? {};
			const reachable = !expected.unreachable?.[want.from] && !expected.unreachable?.[want.to];
			const facts: [string, boolean, boolean][] = [
				['route', got.from === want.from && got.to === want.to, reachable],
				['flight', got.flight === want.flight, true],
				['departure', got.departure === want.departure, true],
				['arrival', got.arrival === want.arrival, true],
			];
			for (const [fact, ok, required] of facts) {
				total++;
				if (ok) hits++;
				else if (required) missing.push(`segment ${i + 1} ${want.from}→${want.to}: ${fact}`);
			}
		}
		console.info(`${name}: ${hits} of ${total} hand-read facts found`);
		expect(missing).toEqual([]);
	});
});
