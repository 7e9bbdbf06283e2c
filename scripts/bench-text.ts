/**
 * How long each text detector takes on 1 MB of input (issue #17: every detector reads 1 MB of text in under 200 ms on
 * this machine). Used by `npm run bench:detect` (printed) and `npm run bench` (`detectText1MbMs` in
 * bench-results.json). Two inputs per detector:
 * - realistic: the project's own saved inputs of that kind (test/fixtures/gds, text, etickets, email), repeated to
 *   1 MB, so a detector finds thousands of segments, as in an agent's long PNR history;
 * - adversarial: 1 MB of seeded noise made of the tokens detectors look for (codes, flight numbers, clocks, dates,
 *   labels, `自`/`至` rows, JSON braces, digit runs) in random order, where a backtracking pattern would show.
 * The whole pipeline (detectText: e-mail, GDS, then the generic detector) is timed on both as well. Median of a few
 * runs after one untimed run; milliseconds.
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {parseHTML} from 'linkedom';
import type {AirportTable} from '../lib/airports/index.ts';
import {detectText} from '../lib/detect/index.ts';
import {parseGdsText} from '../lib/extract/gds.ts';
import {detectInText} from '../lib/extract/generic-text.ts';
import {extractStructuredData} from '../lib/extract/structured-data.ts';
import {parseTicketItinerary} from '../lib/extract/ticket-itinerary.ts';
import {parseTicketTable} from '../lib/extract/ticket-table.ts';
import {seededRandom} from './seeded-random.ts';

const MB = 1_048_576;
const RUNS = 5;

export type TextFigure = {realisticMs: number; adversarialMs: number; found: number};
export type TextFigures = Record<string, TextFigure>;

/** A fixture file's text without its `# source:` line (HTML fixtures carry theirs in a comment). */
function fixtureText(file: string): string {
	const raw = readFileSync(file, 'utf8');
	return raw.startsWith('# source:') ? raw.slice(raw.indexOf('\n') + 1) : raw;
}

function inputsOf(root: string, dir: string, ext: RegExp): string[] {
	const folder = path.join(root, 'test/fixtures', dir);
	return readdirSync(folder)
		.filter((f) => ext.test(f))
		.sort()
		.map((f) => fixtureText(path.join(folder, f)));
}

/** `parts` joined and repeated to at least 1 MB. */
function toOneMb(parts: string[], separator = '\n\n'): string {
	const one = parts.join(separator);
	return `${one}${separator}`.repeat(Math.ceil(MB / (one.length + separator.length)));
}

/** Seeded noise of detector tokens, about 1 MB, in lines of up to 200 characters and one very long line. */
function noise(seed = 7): string {
	const random = seededRandom(seed);
	const tokens = [
		'PEK',
		'PVG',
		'(CAN)',
		'CA1501',
		'MU 586',
		'12:05',
		'0830',
		'1159P',
		'+1',
		'#1',
		'15MAR',
		'2026-03-15',
		'15.06.2017',
		'20-Jul',
		'2026年6月3日',
		'Departure:',
		'Arrival:',
		'自',
		'至',
		'行程单',
		'HK1',
		'HX',
		'ARNK',
		'1 hr 10 min layover',
		'{"@type":"FlightReservation"',
		'}{',
		'"departureTime":"02-02-2018 18:35"',
		'9'.repeat(40),
		'Tegel',
		'Beijing Capital',
		'→',
		'to',
		'$1,234',
	];
	const lines: string[] = [];
	let size = 0;
	// One long line first: a pattern that is quadratic in a line's length shows there.
	const long = Array.from({length: 20_000}, () => tokens[Math.floor(random() * tokens.length)]).join(' ');
	lines.push(long);
	size += long.length;
	while (size < MB) {
		const words = 1 + Math.floor(random() * 24);
		const line = Array.from({length: words}, () => tokens[Math.floor(random() * tokens.length)]).join(random() < 0.7 ? ' ' : '  ');
		lines.push(line);
		size += line.length + 1;
	}
	return lines.join('\n');
}

function median(run: () => number): {ms: number; found: number} {
	let found = run();
	const times: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const start = performance.now();
		found = run();
		times.push(performance.now() - start);
	}
	times.sort((x, y) => x - y);
	return {ms: Math.round(times[Math.floor(RUNS / 2)]! * 10) / 10, found};
}

/** Every text detector on 1 MB of realistic and of adversarial input. */
export function textFigures(root: string, airports: AirportTable, referenceDate = '2026-03-01'): TextFigures {
	const gds = toOneMb(inputsOf(root, 'gds', /\.txt$/));
	const texts = toOneMb(inputsOf(root, 'text', /\.txt$/));
	const tickets = toOneMb(inputsOf(root, 'etickets', /\.txt$/));
	const html = toOneMb(inputsOf(root, 'email', /\.html$/), '\n');
	const mixed = toOneMb([
		...inputsOf(root, 'gds', /\.txt$/),
		...inputsOf(root, 'text', /\.txt$/),
		...inputsOf(root, 'etickets', /\.txt$/),
	]);
	const bad = noise();
	// Noise inside a JSON-LD script and as text, for the schema.org reader.
	const badHtml = `<script type="application/ld+json">${bad.replace(/<\//g, '<\\/')}</script><p>${bad.replace(/</g, '&lt;')}</p>`;
	const parseHtml = (markup: string) => parseHTML(markup).document as unknown as Document;
	const htmlDoc = parseHtml(html);
	const detectors: Record<string, [string, (text: string) => number]> = {
		gds: [gds, (t) => parseGdsText(t, airports).length],
		genericText: [texts, (t) => detectInText(t, airports).length],
		ticketItinerary: [tickets, (t) => parseTicketItinerary(t, airports).length],
		ticketTable: [tickets, (t) => parseTicketTable(t).length],
		// On a parsed document: parsing is the DOM's work, not the detector's (the browser has the page parsed already).
		structuredData: [html, (t) => extractStructuredData(t === html ? htmlDoc : parseHtml(t)).length],
		pipeline: [mixed, (t) => detectText(t, referenceDate, airports, parseHtml).itineraries.length],
	};
	const figures: TextFigures = {};
	for (const [name, [input, read]] of Object.entries(detectors)) {
		const realistic = median(() => read(input));
		const adversarial = median(() => read(name === 'structuredData' ? badHtml : bad));
		figures[name] = {realisticMs: realistic.ms, adversarialMs: adversarial.ms, found: realistic.found};
	}
	return figures;
}

/** The slowest detector's time on either input: what `detectText1MbMs` reports. */
export const slowest = (figures: TextFigures): number =>
	Math.max(...Object.values(figures).flatMap((f) => [f.realisticMs, f.adversarialMs]));
