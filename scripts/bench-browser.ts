/**
 * The Chromium part of `npm run bench`: one scripted session on the bench page (scripts/bench-page.ts), and what is
 * read out of it. Everything is measured from outside the extension: the page observes its own cards, the CPU profile
 * and the trace come from the DevTools protocol. Nothing here depends on how the content script works.
 *
 * The session, the same with and without the extension: open a blank page on the same site (so the renderer, and
 * the profiler attached to it, stay when the bench page loads), go to the bench page, wait until its 500 cards are
 * in, wait 500 ms, scroll down 10,000 px (about 130 cards, 14 screens) at 3,000 px/s with a synthetic mouse-wheel
 * gesture (the compositor scrolls, as for a user), wait a second, read the page's records. Not to the end of the
 * list: with Google's CSS every repaint of this long list costs the main thread 100-400 ms on a 2-core machine
 * without a GPU, so a fast scroll through all 500 cards gives a handful of frames in which cards jump past the
 * viewport unseen. BENCH_SCROLL_SPEED and BENCH_SCROLL_PX change the scroll for experiments.
 */
import fs from 'node:fs';
import type {CDPSession} from '@playwright/test';
import {BENCH_URL} from './bench-page.ts';
import {extensionIdOf, launchChromium} from './chromium.ts';

/** A same-site page outside the content script's matches: the renderer the bench page will use. */
const START_URL = 'https://www.google.com/bench-start';
/** How fast the scripted user scrolls through the results, px per second, and how far (px; at most to the end). */
const SCROLL_PX_PER_S = Number(process.env.BENCH_SCROLL_SPEED ?? 3000);
const SCROLL_PX = Number(process.env.BENCH_SCROLL_PX ?? 10_000);
/** Profiler sampling interval, µs (BENCH_SAMPLING_US for a closer look; finer sampling slows the page more). */
const SAMPLING_US = Number(process.env.BENCH_SAMPLING_US ?? 500);
export const LONG_TASK_MS = 50;

/** The animation-frame counter, installed before any page script runs (a string: the page gets it verbatim). */
const FRAME_COUNTER = `(() => {
	if (window.__bench) return;
	const B = (window.__bench = {frame: 0, frameStart: []});
	const tick = () => { B.frame++; B.frameStart.push(performance.now()); requestAnimationFrame(tick); };
	requestAnimationFrame(tick);
})();`;

export type CardRecords = {
	china: number[];
	insertTime: number[];
	paintFrame: number[];
	paintTime: number[];
	zoneFrame: number[];
	zoneTime: number[];
	badgeFrame: number[];
	badgeTime: number[];
	added: number[];
};
type PageRecords = {
	frame: number;
	/** performance.now() at each frame's counter tick (frame n at index n - 1). */
	frameStart: number[];
	lastTime: number;
	inserted: number;
	longTasks: number[];
	cards: CardRecords;
	/** `<html>` attributes whose value reads "n/m" (the end-to-end build's found counts), by name. */
	counts: Record<string, string>;
	/** Badge hosts marked by the end-to-end build. */
	testBadges: number;
};

export type SessionResult = {
	page: PageRecords;
	/**
	 * Over the bench page's life (Performance.getMetrics deltas): the renderer main thread's task time (wall clock),
	 * its CPU time (ThreadTime), and its JavaScript time.
	 */
	taskMs: number;
	threadMs: number;
	scriptMs: number;
	heapMb: number;
	extensionId?: string;
	profile?: Profile;
	trace?: TraceEvent[];
};

/** The parts of a DevTools CPU profile read here (Profiler.Profile). */
type Profile = {
	nodes: {id: number; callFrame: {functionName: string; url: string}; children?: number[]}[];
	startTime: number;
	endTime: number;
	samples?: number[];
	timeDeltas?: number[];
};

export type TraceEvent = {
	name: string;
	cat: string;
	ph: string;
	ts: number;
	dur?: number;
	pid: number;
	tid: number;
	/** Thread (CPU) duration of a complete event, µs. */
	tdur?: number;
	args?: {name?: string; fileName?: string; data?: {url?: string}};
};

type SessionOptions = {
	extDir?: string;
	html: string;
	cards: number;
	/** Record a trace (and, unless `profiler` is false, a CPU profile) of the bench page's life. */
	instrument: boolean;
	/** With `instrument`: the CPU profile too (default). Without it, the trace alone, which costs the page far less. */
	profiler?: boolean;
	/**
	 * Loads of the bench page before the measured one, in the same browser (default none): a traveller's second
	 * results page, which may find the content script's compiled code in the browser's code cache.
	 */
	warmLoads?: number;
};

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
	const {metrics: list} = await cdp.send('Performance.getMetrics');
	return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

export async function runSession({
	extDir,
	html,
	cards,
	instrument,
	profiler = true,
	warmLoads = 0,
}: SessionOptions): Promise<SessionResult> {
	const browser = await launchChromium({extDir, profilePrefix: 'ctc-bench-'});
	const {context} = browser;
	try {
		await context.route('https://www.google.com/**', (r) =>
			r.fulfill({
				status: 200,
				contentType: 'text/html; charset=utf-8',
				body: r.request().url().startsWith('https://www.google.com/travel/flights') ? html : '<!doctype html><title>start</title>',
			}),
		);
		const extensionId = extDir ? await extensionIdOf(context) : undefined;
		await context.addInitScript({content: FRAME_COUNTER});
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		for (let i = 0; i < warmLoads; i++) {
			await page.goto(BENCH_URL);
			await page.waitForFunction(`window.__bench.inserted >= ${cards}`, undefined, {timeout: 120_000});
			await page.waitForTimeout(500);
		}
		await page.goto(START_URL);
		await cdp.send('Performance.enable');
		const before = await metrics(cdp);
		const trace: TraceEvent[] = [];
		let traced: Promise<unknown> | undefined;
		if (instrument && profiler) {
			await cdp.send('Profiler.enable');
			await cdp.send('Profiler.setSamplingInterval', {interval: SAMPLING_US});
			await cdp.send('Profiler.start');
		}
		if (instrument) {
			cdp.on('Tracing.dataCollected', (e) => void trace.push(...(e.value as unknown as TraceEvent[])));
			traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
			await cdp.send('Tracing.start', {
				transferMode: 'ReportEvents',
				traceConfig: {
					recordMode: 'recordAsMuchAsPossible',
					includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', '__metadata'],
				},
			});
		}
		await page.goto(BENCH_URL);
		await page.waitForFunction(`window.__bench.inserted >= ${cards}`, undefined, {timeout: 120_000});
		await page.waitForTimeout(500);
		const distance = Math.min(SCROLL_PX, Number(await page.evaluate('document.documentElement.scrollHeight - innerHeight')));
		await cdp.send('Input.synthesizeScrollGesture', {
			x: 640,
			y: 360,
			yDistance: -distance,
			speed: SCROLL_PX_PER_S,
			gestureSourceType: 'mouse',
			preventFling: true,
		});
		await page.waitForTimeout(1000);
		const records = (await page.evaluate(`(() => {
			const B = window.__bench;
			const counts = {};
			for (const a of document.documentElement.attributes) if (/^\\d+\\/\\d+$/.test(a.value)) counts[a.name] = a.value;
			return {frame: B.frame, frameStart: B.frameStart, lastTime: performance.now(), inserted: B.inserted, longTasks: B.longTasks, cards: B.cards, counts,
				testBadges: document.querySelectorAll('[data-ctc-badge]').length};
		})()`)) as PageRecords;
		let profile: Profile | undefined;
		if (instrument && profiler) {
			profile = (await cdp.send('Profiler.stop')).profile;
			// BENCH_PROFILE_OUT=file.cpuprofile: the profiled session's CPU profile, for DevTools or a closer look.
			if (process.env.BENCH_PROFILE_OUT) fs.writeFileSync(process.env.BENCH_PROFILE_OUT, JSON.stringify(profile));
		}
		if (instrument) {
			await cdp.send('Tracing.end');
			await traced;
		}
		await cdp.send('HeapProfiler.collectGarbage');
		const after = await metrics(cdp);
		const delta = (name: string) => (after[name] ?? 0) - (before[name] ?? 0);
		return {
			page: records,
			taskMs: delta('TaskDuration') * 1000,
			threadMs: delta('ThreadTime') * 1000,
			scriptMs: delta('ScriptDuration') * 1000,
			heapMb: (after.JSHeapUsedSize ?? 0) / 1_048_576,
			...(extensionId ? {extensionId} : {}),
			...(profile ? {profile} : {}),
			...(instrument ? {trace} : {}),
		};
	} finally {
		await browser.close();
	}
}

// ---- what the page saw ------------------------------------------------------------------------------------------

export type BadgeTimes = {frames: number[]; ms: number[]; missing: number; unexpected: number; nearViewport: number; badges: number};

/**
 * For each card that connects in mainland China and came within one screen of the viewport: from the first frame it
 * was painted there (its insertion frame when it arrived on screen, else the frame scrolling brought it near) to the
 * first frame that painted its badge; 0 when the badge was there before. A badge that never came counts as the
 * session's remaining frames. `unexpected`: cards without a mainland stop that got something added.
 */
export function badgeTimes(page: PageRecords): BadgeTimes {
	const c = page.cards;
	const out: BadgeTimes = {frames: [], ms: [], missing: 0, unexpected: 0, nearViewport: 0, badges: 0};
	for (let i = 0; i < c.china.length; i++) {
		if (c.badgeFrame[i]! >= 0) out.badges++;
		if (c.zoneFrame[i]! >= 0) out.nearViewport++;
		if (!c.china[i]) {
			if (c.badgeFrame[i]! >= 0) out.unexpected++;
			continue;
		}
		if (c.zoneFrame[i]! < 0 || c.paintFrame[i]! < 0) continue;
		const fromZone = c.zoneFrame[i]! > c.paintFrame[i]!;
		const startFrame = fromZone ? c.zoneFrame[i]! : c.paintFrame[i]!;
		const startTime = fromZone ? c.zoneTime[i]! : c.paintTime[i]!;
		if (c.badgeFrame[i]! < 0) {
			out.missing++;
			out.frames.push(page.frame - startFrame);
			out.ms.push(page.lastTime - startTime);
		} else {
			out.frames.push(Math.max(0, c.badgeFrame[i]! - startFrame));
			out.ms.push(Math.max(0, c.badgeTime[i]! - startTime));
		}
	}
	return out;
}

// ---- profile and trace ------------------------------------------------------------------------------------------

const isExtensionUrl = (url: string | undefined) => !!url && url.startsWith('chrome-extension://');

type Samples = {at: number[]; ms: number[]; extension: boolean[]; extensionSelf: boolean[]};

/**
 * The profile's samples with their duration (time to the next sample) and whether the extension was running: a frame
 * from a chrome-extension:// script anywhere on the sampled stack (its own code and what it called synchronously: DOM
 * calls, forced style and layout), and, stricter, the sampled function itself being the extension's.
 */
function samplesOf(profile: Profile): Samples {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
	const inExtension = new Map<number, boolean>();
	const extensionOnStack = (id: number): boolean => {
		const known = inExtension.get(id);
		if (known !== undefined) return known;
		const node = byId.get(id);
		const up = parent.get(id);
		const value = isExtensionUrl(node?.callFrame.url) || (up !== undefined && extensionOnStack(up));
		inExtension.set(id, value);
		return value;
	};
	const samples = profile.samples ?? [];
	const deltas = profile.timeDeltas ?? [];
	const out: Samples = {at: [], ms: [], extension: [], extensionSelf: []};
	let t = profile.startTime;
	for (let i = 0; i < samples.length; i++) {
		t += deltas[i] ?? 0;
		const next = i + 1 < samples.length ? t + (deltas[i + 1] ?? 0) : profile.endTime;
		out.at.push(t);
		out.ms.push(Math.max(0, next - t) / 1000);
		out.extension.push(extensionOnStack(samples[i]!));
		out.extensionSelf.push(isExtensionUrl(byId.get(samples[i]!)?.callFrame.url));
	}
	return out;
}

export type ProfileFigures = {
	extensionMs: number;
	extensionSelfMs: number;
	/**
	 * The extension's samples counted, times the profile's median interval between samples. A sample's duration is
	 * the time to the next one; on a shared machine the renderer is sometimes off its core between two samples, and that
	 * wait falls on whatever function was sampled (about a fifth of the page's own sampled time as well as the
	 * extension's here, in gaps over 1 ms where the sampler asks every 0.5 ms). Counting samples leaves those waits out:
	 * closer to the CPU time the extension took, and steadier from run to run. Beside extensionMs, not instead of it.
	 */
	extensionSampledMs: number;
	/** The median interval between samples, in ms. */
	samplingMs: number;
	longTasks: number;
	longTasksFromExtension: number;
	/** Long tasks in which the extension ran at all (it may have caused the rest: a badge makes the page repaint). */
	longTasksWithExtensionCode: number;
	startupMs: number;
	startupWallMs: number;
};

/**
 * From the instrumented session: the extension's main-thread time (profile), the long tasks on the page's main thread
 * (trace `RunTask` events over 50 ms) and how many of them the extension took most of (profile samples inside the
 * task's span: the profile and the trace share the monotonic clock), and the content script's start-up (the trace's
 * `EvaluateScript` of each content-script file: its compile and top-level run; in thread time, which the trace
 * records beside the wall-clock duration, so a core taken by another process does not count).
 */
export function profileFigures(result: SessionResult, contentScripts: string[]): ProfileFigures {
	const {profile, trace = [], extensionId} = result;
	if (!profile || !extensionId) throw new Error('bench: the instrumented session has no profile');
	const s = samplesOf(profile);
	const sum = (pick: boolean[]) => s.ms.reduce((n, ms, i) => n + (pick[i] ? ms : 0), 0);
	const urls = new Set(contentScripts.map((f) => `chrome-extension://${extensionId}/${f}`));
	const scriptOf = (e: TraceEvent) => e.args?.data?.url ?? e.args?.fileName;
	// The page's main thread: where the content script was evaluated.
	const evaluations = trace.filter((e) => e.ph === 'X' && e.name === 'EvaluateScript' && urls.has(scriptOf(e) ?? ''));
	const first = evaluations[0] ?? trace.find((e) => e.ph === 'X' && e.name === 'v8.compile' && urls.has(scriptOf(e) ?? ''));
	if (!first) throw new Error('bench: the trace holds no evaluation of the content script');
	const onMain = (e: TraceEvent) => e.pid === first.pid && e.tid === first.tid;
	// Thread time where the trace has it: the CPU the main thread spent, not the time it waited for a core.
	const cpu = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;
	const wall = (e: TraceEvent) => (e.dur ?? 0) / 1000;
	let startup = evaluations.filter(onMain);
	if (startup.length === 0) {
		startup = trace.filter(
			(e) => onMain(e) && e.ph === 'X' && (e.name === 'v8.compile' || e.name === 'v8.run') && urls.has(scriptOf(e) ?? ''),
		);
	}
	const startupMs = startup.reduce((n, e) => n + cpu(e), 0);
	const startupWallMs = startup.reduce((n, e) => n + wall(e), 0);
	// Top-level tasks only (a nested run loop would show a task inside a task).
	const tasks = trace.filter((e) => onMain(e) && e.ph === 'X' && e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
	const top: TraceEvent[] = [];
	let end = -Infinity;
	for (const task of tasks) {
		if (task.ts < end) continue;
		top.push(task);
		end = task.ts + (task.dur ?? 0);
	}
	const long = top.filter((task) => (task.dur ?? 0) / 1000 > LONG_TASK_MS);
	let fromExtension = 0;
	let withExtensionCode = 0;
	let i = 0;
	for (const task of long) {
		const from = task.ts;
		const to = task.ts + (task.dur ?? 0);
		while (i < s.at.length && s.at[i]! < from) i++;
		let ms = 0;
		for (let k = i; k < s.at.length && s.at[k]! < to; k++) if (s.extension[k]) ms += s.ms[k]!;
		if (ms > (task.dur ?? 0) / 1000 / 2) fromExtension++;
		if (ms > 0) withExtensionCode++;
	}
	const intervals = s.ms.filter((ms) => ms > 0).sort((a, b) => a - b);
	const samplingMs = intervals[Math.floor(intervals.length / 2)] ?? 0;
	return {
		extensionMs: sum(s.extension),
		extensionSelfMs: sum(s.extensionSelf),
		extensionSampledMs: s.extension.filter(Boolean).length * samplingMs,
		samplingMs,
		longTasks: long.length,
		longTasksFromExtension: fromExtension,
		longTasksWithExtensionCode: withExtensionCode,
		startupMs,
		startupWallMs,
	};
}

export type TracedFigures = {
	/** The content script's main-thread time: thread time of the browser's calls into it, its start-up included. */
	extensionMs: number;
	/** Its start-up alone (the trace's EvaluateScript of its files). */
	startupMs: number;
	/** How many calls into it the trace holds. */
	calls: number;
};

/**
 * From a traced session (with or without the profiler): the content script's main-thread time as the trace records
 * it. The browser wraps each call into a script (a callback of an observer, a timer, an idle callback, an event
 * listener) in a `FunctionCall` event that names the script of the function called, and each script's first run in
 * `EvaluateScript`; the outermost of those naming a content-script file are summed, in thread time. That holds the
 * synchronous work those calls cause (DOM calls, forced style and layout, compilation, garbage collection that falls
 * in them), like the profile's figure, but needs no profiler: the profiler slows the page's code, and most of all code
 * run for the first time (it records every function the engine compiles), so a session without it is the closer one.
 * A promise continuation run outside such a call is not counted; in a profiled session the two figures agreed within
 * about a tenth, either way (2026-12), so little runs that way.
 */
export function tracedFigures(result: SessionResult, contentScripts: string[]): TracedFigures {
	const {trace = [], extensionId} = result;
	if (!extensionId) throw new Error('bench: the traced session has no extension');
	const urls = new Set(contentScripts.map((f) => `chrome-extension://${extensionId}/${f}`));
	const scriptOf = (e: TraceEvent) => e.args?.data?.url ?? e.args?.fileName ?? '';
	const calls = trace
		.filter((e) => e.ph === 'X' && (e.name === 'FunctionCall' || e.name === 'EvaluateScript') && urls.has(scriptOf(e)))
		.sort((a, b) => a.ts - b.ts);
	const first = calls.find((e) => e.name === 'EvaluateScript');
	if (!first) throw new Error('bench: the trace holds no evaluation of the content script');
	let end = -Infinity;
	let extensionMs = 0;
	let startupMs = 0;
	let count = 0;
	for (const e of calls) {
		if (e.pid !== first.pid || e.tid !== first.tid || e.ts < end) continue; // another thread, or inside a counted call
		end = e.ts + (e.dur ?? 0);
		const ms = (e.tdur ?? e.dur ?? 0) / 1000;
		extensionMs += ms;
		if (e.name === 'EvaluateScript') startupMs += ms;
		count++;
	}
	return {extensionMs, startupMs, calls: count};
}

/** The end-to-end build's count of itineraries read on the page (`<html data-…-found="itineraries/withStops">`). */
export function foundCounts(page: PageRecords): {itineraries: number; withStops: number; attribute: string} | undefined {
	const entry = Object.entries(page.counts).find(([name]) => name.includes('found'));
	if (!entry) return undefined;
	const [itineraries, withStops] = entry[1].split('/').map(Number) as [number, number];
	return {itineraries, withStops, attribute: entry[0]};
}
