/**
 * npm run bench:detect — how long the detection pipeline takes on a saved Google Flights results page. Each page is
 * loaded with jsdom once; `detectDocument` then runs several times on the same document. The first run is shown on
 * its own because the adapter caches the page's embedded data per document. Prints figures; it asserts nothing.
 */
import {existsSync, readFileSync, statSync} from 'node:fs';
import {relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {JSDOM, VirtualConsole} from 'jsdom';
import {detectDocument} from '../lib/detect.ts';
import {loadRules} from '../lib/rules/load-rules.ts';

const RUNS = 7;
const URL_ = 'https://www.google.com/travel/flights/search?tfs=x';
const REFERENCE_DATE = '2025-07-09'; // the capture date of both pages
const pages = [
	fileURLToPath(new URL('../test/fixtures/google-flights/sfo-nrt-2025.html', import.meta.url)),
	// The untrimmed 2.5 MB original lives next to the repository, not in it; benchmarked only where it is present.
	fileURLToPath(new URL('../../shared/fixtures/google-flights/AWeirdDev__flights__raw_html_extreme_SFO_NRT_Late_Departure.html', import.meta.url)),
];

const rules = loadRules();
const ms = (x: number) => `${x.toFixed(1)} ms`;

for (const path of pages) {
	if (!existsSync(path)) {
		console.log(`${relative(process.cwd(), path)}: not found, skipped`);
		continue;
	}
	const size = `${(statSync(path).size / 1_048_576).toFixed(2)} MB`;
	let start = performance.now();
	const doc = new JSDOM(readFileSync(path, 'utf8'), {url: URL_, virtualConsole: new VirtualConsole()}).window.document;
	const load = performance.now() - start;
	const url = new URL(URL_);
	const times: number[] = [];
	let found = 0;
	for (let run = 0; run < RUNS + 1; run++) {
		start = performance.now();
		const result = detectDocument(doc, url, REFERENCE_DATE, rules);
		times.push(performance.now() - start);
		found = result.itineraries.length;
	}
	const first = times.shift()!;
	times.sort((a, b) => a - b);
	console.log(
		`${relative(process.cwd(), path)} (${size}): ${found} itineraries; detectDocument median ${ms(times[Math.floor(RUNS / 2)]!)} ` +
			`(min ${ms(times[0]!)}, max ${ms(times[RUNS - 1]!)}) over ${RUNS} runs after a first run of ${ms(first)}; jsdom load ${ms(load)}`,
	);
}
