/**
 * `npm run bench -- --before REF`: an earlier commit measured in the same run as the working tree, so that every figure
 * has its before and after from one machine at one time (scripts/bench.ts alternates the two builds' sessions round by
 * round). The commit is checked out into a temporary git worktree beside a link to this checkout's node_modules (and
 * to ../shared, which the builds and the detection page read), built there as a release and an end-to-end build, and
 * removed afterwards.
 *
 * The Node figures of the earlier commit are taken from its own code, in a child process (this file, run as a script
 * with the worktree's folder): `engineItinerariesPerSec` with the badge's fast path when the commit has one
 * (lib/rules/badge-verdict.ts), otherwise with what its content script judged by, evaluateTrip with the full rules;
 * `detectLargePageMs` with its detectDocument, on the same page. A commit whose code does not offer these reports
 * none (`unavailable`, with why), rather than a figure from other code.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {parseHTML} from 'linkedom';
import {BENCH_MIX} from './bench-mix.ts';

/** The Google Flights URL and reference date the detection figure uses (the capture's date). */
export const DETECT_URL = 'https://www.google.com/travel/flights/search?tfs=x';
export const DETECT_DATE = '2025-07-09';
/** The page detectLargePageMs reads: the raw capture beside the repository, or the trimmed one in it. */
export function detectPageOf(root: string): string {
	const raw = path.resolve(root, '../shared/fixtures/google-flights/AWeirdDev__flights__raw_html_extreme_SFO_NRT_Late_Departure.html');
	return fs.existsSync(raw) ? raw : path.join(root, 'test/fixtures/google-flights/sfo-nrt-2025.html');
}

type Detect<R> = (doc: Document, url: URL, date: string, rules: R) => unknown;

/** The detection pipeline's time on one document, 7 runs after a first (which parses the page's embedded data once). */
export function timeDetect<R>(detect: Detect<R>, doc: Document, rules: R): number[] {
	const url = new URL(DETECT_URL);
	detect(doc, url, DETECT_DATE, rules);
	const runs: number[] = [];
	for (let r = 0; r < 7; r++) {
		const start = performance.now();
		detect(doc, url, DETECT_DATE, rules);
		runs.push(performance.now() - start);
	}
	return runs;
}

export type BeforeBuild = {
	/** As given on the command line, and the commit it names. */
	ref: string;
	commit: string;
	/** The worktree's folder, and its two builds. */
	dir: string;
	extDir: string;
	e2eDir: string;
	/** Removes the worktree. */
	cleanup: () => void;
};

/** Checks `ref` out into a temporary worktree and builds it; throws with the build's output when it does not build. */
export function prepareBefore(root: string, ref: string): BeforeBuild {
	const git = (...args: string[]) => execFileSync('git', args, {cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']}).trim();
	let commit: string;
	try {
		commit = git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`);
	} catch {
		throw new Error(`bench: --before ${ref} names no commit of this repository`);
	}
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ctc-bench-before-'));
	const dir = path.join(tmp, 'p');
	git('worktree', 'add', '--quiet', '--detach', dir, commit);
	const cleanup = () => {
		spawnSync('git', ['worktree', 'remove', '--force', dir], {cwd: root, stdio: 'ignore'});
		fs.rmSync(tmp, {recursive: true, force: true});
		spawnSync('git', ['worktree', 'prune'], {cwd: root, stdio: 'ignore'});
	};
	try {
		fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
		const shared = path.resolve(root, '../shared');
		if (fs.existsSync(shared)) fs.symlinkSync(shared, path.join(tmp, 'shared'));
		// Into the worktree's own .output (an older wxt.config ignores CTC_OUT_DIR; a newer one is told the default).
		const env = {...process.env, CTC_OUT_DIR: '.output'};
		for (const args of [
			['wxt', 'build'],
			['wxt', 'build', '--mode', 'e2e'],
		]) {
			const r = spawnSync('npx', args, {cwd: dir, env, encoding: 'utf8'});
			if (r.status !== 0)
				throw new Error(`bench: ${commit.slice(0, 7)} does not build (npx ${args.join(' ')}):\n${r.stdout}${r.stderr}`);
		}
		return {ref, commit, dir, extDir: path.join(dir, '.output/chrome-mv3'), e2eDir: path.join(dir, '.output/chrome-mv3-e2e'), cleanup};
	} catch (error) {
		cleanup();
		throw error;
	}
}

export type BeforeNodeFigures = {
	/** Itineraries a second, one number per run; `engine`: what was run. */
	engine?: {runs: number[]; engine: string};
	detect?: number[];
	unavailable: string[];
};

/** The earlier commit's Node figures, from its own code (this file run as a child process in `dir`). */
export function beforeNodeFigures(root: string, dir: string): BeforeNodeFigures {
	// This checkout's tsx, whatever `dir` holds (a worktree links node_modules; another folder may have none).
	const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
	const r = spawnSync(tsx, [path.join(import.meta.dirname, 'bench-before.ts'), dir, detectPageOf(root)], {
		cwd: dir,
		encoding: 'utf8',
		maxBuffer: 16 << 20,
	});
	const line = r.stdout.trim().split('\n').at(-1) ?? '';
	try {
		return JSON.parse(line) as BeforeNodeFigures;
	} catch {
		return {unavailable: [`the earlier commit's Node figures failed: ${(r.stderr || r.stdout).trim().slice(-400)}`]};
	}
}

/** A module of the earlier commit, or undefined when it has no such file or it does not load. */
async function load(dir: string, file: string): Promise<Record<string, unknown> | undefined> {
	const full = path.join(dir, file);
	if (!fs.existsSync(full)) return undefined;
	try {
		return (await import(pathToFileURL(full).href)) as Record<string, unknown>;
	} catch {
		return undefined;
	}
}

const isFunction = (f: unknown): f is (...args: never[]) => unknown => typeof f === 'function';

async function childMain(dir: string, page: string): Promise<BeforeNodeFigures> {
	const unavailable: string[] = [];
	const figures: BeforeNodeFigures = {unavailable};
	const loadRules = (await load(dir, 'lib/rules/load-rules.ts'))?.loadRules;
	const validateTrip = (await load(dir, 'lib/rules/validate.ts'))?.validateTrip;
	const evaluateTrip = (await load(dir, 'lib/rules/evaluate.ts'))?.evaluateTrip;
	const evaluateBadge = (await load(dir, 'lib/rules/badge-verdict.ts'))?.evaluateBadge;
	const compactRules = (await load(dir, 'lib/rules/compact-bundled.ts'))?.compactRules;
	const detectDocument = (await load(dir, 'lib/detect/index.ts'))?.detectDocument;
	if (!isFunction(loadRules) || !isFunction(validateTrip)) {
		unavailable.push('engine and detection: no loadRules or validateTrip in lib/rules');
		return figures;
	}
	const rules = (loadRules as () => unknown)();
	const mix = BENCH_MIX.map((trip) => {
		const v = (validateTrip as (t: unknown, r: unknown) => {ok: boolean; trip?: unknown; error?: string})(trip, rules);
		if (!v.ok) throw new Error(v.error);
		return v.trip;
	});
	const N = 200_000;
	let stops = 0;
	type Verdict = {stops: unknown[]};
	// One loop for the engine that is there, as scripts/bench-rules.ts times each: 7 runs after an untimed one.
	let time: (() => number) | undefined;
	if (isFunction(evaluateBadge) && isFunction(compactRules)) {
		const badge = evaluateBadge as (t: unknown, r: unknown, today: string) => Verdict;
		const compact = (compactRules as () => unknown)();
		figures.engine = {runs: [], engine: 'evaluateBadge, the badge fast path, with the compact rules'};
		time = () => {
			const start = performance.now();
			for (let i = 0; i < N; i++) stops += badge(mix[i % mix.length], compact, '2026-11-26').stops.length;
			return N / ((performance.now() - start) / 1000);
		};
	} else if (isFunction(evaluateTrip)) {
		const full = evaluateTrip as (t: unknown, r: unknown, o: {today: string}) => Verdict;
		figures.engine = {runs: [], engine: 'evaluateTrip with the full rules (no badge fast path in this commit)'};
		time = () => {
			const start = performance.now();
			for (let i = 0; i < N; i++) stops += full(mix[i % mix.length], rules, {today: '2026-11-26'}).stops.length;
			return N / ((performance.now() - start) / 1000);
		};
	} else unavailable.push('engine: neither evaluateBadge nor evaluateTrip');
	if (time && figures.engine) {
		time();
		for (let r = 0; r < 7; r++) figures.engine.runs.push(time());
		if (stops === 0) throw new Error('the bench mix has no mainland stop');
	}
	if (isFunction(detectDocument)) {
		const doc = parseHTML(fs.readFileSync(page, 'utf8')).document as unknown as Document;
		figures.detect = timeDetect(detectDocument as Detect<unknown>, doc, rules);
	} else unavailable.push('detectLargePageMs: no detectDocument in lib/detect');
	return figures;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
	const [dir, page] = process.argv.slice(2);
	if (!dir || !page) {
		console.error('usage (run by scripts/bench.ts): npx tsx scripts/bench-before.ts WORKTREE DETECT_PAGE');
		process.exit(2);
	}
	console.log(JSON.stringify(await childMain(path.resolve(dir), page)));
}
