/**
 * `npm run bench -- --before REF` (scripts/bench-before.ts): an earlier commit's Node figures come from that commit's
 * own code, in a child process given its folder, and what it lacks is reported as not measured rather than measured
 * with other code; a ref that names no commit is refused before any worktree is made.
 */
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {beforeNodeFigures, prepareBefore} from '../../../scripts/bench-before';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const temp: string[] = [];
const tree = (files: Record<string, string>) => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctc-bench-before-test-'));
	temp.push(dir);
	for (const [file, text] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(dir, file)), {recursive: true});
		fs.writeFileSync(path.join(dir, file), text);
	}
	return dir;
};
afterAll(() => {
	for (const dir of temp) fs.rmSync(dir, {recursive: true, force: true});
});

describe('the earlier commit’s Node figures', () => {
	it('on this checkout’s own code: the badge fast path and the detection pipeline, 7 runs each', {timeout: 60_000}, () => {
		const figures = beforeNodeFigures(ROOT, ROOT);
		expect(figures.unavailable).toEqual([]);
		expect(figures.engine?.engine).toMatch(/^evaluateBadge/);
		expect(figures.engine?.runs).toHaveLength(7);
		expect(Math.min(...figures.engine!.runs)).toBeGreaterThan(0);
		expect(figures.detect).toHaveLength(7);
	});

	it('a commit without the fast path is timed with what it has (evaluateTrip), and says so', {timeout: 60_000}, () => {
		// The shape of the first release's lib: rules loaded, validated and evaluated; no badge-verdict.ts, no detector.
		const dir = tree({
			'lib/rules/load-rules.ts': 'export const loadRules = () => ({});\n',
			'lib/rules/validate.ts': 'export const validateTrip = (trip: unknown) => ({ok: true, trip});\n',
			'lib/rules/evaluate.ts': 'export const evaluateTrip = () => ({stops: [1]});\n',
		});
		const figures = beforeNodeFigures(ROOT, dir);
		expect(figures.engine?.engine).toMatch(/^evaluateTrip with the full rules/);
		expect(figures.engine?.runs).toHaveLength(7);
		expect(figures.detect).toBeUndefined();
		expect(figures.unavailable).toEqual(['detectLargePageMs: no detectDocument in lib/detect']);
	});

	it('a folder without the rules’ loader measures nothing and says why', {timeout: 60_000}, () => {
		const figures = beforeNodeFigures(ROOT, tree({'README.md': 'not this project\n'}));
		expect(figures.engine).toBeUndefined();
		expect(figures.detect).toBeUndefined();
		expect(figures.unavailable).toEqual(['engine and detection: no loadRules or validateTrip in lib/rules']);
	});
});

describe('the earlier commit', () => {
	it('a ref that names no commit is refused, and no worktree is left', () => {
		const worktrees = () => execFileSync('git', ['worktree', 'list', '--porcelain'], {cwd: ROOT, encoding: 'utf8'});
		const before = worktrees();
		expect(() => prepareBefore(ROOT, 'no-such-ref-ctc-bench')).toThrow('names no commit');
		expect(worktrees()).toBe(before);
	});
});
