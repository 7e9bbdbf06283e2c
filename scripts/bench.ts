/**
 * npm run bench — what the extension costs a booking page, measured, not asserted. Prints a table and writes the
 * same figures to bench-results.json (median, min and max over several runs of each figure).
 *
 * - contentScriptKbGz: everything the content script loads (its scripts and styles from the manifest), gzipped.
 * - engineItinerariesPerSec: evaluateTrip on a fixed mix of itineraries, in Node.
 * - detectLargePageMs: the detection pipeline on the raw 2.4 MB Google Flights capture (linkedom in Node; the jsdom
 *   figure is printed beside it), or on the trimmed capture when the raw one is not beside the repository.
 * - badgeLatencyMsP50/P95, longTasksFromExtension, scriptingOverheadRatio, heapDeltaMb: real Chromium with the built
 *   extension, on a Google Flights URL answered by a page that inserts 500 result cards in batches of 20 every
 *   50 ms, as Google Flights renders results. The cards are a real card of the SFO → NRT capture with its Hong Kong
 *   connection moved to Shanghai Pudong, so every card gets a badge. The same scripted session runs with and without
 *   the extension, alternating, so the machine's noise cancels out.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import {parseHTML} from 'linkedom';
import {JSDOM, VirtualConsole} from 'jsdom';
import {detectDocument} from '../lib/detect/index.ts';
import {evaluateTrip} from '../lib/rules/evaluate.ts';
import {loadRules} from '../lib/rules/load-rules.ts';
import {validateTrip} from '../lib/rules/validate.ts';
import type {TripInput} from '../lib/rules/types.ts';
import {BENCH_MIX} from './bench-mix.ts';
import {CHROMIUM, extensionIdOf, launchChromium} from './chromium.ts';

const root = path.resolve(import.meta.dirname, '..');
const EXT_DIR = path.join(root, '.output/chrome-mv3');
const BROWSER_ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CARDS = 500;

type Stat = {median: number; min: number; max: number; runs: number[]};
const stat = (runs: number[]): Stat => {
	const sorted = [...runs].sort((a, b) => a - b);
	const mid = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
	return {median: mid, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs};
};
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

function run(cmd: string, args: string[]) {
	const r = spawnSync(cmd, args, {cwd: root, stdio: ['ignore', 'ignore', 'inherit']});
	if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
}

// ---- build and size ------------------------------------------------------------------------------------------
console.log('bench: building the Chrome extension');
run('node', ['scripts/ensure-browsers.mjs']);
run('npx', ['wxt', 'build']);
const manifest = JSON.parse(fs.readFileSync(path.join(EXT_DIR, 'manifest.json'), 'utf8')) as {
	content_scripts: {js?: string[]; css?: string[]}[];
};
const contentFiles = manifest.content_scripts.flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]);
const gzBytes = contentFiles.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(EXT_DIR, f)), {level: 9}).length, 0);
const rawBytes = contentFiles.reduce((n, f) => n + fs.statSync(path.join(EXT_DIR, f)).size, 0);

// ---- engine ---------------------------------------------------------------------------------------------------
const rules = loadRules();
const mix: TripInput[] = BENCH_MIX.map((t) => {
	const v = validateTrip(t, rules);
	if (!v.ok) throw new Error(v.error);
	return v.trip;
});
const engineRuns: number[] = [];
for (let r = 0; r < 7; r++) {
	const n = 50_000;
	const start = performance.now();
	for (let i = 0; i < n; i++) evaluateTrip(mix[i % mix.length]!, rules, {today: '2026-11-26'});
	engineRuns.push(n / ((performance.now() - start) / 1000));
}

// ---- detection in Node -----------------------------------------------------------------------------------------
const rawPage = path.resolve(root, '../shared/fixtures/google-flights/AWeirdDev__flights__raw_html_extreme_SFO_NRT_Late_Departure.html');
const detectPage = fs.existsSync(rawPage) ? rawPage : path.join(root, 'test/fixtures/google-flights/sfo-nrt-2025.html');
const html = fs.readFileSync(detectPage, 'utf8');
const gfUrl = new URL('https://www.google.com/travel/flights/search?tfs=x');
const timeDetect = (doc: Document) => {
	detectDocument(doc, gfUrl, '2025-07-09', rules); // first run parses the embedded data once per document
	const runs: number[] = [];
	for (let r = 0; r < 7; r++) {
		const start = performance.now();
		detectDocument(doc, gfUrl, '2025-07-09', rules);
		runs.push(performance.now() - start);
	}
	return runs;
};
const detectRuns = timeDetect(parseHTML(html).document as unknown as Document);
const detectJsdomRuns = timeDetect(new JSDOM(html, {virtualConsole: new VirtualConsole()}).window.document);

// ---- real Chromium -------------------------------------------------------------------------------------------
const capture = fs.readFileSync(path.join(root, 'test/fixtures/google-flights/sfo-nrt-2025.html'), 'utf8');
const card =
	/<li class="pIav2d"(?:(?!<li class="pIav2d").)*?SFO-HKG-CX-851(?:(?!<li class="pIav2d").)*?<\/li>(?=<li class="pIav2d"|<\/ul>)/s.exec(
		capture,
	)?.[0];
if (!card) throw new Error('bench: the Cathay Pacific card of the SFO → NRT capture is missing');
const chinaCard = card
	.replaceAll('HKG', 'PVG')
	.replaceAll('Hong Kong International Airport', 'Shanghai Pudong International Airport')
	.replaceAll('in Hong Kong', 'in Shanghai');
const benchPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Google Flights (bench)</title></head><body>
<h3>Other flights</h3><ul id="results"></ul>
<template id="card">${chinaCard}</template>
<script>
window.__bench = {inserted: 0, latencies: [], longTasks: [], done: false};
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__bench.longTasks.push(e.duration); }).observe({type: 'longtask', buffered: true});
const seen = new WeakSet();
new MutationObserver((records) => {
	for (const r of records) for (const n of r.addedNodes) {
		// The release build marks nothing: a badge is the one span added to a card after the card itself.
		if (n.nodeName !== 'SPAN' || r.target === document.getElementById('results')) continue;
		const li = n.closest('li');
		if (!li || seen.has(li)) continue;
		seen.add(li);
		const t0 = Number(li.dataset.benchT);
		requestAnimationFrame(() => window.__bench.latencies.push(performance.now() - t0));
	}
}).observe(document.getElementById('results'), {childList: true, subtree: true});
const tpl = document.getElementById('card');
let i = 0;
function batch() {
	const frag = document.createDocumentFragment();
	for (let k = 0; k < 20 && i < ${CARDS}; k++, i++) {
		const li = tpl.content.firstElementChild.cloneNode(true);
		li.dataset.benchT = String(performance.now());
		frag.append(li);
	}
	document.getElementById('results').append(frag);
	window.__bench.inserted = i;
	if (i < ${CARDS}) setTimeout(batch, 50); else setTimeout(() => (window.__bench.done = true), 1500);
}
setTimeout(batch, 300);
</script></body></html>`;

type Session = {latencies: number[]; longTasks: number[]; scriptMs: number; heapMb: number; badges: number};

async function session(withExtension: boolean): Promise<Session> {
	const browser = await launchChromium({extDir: withExtension ? EXT_DIR : undefined, profilePrefix: 'ctc-bench-'});
	const {context} = browser;
	try {
		await context.route('https://www.google.com/travel/flights**', (r) =>
			r.fulfill({status: 200, contentType: 'text/html; charset=utf-8', body: benchPage}),
		);
		if (withExtension) await extensionIdOf(context);
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Performance.enable');
		await page.goto('https://www.google.com/travel/flights/search?tfs=CBwQAhoeEgoyMDI1LTA4LTIwagcIARIDU0ZPcgcIARIDTlJU&hl=en');
		await page.waitForFunction(() => (window as unknown as {__bench: {done: boolean}}).__bench.done, undefined, {timeout: 120_000});
		const bench = await page.evaluate(() => (window as unknown as {__bench: {latencies: number[]; longTasks: number[]}}).__bench);
		await cdp.send('HeapProfiler.collectGarbage');
		const {metrics} = (await cdp.send('Performance.getMetrics')) as {metrics: {name: string; value: number}[]};
		const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
		const badges = bench.latencies.length;
		return {
			latencies: bench.latencies,
			longTasks: bench.longTasks,
			scriptMs: metric('ScriptDuration') * 1000,
			heapMb: metric('JSHeapUsedSize') / 1_048_576,
			badges,
		};
	} finally {
		await browser.close();
	}
}

const p = (values: number[], q: number) => {
	const s = [...values].sort((a, b) => a - b);
	return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};
const p50s: number[] = [];
const p95s: number[] = [];
const longTaskDeltas: number[] = [];
const ratios: number[] = [];
const heapDeltas: number[] = [];
let badgesSeen = 0;
for (let r = 0; r < BROWSER_ROUNDS; r++) {
	console.log(`bench: browser round ${r + 1} of ${BROWSER_ROUNDS} (with and without the extension)`);
	const without = await session(false);
	const withExt = await session(true);
	badgesSeen = withExt.badges;
	p50s.push(p(withExt.latencies, 0.5));
	p95s.push(p(withExt.latencies, 0.95));
	longTaskDeltas.push(Math.max(0, withExt.longTasks.length - without.longTasks.length));
	ratios.push(withExt.scriptMs / Math.max(1, without.scriptMs));
	heapDeltas.push(withExt.heapMb - without.heapMb);
}

// ---- report ---------------------------------------------------------------------------------------------------
const results = {
	contentScriptKbGz: {...stat([gzBytes / 1024]), rawKb: round(rawBytes / 1024, 1), files: contentFiles},
	engineItinerariesPerSec: stat(engineRuns),
	detectLargePageMs: {...stat(detectRuns), page: path.basename(detectPage), dom: 'linkedom', jsdom: stat(detectJsdomRuns)},
	badgeLatencyMsP50: stat(p50s),
	badgeLatencyMsP95: stat(p95s),
	longTasksFromExtension: stat(longTaskDeltas),
	scriptingOverheadRatio: stat(ratios),
	heapDeltaMb: stat(heapDeltas),
};
const targets: Record<keyof typeof results, [string, number]> = {
	contentScriptKbGz: ['<=', 50],
	engineItinerariesPerSec: ['>=', 500_000],
	detectLargePageMs: ['<=', 50],
	badgeLatencyMsP50: ['<=', Infinity],
	badgeLatencyMsP95: ['<=', 16],
	longTasksFromExtension: ['=', 0],
	scriptingOverheadRatio: ['<=', 1.03],
	heapDeltaMb: ['<=', 5],
};
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${execFileSync(CHROMIUM, ['--version'], {encoding: 'utf8'}).trim()}`;
console.log(`\nChina Transit Check — bench (${machine}); ${CARDS} cards, ${badgesSeen} badges in the last run\n`);
console.log(`${'figure'.padEnd(26)}${'median'.padStart(12)}${'min'.padStart(12)}${'max'.padStart(12)}   target`);
for (const [key, value] of Object.entries(results) as [keyof typeof results, Stat][]) {
	const [op, target] = targets[key];
	const ok = op === '<=' ? value.median <= target : op === '>=' ? value.median >= target : value.median === target;
	const fmt = (x: number) => (Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en-US') : round(x).toString());
	const targetText = target === Infinity ? '—' : `${op} ${fmt(target)} ${ok ? 'met' : 'missed'}`;
	console.log(
		`${key.padEnd(26)}${fmt(value.median).padStart(12)}${fmt(value.min).padStart(12)}${fmt(value.max).padStart(12)}   ${targetText}`,
	);
}
console.log(`(detectLargePageMs in jsdom: median ${round(results.detectLargePageMs.jsdom.median)} ms)`);
const out = {
	machine,
	date: new Date().toISOString(),
	cards: CARDS,
	browserRounds: BROWSER_ROUNDS,
	...Object.fromEntries(
		Object.entries(results).map(([k, v]) => [
			k,
			{...v, median: round(v.median), min: round(v.min), max: round(v.max), runs: v.runs.map((x) => round(x))},
		]),
	),
};
fs.writeFileSync(path.join(root, 'bench-results.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log('\nbench: wrote bench-results.json');
