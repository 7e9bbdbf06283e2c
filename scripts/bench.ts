/**
 * npm run bench — what the extension costs a booking page, measured, not asserted. Prints a table and writes the
 * same figures to bench-results.json (median, min and max over several runs of each figure; keys are only ever
 * added, never renamed or dropped).
 *
 * `npm run bench -- --before REF` (or BENCH_BEFORE=REF): an earlier commit measured in the same run, so that each
 * figure has a before and an after from one machine at one time (scripts/bench-before.ts: the commit is built in a
 * temporary worktree; its browser sessions alternate with this checkout's, round by round, the two taking turns to go
 * first; its engine and detection figures come from its own code). The table gets a `before` column and
 * bench-results.json a `before` key with the same figures (and `ref`, `commit`, and `unavailable`: what that commit
 * could not be measured on). Its per-100-cards figures are per the cards its own end-to-end build read.
 *
 * In Node:
 * - contentScriptKbGz: everything the content script loads on the bench page (the scripts and styles of the manifest's
 *   content scripts whose patterns cover its URL), gzipped. Since 2026-12 each supported site has its own, carrying
 *   only its adapter: `largestSiteKbGz` beside it is the largest any one site loads, `plainScriptKbGz` the script with
 *   every adapter that the user's own sites and the popup's scan get. Until then one script ran on every site.
 *   Beside it, `storedDataKbGz` (2026-12): the compact rules it reads from storage at start-up instead
 *   (data/compact-rules.json, lib/browser/bundled-compact.ts), gzipped; until 2026-12 they were in its script.
 * - engineItinerariesPerSec: the badge's fast path, as the content script runs it (lib/rules/badge-verdict.ts
 *   evaluateBadge with the compact rules), on a fixed mix of itineraries (scripts/bench-mix.ts): 7 runs of 200,000
 *   after one untimed run, so the JIT's warm-up is not what is measured (scripts/bench-rules.ts, which prints the same
 *   figures). Beside it, from the same runs: `badgeOnly`, evaluateTrip with the compact rules and `badgeOnly` (what the
 *   figure measured until 2026-12, in runs of 50,000 without warm-up), and `full`, the full evaluation (full rules, as
 *   the details and the popup use it).
 * - detectText1MbMs (new): the slowest text detector (GDS lines, the generic text detector, 行程单 rows, schema.org
 *   data, the whole text pipeline) on 1 MB of the project's saved inputs of its kind, and on 1 MB of adversarial noise
 *   (scripts/bench-text.ts); each detector's figures beside it.
 * - detectLargePageMs: the detection pipeline on the raw 2.4 MB Google Flights capture (linkedom; the jsdom figure is
 *   printed beside it), or on the trimmed capture when the raw one is not beside the repository.
 *
 * In real Chromium (scripts/bench-browser.ts), on a Google Flights URL answered by scripts/bench-page.ts: the saved
 * SFO → NRT page with Google's own CSS, rendering 500 distinct itineraries from its real card markup, 20 cards every
 * 50 ms, about one in five through a mainland China airport; then the scripted user scrolls 14 screens down.
 * Each round runs that session in pairs, without the extension and with it (BENCH_PAIRS pairs, 3 by default; the
 * order alternates from one pair to the next), and then with it under the CPU profiler and a trace; those
 * instruments slow the page, so only the last group of figures comes from that session. The figures that compare
 * with and without are taken pair by pair, and their median, min and max are over every pair of every round: the
 * page's own main-thread time moves by a tenth between identical sessions on this shared machine (with the time the
 * session takes), ten times what the extension adds, so one pair a round (until 2026-12) left the median of three
 * ratios to chance. The extension is built for the bench alone, into .output-bench (CTC_OUT_DIR), as the
 * release build (chrome-mv3) and the end-to-end build (chrome-mv3-e2e, used once, to count what the extension read).
 *
 * - badgeFramesP95 (new): animation frames from the first frame a mainland-China card is painted within one screen of
 *   the viewport (the frame it was inserted, or the frame scrolling brought it that near) to the first frame that
 *   paints its badge; 0 when the badge was there first. The page counts frames with a requestAnimationFrame counter
 *   (addInitScript) and sees the frames through observers (scripts/bench-page.ts): a ResizeObserver's report comes
 *   in the rendering step of the frame that lays an element out, so its frame number is exact. The badge is "an
 *   element the page did not add, appearing inside a card": the bench page never touches a card after inserting it.
 *   That is robust across builds (the release build marks nothing; the e2e build's `data-ctc-badge` is not used) and
 *   across changes to the content script (lazy judging, other markup), as long as the badge goes inside its card. A
 *   badge that never comes counts as the rest of the session. p95 per round, over about 100 cards.
 * - badgeLatencyMsP50/P95: the same interval in milliseconds (until 2026-12: insertion to the frame after the badge
 *   was added, on 500 copies of one card).
 * - mainThreadOverheadRatio (new): the renderer main thread's CPU time over the bench page's life (Performance.getMetrics
 *   ThreadTime: script, style, layout, paint, everything the page's main thread does), with the extension divided by
 *   without. CPU time, not TaskDuration (wall-clock task time, kept beside it as `taskDurationRatio`): on this shared
 *   2-core machine a task's wall time includes the time its thread waited for a core, which swung the page's own
 *   figure from 6.7 to 11 s between identical sessions. `ratioOfTotals` beside it: every pair's time with the
 *   extension added up, divided by every pair's without; `pairs`: how many pairs; `withoutOverWithout`: the same
 *   ratio between sessions that are alike (each session without the extension over the one before it), the spread
 *   the figure has to be read against.
 * - scriptingOverheadRatio: the same with ScriptDuration (JavaScript only).
 * - frameGapP90Ratio (new): the 90th percentile of the gaps between animation frames over the session (how janky
 *   scrolling and loading felt), with the extension divided by without; both in ms beside it. A content script that
 *   blocks the page renders fewer frames, which lowers the CPU ratios above while the page stutters: this says so.
 * - heapDeltaMb: the page's JS heap after a forced garbage collection (JSHeapUsedSize; the content script's isolated
 *   world lives in the same heap), with minus without.
 * From the instrumented session (CDP Profiler at 500 µs on the page, and a devtools.timeline trace):
 * - extensionMsPer100Cards (new): CPU profile time of samples with a chrome-extension:// frame anywhere on the stack
 *   (the content script's code and what it calls synchronously: DOM calls, forced style and layout; garbage
 *   collection is not attributed), per 100 cards judged. Cards judged: the itinerary count the e2e build writes on
 *   `<html>` (its `…-found` attribute, read once after the same scripted session); without that attribute, the cards
 *   that came within one screen of the viewport. `selfMsPer100Cards` beside it counts only samples whose own function
 *   is the extension's. `sampledMsPer100Cards` (2026-12) counts the extension's samples instead, each at the profile's
 *   median interval (`samplingIntervalMs`): a sample lasts until the next, and when the shared machine takes the
 *   renderer off its core between two, the wait falls on the sampled function; counting leaves those waits out.
 *   From two more sessions a round, traced without the profiler (scripts/bench-browser.ts tracedFigures: the trace's
 *   calls into the content script, in thread time), `tracedMsPer100Cards` (2026-12): the same time, without what the
 *   profiler adds to it (it slows code run for the first time most: in an A/B run, compiling every function up front
 *   looked a quarter cheaper under the profiler and was a twentieth cheaper without it). What resumes after an
 *   `await` runs outside the browser's calls into the script, where a trace cannot tell whose it is: until 2026-12-04
 *   the content script's start-up after its storage read was left out (the first scan, about 11 ms a session under
 *   the profiler, and the rules' parse and index, about 3 ms; both have since run in a timer callback of the script's
 *   own and are counted: every profile sample with the script on the stack falls in one of the trace's calls); and
 *   `repeatLoadMsPer100Cards`: the page's second load in the same tab, where the browser has the content script's
 *   compiled code from the first. A traveller's first results page in a tab pays the figure above; the next ones this.
 * - longTasksFromExtension: main-thread tasks over 50 ms (the trace's top-level RunTask events on the renderer main
 *   thread that evaluated the content script) in which profile samples with the extension on the stack add up to more
 *   than half the task (the profile and the trace share Chromium's monotonic clock). Beside it: `allLongTasks`, every
 *   task over 50 ms in that session; `withExtensionCode`, those in which the extension ran at all (a badge it adds in
 *   a frame makes the page restyle, lay out and repaint in that same task, work the profile puts on the page);
 *   `observedWith`/`observedWithout`, a PerformanceObserver's long tasks in the uninstrumented sessions. (Until
 *   2026-12 the figure was long tasks with minus without, as seen by that PerformanceObserver.)
 * - contentScriptStartupMs (new): the trace's EvaluateScript events of the manifest's content-script files: their
 *   compile and top-level run on page load, not the work they schedule (the first scan comes in a later task); thread
 *   time (`wallMs` beside it), under the profiler, which slows compilation and execution a little. `tracedMs` and
 *   `repeatLoadMs` beside it: from the two sessions traced without the profiler, the first load and the second.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import {parseHTML} from 'linkedom';
import {JSDOM, VirtualConsole} from 'jsdom';
import {MatchPattern} from '@webext-core/match-patterns';
import {detectDocument} from '../lib/detect/index.ts';
import {loadRules} from '../lib/rules/load-rules.ts';
import {CONTENT_SCRIPT_FILE} from '../lib/sites/user-sites.ts';
import {beforeNodeFigures, detectPageOf, prepareBefore, timeDetect, type BeforeBuild} from './bench-before.ts';
import {badgeTimes, foundCounts, profileFigures, runSession, tracedFigures, type SessionResult} from './bench-browser.ts';
import {engineFigures} from './bench-rules.ts';
import {slowest, textFigures} from './bench-text.ts';
import {BENCH_URL, buildBenchPage, CHINA_HUBS} from './bench-page.ts';
import {CHROMIUM} from './chromium.ts';

const root = path.resolve(import.meta.dirname, '..');
/** The bench's own build folder (CTC_OUT_DIR): other builds may run at the same time into .output. */
const OUT_DIR = '.output-bench';
const EXT_DIR = path.join(root, OUT_DIR, 'chrome-mv3');
const E2E_DIR = path.join(root, OUT_DIR, 'chrome-mv3-e2e');
const BROWSER_ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Sessions without and with the extension, in pairs: this many pairs a round (BENCH_PAIRS). */
const PAIRS = Math.max(1, Number(process.env.BENCH_PAIRS ?? 3));
const CARDS = 500;

type Stat = {median: number; min: number; max: number; runs: number[]};
const stat = (runs: number[]): Stat => {
	const sorted = [...runs].sort((a, b) => a - b);
	const mid = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
	return {median: mid, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs};
};
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function run(cmd: string, args: string[]) {
	const r = spawnSync(cmd, args, {cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: {...process.env, CTC_OUT_DIR: OUT_DIR}});
	if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
}

// ---- build and size ------------------------------------------------------------------------------------------
// `--before REF` (or BENCH_BEFORE=REF): an earlier commit, built in a worktree of its own and measured in the same run,
// its sessions alternating with this checkout's round by round (scripts/bench-before.ts).
const beforeAt = process.argv.indexOf('--before');
const beforeRef = beforeAt >= 0 ? process.argv[beforeAt + 1] : process.env.BENCH_BEFORE || undefined;
if (beforeAt >= 0 && (!beforeRef || beforeRef.startsWith('-'))) {
	console.error('usage: npm run bench [-- --before REF]');
	process.exit(2);
}
console.log(`bench: building the Chrome extension into ${OUT_DIR} (release and end-to-end builds)`);
run('node', ['scripts/ensure-browsers.mjs']);
run('npx', ['wxt', 'build']);
run('npx', ['wxt', 'build', '--mode', 'e2e']);

type Manifest = {content_scripts: {matches: string[]; js?: string[]; css?: string[]}[]};
/** What a build's content scripts weigh on the bench page, and which scripts the profile and the trace look for. */
function sizesOf(extDir: string) {
	const manifest = JSON.parse(fs.readFileSync(path.join(extDir, 'manifest.json'), 'utf8')) as Manifest;
	type ContentEntry = Manifest['content_scripts'][number];
	const filesOf = (entries: ContentEntry[]) => entries.flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]);
	const gzOf = (files: string[]) =>
		files.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(extDir, f)), {level: 9}).length, 0);
	// What the bench page loads: the manifest's content scripts whose patterns cover its URL (since 2026-12 each site has
	// its own, carrying only its adapter; until then one script for every site).
	const contentFiles = filesOf(manifest.content_scripts.filter((c) => c.matches.some((m) => new MatchPattern(m).includes(BENCH_URL))));
	if (contentFiles.length === 0) throw new Error(`bench: no content script of ${extDir}'s manifest runs on ${BENCH_URL}`);
	return {
		contentFiles,
		gzBytes: gzOf(contentFiles),
		rawBytes: contentFiles.reduce((n, f) => n + fs.statSync(path.join(extDir, f)).size, 0),
		// The largest that any one supported site loads, and the script for the user's own sites and the popup's scan.
		largestSiteGzBytes: Math.max(...manifest.content_scripts.map((c) => gzOf(filesOf([c])))),
		plainScriptGzBytes: fs.existsSync(path.join(extDir, CONTENT_SCRIPT_FILE)) ? gzOf([CONTENT_SCRIPT_FILE]) : undefined,
		contentScripts: manifest.content_scripts.flatMap((c) => c.js ?? []),
	};
}
const sizes = sizesOf(EXT_DIR);
const storedDataBytes = zlib.gzipSync(fs.readFileSync(path.join(root, 'data/compact-rules.json')), {level: 9}).length;

let before: BeforeBuild | undefined;
if (beforeRef) {
	console.log(`bench: building ${beforeRef} in a worktree of its own, to measure it in the same run`);
	before = prepareBefore(root, beforeRef);
	process.on('exit', before.cleanup);
	process.on('SIGINT', () => process.exit(130));
}
const beforeSizes = before && sizesOf(before.extDir);

// ---- engine ---------------------------------------------------------------------------------------------------
const rules = loadRules();
const engine = engineFigures();

// ---- detection in Node -----------------------------------------------------------------------------------------
const text = textFigures(root, rules);
const detectPage = detectPageOf(root);
const html = fs.readFileSync(detectPage, 'utf8');
const detectRuns = timeDetect(detectDocument, parseHTML(html).document as unknown as Document, rules);
const detectJsdomRuns = timeDetect(detectDocument, new JSDOM(html, {virtualConsole: new VirtualConsole()}).window.document, rules);
const beforeNode = before && beforeNodeFigures(root, before.dir);

// ---- the bench page, checked in Node ----------------------------------------------------------------------------
const bench = buildBenchPage(root, {cards: CARDS, batch: 20, everyMs: 50, firstMs: 300});
const viaChina = bench.itineraries.filter((t) => t.china).length;
{
	// The detection pipeline (the adapter the content script uses) on the page with every card in: each card must read
	// as its own itinerary, and the mainland ones as connecting in the mainland.
	let list = 0;
	const cardsHtml = bench.itineraries.map((_, i) => bench.cardHtml(i)).join('');
	const full = bench.html.replace(/<ul class="Rk10dc">/g, (ul) => (++list === 2 ? ul + cardsHtml : ul));
	const found = detectDocument(parseHTML(full).document as unknown as Document, new URL(BENCH_URL), '2025-07-09', rules);
	const ours = new Set(bench.itineraries.map((t) => t.flights.join('|')));
	const read = found.itineraries.filter((t) => ours.has(t.segments.map((s) => s.flight).join('|')));
	const distinct = new Set(read.map((t) => JSON.stringify(t.segments))).size;
	const inChina = read.filter((t) => t.segments.some((s) => CHINA_HUBS.includes(s.to))).length;
	console.log(
		`bench: page of ${CARDS} cards, ${viaChina} through mainland China; the adapter reads ${distinct} distinct itineraries, ${inChina} through mainland China`,
	);
	if (distinct !== CARDS || inChina !== viaChina) console.warn('bench: WARNING the adapter does not read the bench page as built');
}

// ---- real Chromium -------------------------------------------------------------------------------------------
/** A build measured in the browser: this checkout's ('after'), or the `--before` commit's. */
type Build = {label: 'after' | 'before'; extDir: string; contentScripts: string[]; judged: number; judgedFrom: string};
const session = (extDir: string | undefined, instrument = false) => runSession({extDir, html: bench.html, cards: CARDS, instrument});
/** A session traced without the profiler; `warmLoads` 1: the page's second load in the same tab, measured. */
const traced = (extDir: string, warmLoads: number) =>
	runSession({extDir, html: bench.html, cards: CARDS, instrument: true, profiler: false, warmLoads});
const p = (values: number[], q: number) => {
	const s = [...values].sort((a, b) => a - b);
	return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};

/** Once, with a build's end-to-end build: how many itineraries the extension reads in this scripted session. */
async function judgedBy(label: Build['label'], e2eDir: string): Promise<Pick<Build, 'judged' | 'judgedFrom'>> {
	console.log(
		`bench: end-to-end build of ${label === 'after' ? 'this checkout' : `${before?.ref}`}, once (what the extension reads in the session)`,
	);
	const e2e = await session(e2eDir);
	const found = foundCounts(e2e.page);
	const badges = badgeTimes(e2e.page);
	console.log(
		`bench: e2e build read ${found ? `${found.itineraries} itineraries, ${found.withStops} through the mainland` : '(no found attribute)'}; ` +
			`${e2e.page.testBadges} data-ctc-badge hosts; the page saw ${badges.badges} badges for ${viaChina} mainland cards`,
	);
	return {
		judged: found?.itineraries ?? badges.nearViewport,
		judgedFrom: found ? `e2e build, <html ${found.attribute}>` : 'cards within one screen of the viewport (no found attribute)',
	};
}
const after: Build = {label: 'after', extDir: EXT_DIR, contentScripts: sizes.contentScripts, ...(await judgedBy('after', E2E_DIR))};
const beforeBuild: Build | undefined =
	before && beforeSizes
		? {label: 'before', extDir: before.extDir, contentScripts: beforeSizes.contentScripts, ...(await judgedBy('before', before.e2eDir))}
		: undefined;
const judged = after.judged;
const judgedFrom = after.judgedFrom;

const newRuns = () => ({
	badgeFramesP50: [] as number[],
	badgeFramesP95: [] as number[],
	badgeMsP50: [] as number[],
	badgeMsP95: [] as number[],
	overhead: [] as number[],
	threadWith: [] as number[],
	threadWithout: [] as number[],
	taskRatio: [] as number[],
	scripting: [] as number[],
	heap: [] as number[],
	extensionPer100: [] as number[],
	extensionSelfPer100: [] as number[],
	extensionSampledPer100: [] as number[],
	samplingMs: [] as number[],
	extensionMs: [] as number[],
	tracedPer100: [] as number[],
	repeatPer100: [] as number[],
	tracedStartup: [] as number[],
	repeatStartup: [] as number[],
	longFromExtension: [] as number[],
	longAll: [] as number[],
	longWithCode: [] as number[],
	observedLongWith: [] as number[],
	observedLongWithout: [] as number[],
	startup: [] as number[],
	startupWall: [] as number[],
	gapWith: [] as number[],
	gapWithout: [] as number[],
	gapRatio: [] as number[],
	/** The badges of the last session with the extension. */
	last: undefined as ReturnType<typeof badgeTimes> | undefined,
});
type Runs = ReturnType<typeof newRuns>;
/** The 90th percentile of the gaps between animation frames over a session: how janky the page felt. */
const frameGapP90 = (r: SessionResult) =>
	p(
		r.page.frameStart.slice(1).map((t, i) => t - r.page.frameStart[i]!),
		0.9,
	);

/** One round of a build's sessions: the pairs, then under the profiler, traced, and traced on a second load. */
async function measureRound(build: Build, runs: Runs, r: number): Promise<void> {
	const {extDir, judged} = build;
	// Pairs of sessions, without and with the extension, the order alternating from one pair to the next; each figure
	// compares the two sessions of a pair (a pair runs within half a minute, so slower stretches of the shared machine
	// fall on both).
	for (let pair = 0; pair < PAIRS; pair++) {
		let without: SessionResult;
		let withExt: SessionResult;
		if ((r * PAIRS + pair) % 2 === 0) {
			without = await session(undefined);
			withExt = await session(extDir);
		} else {
			withExt = await session(extDir);
			without = await session(undefined);
		}
		const last = (runs.last = badgeTimes(withExt.page));
		runs.badgeFramesP50.push(p(last.frames, 0.5));
		runs.badgeFramesP95.push(p(last.frames, 0.95));
		runs.badgeMsP50.push(p(last.ms, 0.5));
		runs.badgeMsP95.push(p(last.ms, 0.95));
		runs.overhead.push(withExt.threadMs / without.threadMs);
		runs.threadWith.push(withExt.threadMs);
		runs.threadWithout.push(without.threadMs);
		runs.taskRatio.push(withExt.taskMs / without.taskMs);
		runs.scripting.push(withExt.scriptMs / Math.max(1, without.scriptMs));
		runs.heap.push(withExt.heapMb - without.heapMb);
		runs.gapWith.push(frameGapP90(withExt));
		runs.gapWithout.push(frameGapP90(without));
		runs.gapRatio.push(frameGapP90(withExt) / frameGapP90(without));
		runs.observedLongWith.push(withExt.page.longTasks.filter((ms) => ms > 50).length);
		runs.observedLongWithout.push(without.page.longTasks.filter((ms) => ms > 50).length);
	}
	const profiled = await session(extDir, true);
	const firstLoad = tracedFigures(await traced(extDir, 0), build.contentScripts);
	const secondLoad = tracedFigures(await traced(extDir, 1), build.contentScripts);
	runs.tracedPer100.push((firstLoad.extensionMs / Math.max(1, judged)) * 100);
	runs.repeatPer100.push((secondLoad.extensionMs / Math.max(1, judged)) * 100);
	runs.tracedStartup.push(firstLoad.startupMs);
	runs.repeatStartup.push(secondLoad.startupMs);
	const figures = profileFigures(profiled, build.contentScripts);
	if (figures.extensionMs === 0) console.warn('bench: WARNING the profile holds no extension code (did the renderer change?)');
	runs.extensionMs.push(figures.extensionMs);
	runs.extensionPer100.push((figures.extensionMs / Math.max(1, judged)) * 100);
	runs.extensionSelfPer100.push((figures.extensionSelfMs / Math.max(1, judged)) * 100);
	runs.extensionSampledPer100.push((figures.extensionSampledMs / Math.max(1, judged)) * 100);
	runs.samplingMs.push(figures.samplingMs);
	runs.longFromExtension.push(figures.longTasksFromExtension);
	runs.longAll.push(figures.longTasks);
	runs.longWithCode.push(figures.longTasksWithExtensionCode);
	runs.startup.push(figures.startupMs);
	runs.startupWall.push(figures.startupWallMs);
}

const afterRuns = newRuns();
const beforeRuns = newRuns();
for (let r = 0; r < BROWSER_ROUNDS; r++) {
	// With --before, the two builds take turns going first, round by round.
	const order: [Build, Runs][] = [[after, afterRuns]];
	if (beforeBuild) order[r % 2 ? 'unshift' : 'push']([beforeBuild, beforeRuns]);
	for (const [build, runs] of order) {
		const which = beforeBuild ? ` of ${build.label === 'after' ? 'this checkout' : before?.ref}` : '';
		console.log(
			`bench: browser round ${r + 1} of ${BROWSER_ROUNDS}${which} (${PAIRS} × without and with, then with under the profiler, with traced, with traced on a second load)`,
		);
		await measureRound(build, runs, r);
	}
}

// ---- report ---------------------------------------------------------------------------------------------------
/** The browser's figures of one build, from its runs. */
function browserResults(runs: Runs, build: Build) {
	const {last, judged, judgedFrom} = {...runs, ...build};
	return {
		badgeLatencyMsP50: stat(runs.badgeMsP50),
		badgeLatencyMsP95: stat(runs.badgeMsP95),
		longTasksFromExtension: {
			...stat(runs.longFromExtension),
			allLongTasks: stat(runs.longAll),
			withExtensionCode: stat(runs.longWithCode),
			observedWith: stat(runs.observedLongWith),
			observedWithout: stat(runs.observedLongWithout),
		},
		scriptingOverheadRatio: stat(runs.scripting),
		heapDeltaMb: stat(runs.heap),
		badgeFramesP95: {
			...stat(runs.badgeFramesP95),
			p50: stat(runs.badgeFramesP50),
			cardsMeasured: last?.frames.length ?? 0,
			badgesMissing: last?.missing ?? 0,
			unexpectedBadges: last?.unexpected ?? 0,
		},
		extensionMsPer100Cards: {
			...stat(runs.extensionPer100),
			judgedCards: judged,
			judgedFrom,
			extensionMs: stat(runs.extensionMs),
			selfMsPer100Cards: stat(runs.extensionSelfPer100),
			sampledMsPer100Cards: stat(runs.extensionSampledPer100),
			samplingIntervalMs: stat(runs.samplingMs),
			tracedMsPer100Cards: stat(runs.tracedPer100),
			repeatLoadMsPer100Cards: stat(runs.repeatPer100),
		},
		mainThreadOverheadRatio: {
			...stat(runs.overhead),
			withMs: stat(runs.threadWith),
			withoutMs: stat(runs.threadWithout),
			taskDurationRatio: stat(runs.taskRatio),
			ratioOfTotals: round(sum(runs.threadWith) / sum(runs.threadWithout), 3),
			pairs: runs.overhead.length,
			// The same ratio between two sessions that are alike, each session without the extension over the one before it:
			// how far apart identical sessions are on this machine, against which to read the figure.
			withoutOverWithout: stat(runs.threadWithout.slice(1).map((ms, i) => ms / runs.threadWithout[i]!)),
		},
		contentScriptStartupMs: {
			...stat(runs.startup),
			wallMs: stat(runs.startupWall),
			tracedMs: stat(runs.tracedStartup),
			repeatLoadMs: stat(runs.repeatStartup),
		},
		frameGapP90Ratio: {
			...stat(runs.gapRatio),
			withMs: stat(runs.gapWith),
			withoutMs: stat(runs.gapWithout),
			pairs: runs.gapRatio.length,
		},
	};
}
const sizeFigures = (s: ReturnType<typeof sizesOf>) => ({
	...stat([s.gzBytes / 1024]),
	rawKb: round(s.rawBytes / 1024, 1),
	files: s.contentFiles,
	largestSiteKbGz: round(s.largestSiteGzBytes / 1024),
	...(s.plainScriptGzBytes === undefined ? {} : {plainScriptKbGz: round(s.plainScriptGzBytes / 1024)}),
});
const results = {
	contentScriptKbGz: {...sizeFigures(sizes), storedDataKbGz: round(storedDataBytes / 1024)},
	engineItinerariesPerSec: {...stat(engine.fast), full: stat(engine.full), badgeOnly: stat(engine.badgeOnly)},
	detectLargePageMs: {...stat(detectRuns), page: path.basename(detectPage), dom: 'linkedom', jsdom: stat(detectJsdomRuns)},
	detectText1MbMs: {...stat([slowest(text)]), detectors: text},
	...browserResults(afterRuns, after),
};
/**
 * The `--before` commit's figures, taken in the same run: each key as above where that commit can be measured
 * (detectText1MbMs is not: its text detectors are this checkout's bench inputs); `unavailable` says what was not.
 */
const beforeResults =
	before && beforeSizes && beforeBuild
		? {
				ref: before.ref,
				commit: before.commit,
				contentScriptKbGz: sizeFigures(beforeSizes),
				...(beforeNode?.engine
					? {engineItinerariesPerSec: {...stat(beforeNode.engine.runs), engine: beforeNode.engine.engine}}
					: {}),
				...(beforeNode?.detect
					? {detectLargePageMs: {...stat(beforeNode.detect), page: path.basename(detectPage), dom: 'linkedom'}}
					: {}),
				...browserResults(beforeRuns, beforeBuild),
				unavailable: [
					...(beforeNode?.unavailable ?? []),
					"detectText1MbMs: scripts/bench-text.ts runs this checkout's text detectors, not the earlier commit's",
				],
			}
		: undefined;
const targets: Record<keyof typeof results, [string, number]> = {
	contentScriptKbGz: ['<=', 50],
	engineItinerariesPerSec: ['>=', 1_000_000],
	detectLargePageMs: ['<=', 50],
	detectText1MbMs: ['<=', 200],
	badgeLatencyMsP50: ['<=', Infinity],
	badgeLatencyMsP95: ['<=', 16],
	longTasksFromExtension: ['=', 0],
	scriptingOverheadRatio: ['<=', 1.03],
	heapDeltaMb: ['<=', 2],
	badgeFramesP95: ['<=', 2],
	extensionMsPer100Cards: ['<=', 10],
	mainThreadOverheadRatio: ['<=', 1.05],
	contentScriptStartupMs: ['<=', 15],
	frameGapP90Ratio: ['<=', 1.1],
};
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${execFileSync(CHROMIUM, ['--version'], {encoding: 'utf8'}).trim()}`;
console.log(
	`\nChina Transit Check — bench (${machine}); ${CARDS} cards, ${viaChina} through mainland China, ${afterRuns.last?.badges ?? 0} badges in the last run\n`,
);
const fmt = (x: number) => (Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en-US') : round(x).toString());
/** With --before, a column of the earlier commit's medians, from the same run. */
const beforeColumn = (key: keyof typeof results) => {
	if (!beforeResults) return '';
	const value = (beforeResults as Partial<Record<keyof typeof results, Stat>>)[key];
	return value ? fmt(value.median).padStart(12) : '—'.padStart(12);
};
console.log(
	`${'figure'.padEnd(26)}${'median'.padStart(12)}${'min'.padStart(12)}${'max'.padStart(12)}${beforeResults ? 'before'.padStart(12) : ''}   target`,
);
for (const [key, value] of Object.entries(results) as [keyof typeof results, Stat][]) {
	const [op, target] = targets[key];
	const ok = op === '<=' ? value.median <= target : op === '>=' ? value.median >= target : value.median === target;
	const targetText = target === Infinity ? '—' : `${op} ${fmt(target)} ${ok ? 'met' : 'missed'}`;
	console.log(
		`${key.padEnd(26)}${fmt(value.median).padStart(12)}${fmt(value.min).padStart(12)}${fmt(value.max).padStart(12)}${beforeColumn(key)}   ${targetText}`,
	);
}
if (beforeResults) {
	const e = beforeResults.extensionMsPer100Cards;
	console.log(
		`(before: ${beforeResults.ref}, commit ${beforeResults.commit.slice(0, 12)}, measured in this run, its sessions alternating with this checkout's; ` +
			`${e.judgedCards} cards judged, from ${e.judgedFrom}; by samples counted ${round(e.sampledMsPer100Cards.median)}, traced ${round(e.tracedMsPer100Cards.median)}, ` +
			`on a second load ${round(e.repeatLoadMsPer100Cards.median)} per 100 cards; engine: ${beforeResults.engineItinerariesPerSec?.engine ?? 'not measured'}` +
			`${beforeResults.unavailable.length > 0 ? `; not measured: ${beforeResults.unavailable.join('; ')}` : ''})`,
	);
}
console.log(
	`(contentScriptKbGz: ${sizes.contentFiles.join(', ')}, ${round(results.contentScriptKbGz.rawKb, 1)} kB raw; the largest any site loads ${results.contentScriptKbGz.largestSiteKbGz} kB, the script with every adapter (the user's sites, the popup's scan) ${results.contentScriptKbGz.plainScriptKbGz} kB gzipped; the compact rules it reads from storage instead: ${results.contentScriptKbGz.storedDataKbGz} kB gzipped)`,
);
console.log(`(detectLargePageMs in jsdom: median ${round(results.detectLargePageMs.jsdom.median)} ms)`);
console.log(
	`(engineItinerariesPerSec, evaluateTrip badgeOnly: median ${round(results.engineItinerariesPerSec.badgeOnly.median, 0)}; the full evaluation with the full rules: median ${round(results.engineItinerariesPerSec.full.median, 0)})`,
);
console.log(
	`(extensionMsPer100Cards: ${judged} cards judged, from ${judgedFrom}; longTasksFromExtension: of ${results.longTasksFromExtension.allLongTasks.median} long tasks in the profiled session)`,
);
console.log(
	`(extensionMsPer100Cards by samples counted, at the median interval of ${round(results.extensionMsPer100Cards.samplingIntervalMs.median)} ms: median ${round(results.extensionMsPer100Cards.sampledMsPer100Cards.median)}, min ${round(results.extensionMsPer100Cards.sampledMsPer100Cards.min)}, max ${round(results.extensionMsPer100Cards.sampledMsPer100Cards.max)})`,
);
{
	const e = results.extensionMsPer100Cards;
	const c = results.contentScriptStartupMs;
	const m = (x: Stat) => `median ${round(x.median)}, min ${round(x.min)}, max ${round(x.max)}`;
	console.log(
		`(extensionMsPer100Cards without the profiler, from the trace: ${m(e.tracedMsPer100Cards)}; on the page's second load in the same tab: ${m(e.repeatLoadMsPer100Cards)})`,
	);
	console.log(
		`(contentScriptStartupMs without the profiler: median ${round(c.tracedMs.median)}; on the second load: median ${round(c.repeatLoadMs.median)})`,
	);
	const o = results.mainThreadOverheadRatio;
	console.log(
		`(mainThreadOverheadRatio over ${o.pairs} pairs; all the time with over all without: ${o.ratioOfTotals}; between sessions without the extension, one over the one before: ${m(o.withoutOverWithout)})`,
	);
}
/** Every number rounded to 2 decimals, however deep (stat objects nest). */
const rounded = (v: unknown): unknown =>
	typeof v === 'number'
		? round(v)
		: Array.isArray(v)
			? v.map(rounded)
			: v && typeof v === 'object'
				? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rounded(x)]))
				: v;
const out = {
	machine,
	date: new Date().toISOString(),
	cards: CARDS,
	browserRounds: BROWSER_ROUNDS,
	pairsPerRound: PAIRS,
	...(rounded(results) as typeof results),
	...(beforeResults ? {before: rounded(beforeResults) as typeof beforeResults} : {}),
};
fs.writeFileSync(path.join(root, 'bench-results.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log('\nbench: wrote bench-results.json');
