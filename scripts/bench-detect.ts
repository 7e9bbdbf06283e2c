/**
 * npm run bench:detect — how long the detection pipeline takes on a saved Google Flights results page. Each page is
 * loaded once into each of two Node DOMs (jsdom, used by `npm run detect`, and linkedom, a lighter one); the pipeline
 * then runs several times on the same document. Both must give the same itineraries. The first run is shown on
 * its own because the adapter caches the page's embedded data per document. Then every text detector on 1 MB of
 * realistic and of adversarial input (scripts/bench-text.ts; the target is 200 ms each). Prints figures; it asserts
 * nothing.
 */
import {existsSync, readFileSync, statSync} from 'node:fs';
import {relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {JSDOM, VirtualConsole} from 'jsdom';
import {parseHTML} from 'linkedom';
import {detectDocument} from '../lib/detect/index.ts';
import {loadRules} from '../lib/rules/load-rules.ts';
import {slowest, textFigures} from './bench-text.ts';

const RUNS = 7;
const URL_ = 'https://www.google.com/travel/flights/search?tfs=x';
const REFERENCE_DATE = '2025-07-09'; // the capture date of both pages
const pages = [
	fileURLToPath(new URL('../test/fixtures/google-flights/sfo-nrt-2025.html', import.meta.url)),
	// The untrimmed 2.5 MB original lives next to the repository, not in it; benchmarked only where it is present.
	fileURLToPath(
		new URL('../../shared/fixtures/google-flights/AWeirdDev__flights__raw_html_extreme_SFO_NRT_Late_Departure.html', import.meta.url),
	),
];

const rules = loadRules();
const ms = (x: number) => `${x.toFixed(1)} ms`;

for (const path of pages) {
	if (!existsSync(path)) {
		console.log(`${relative(process.cwd(), path)}: not found, skipped`);
		continue;
	}
	const size = `${(statSync(path).size / 1_048_576).toFixed(2)} MB`;
	const html = readFileSync(path, 'utf8');
	const url = new URL(URL_);
	const doms: [string, () => Document][] = [
		['jsdom', () => new JSDOM(html, {url: URL_, virtualConsole: new VirtualConsole()}).window.document],
		['linkedom', () => parseHTML(html).document as unknown as Document],
	];
	const outputs: string[] = [];
	for (const [name, load] of doms) {
		let start = performance.now();
		const doc = load();
		const loadMs = performance.now() - start;
		const times: number[] = [];
		let found = 0;
		for (let run = 0; run < RUNS + 1; run++) {
			start = performance.now();
			const result = detectDocument(doc, url, REFERENCE_DATE, rules);
			times.push(performance.now() - start);
			found = result.itineraries.length;
			if (run === 0) outputs.push(JSON.stringify(result.itineraries));
		}
		const first = times.shift()!;
		times.sort((a, b) => a - b);
		console.log(
			`${relative(process.cwd(), path)} (${size}, ${name}): ${found} itineraries; detection median ${ms(times[Math.floor(RUNS / 2)]!)} ` +
				`(min ${ms(times[0]!)}, max ${ms(times[RUNS - 1]!)}) over ${RUNS} runs after a first run of ${ms(first)}; parse ${ms(loadMs)}`,
		);
	}
	if (outputs[0] !== outputs[1]) console.log('  warning: jsdom and linkedom found different itineraries');
}

const text = textFigures(fileURLToPath(new URL('..', import.meta.url)), rules);
console.log('\ntext detectors on 1 MB (median ms; target 200):');
for (const [name, f] of Object.entries(text))
	console.log(
		`  ${name.padEnd(16)} realistic ${ms(f.realisticMs).padStart(9)} (${f.found} itineraries)   adversarial ${ms(f.adversarialMs).padStart(9)}`,
	);
console.log(`  slowest: ${ms(slowest(text))}`);
