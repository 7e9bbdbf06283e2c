/**
 * Two builds of the extension side by side on the bench page: `npx tsx scripts/bench-ab.ts DIR_A DIR_B [rounds]`,
 * each DIR a Chrome build folder (`CTC_OUT_DIR=.output-a npx wxt build` on one commit, `.output-b` on the other, then
 * `.output-a/chrome-mv3` and `.output-b/chrome-mv3`). The same profiled session as `npm run bench`'s third one, the
 * builds alternating (A B, B A, …) so the machine's load falls on both alike; prints each session's content-script
 * time (the `extensionMs` behind `extensionMsPer100Cards`) and start-up, and the medians. On a shared machine one
 * build against the other in one run says more than two runs of `npm run bench` an hour apart.
 *
 * A fourth argument, `trace`: sessions traced without the profiler, compared by the trace's time in the content script
 * (`tracedMsPer100Cards`' measure). The profiler slows code run for the first time most, so a change in how much code
 * is compiled, or when, reads larger under it than it is: compare such a change this way.
 */
import fs from 'node:fs';
import path from 'node:path';
import {profileFigures, runSession, tracedFigures} from './bench-browser.ts';
import {buildBenchPage} from './bench-page.ts';

const root = path.resolve(import.meta.dirname, '..');
const [dirA, dirB, roundsArg, mode = 'profile'] = process.argv.slice(2);
if (!dirA || !dirB || (mode !== 'profile' && mode !== 'trace')) {
	console.error('usage: npx tsx scripts/bench-ab.ts DIR_A DIR_B [rounds] [profile|trace]');
	process.exit(2);
}
const dirs = {A: path.resolve(dirA), B: path.resolve(dirB)};
const rounds = Number(roundsArg ?? 4);
const bench = buildBenchPage(root, {cards: 500, batch: 20, everyMs: 50, firstMs: 300});
const ms: Record<'A' | 'B', number[]> = {A: [], B: []};
const startup: Record<'A' | 'B', number[]> = {A: [], B: []};
const sampled: Record<'A' | 'B', number[]> = {A: [], B: []};
const median = (values: number[]) => {
	const s = [...values].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
for (let r = 0; r < rounds; r++) {
	for (const k of r % 2 ? (['B', 'A'] as const) : (['A', 'B'] as const)) {
		const manifest = JSON.parse(fs.readFileSync(path.join(dirs[k], 'manifest.json'), 'utf8')) as {content_scripts: {js?: string[]}[]};
		const scripts = manifest.content_scripts.flatMap((c) => c.js ?? []);
		const session = await runSession({extDir: dirs[k], html: bench.html, cards: 500, instrument: true, profiler: mode === 'profile'});
		if (mode === 'trace') {
			const figures = tracedFigures(session, scripts);
			ms[k].push(figures.extensionMs);
			startup[k].push(figures.startupMs);
			continue;
		}
		const figures = profileFigures(session, scripts);
		ms[k].push(figures.extensionMs);
		startup[k].push(figures.startupMs);
		sampled[k].push(figures.extensionSampledMs);
	}
	const counted = mode === 'profile' ? ` (samples counted: A ${sampled.A.at(-1)!.toFixed(1)}, B ${sampled.B.at(-1)!.toFixed(1)})` : '';
	console.log(`round ${r + 1} of ${rounds}: A ${ms.A.at(-1)!.toFixed(1)} ms, B ${ms.B.at(-1)!.toFixed(1)} ms${counted}`);
}
console.log(mode === 'trace' ? 'by the trace, without the profiler:' : 'by the profile:');
const [a, b] = [median(ms.A), median(ms.B)];
console.log(`extension ms, median: A ${a.toFixed(1)}, B ${b.toFixed(1)} (B/A ${(b / a).toFixed(2)})`);
if (mode === 'profile') {
	const [sa, sb] = [median(sampled.A), median(sampled.B)];
	console.log(`extension ms by samples counted, median: A ${sa.toFixed(1)}, B ${sb.toFixed(1)} (B/A ${(sb / sa).toFixed(2)})`);
}
console.log(`content-script start-up ms, median: A ${median(startup.A).toFixed(1)}, B ${median(startup.B).toFixed(1)}`);
