/**
 * `npm test` ends with the failed tests by name (scripts/test-failures.mjs), read from the reports vitest and Playwright
 * really write: a run of a few tests made to fail, in a folder of its own inside the project (so it finds the
 * project's test runners), each report read as scripts/test-all.mjs reads it.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {firstLine, playwrightFailures, vitestFailures} from '../../../scripts/test-failures.mjs';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const dir = fs.mkdtempSync(path.join(ROOT, '.test-failures-'));
afterAll(() => fs.rmSync(dir, {recursive: true, force: true}));

function write(files: Record<string, string>) {
	for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
}

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));

describe('the failed tests named at the end of npm test', () => {
	it('from a vitest report: each failed test with its file and the first line of its error, and a file that did not load', () => {
		write({
			'vitest.config.mjs': 'export default {test: {include: ["*.check.mjs"]}};\n',
			'a.check.mjs': [
				'import {describe, expect, it} from "vitest";',
				'describe("outer", () => {',
				'  it("passes", () => expect(1).toBe(1));',
				'  it("fails here", () => expect("PEK").toBe("PKX"));',
				'});',
				'',
			].join('\n'),
			'b.check.mjs': 'throw new Error("no such module, line one\\nline two");\n',
		});
		const r = spawnSync(
			path.join(ROOT, 'node_modules/.bin/vitest'),
			['run', '--root', dir, '--reporter=json', '--outputFile.json=report.json'],
			{cwd: dir, encoding: 'utf8'},
		);
		expect(r.status).toBe(1);
		const lines = vitestFailures('unit', readJson('report.json'), dir);
		expect(lines).toHaveLength(2);
		expect(lines).toContainEqual(
			expect.stringMatching(/^unit: a\.check\.mjs > outer fails here: AssertionError: expected 'PEK' to be 'PKX'/),
		);
		expect(lines).toContainEqual('unit: b.check.mjs: no such module, line one');
	}, 60_000);

	it('from a Playwright report: each failed test with its file, its describe and the first line of its error', () => {
		write({
			'pw.config.mjs': 'export default {testDir: ".", testMatch: "*.pw.mjs", reporter: "json", workers: 1};\n',
			'c.pw.mjs': [
				'import {expect, test} from "@playwright/test";',
				'test.describe("badge", () => {',
				'  test("passes", () => expect(1).toBe(1));',
				'  test("is painted", () => expect("none").toBe("painted"));',
				'});',
				'',
			].join('\n'),
		});
		const r = spawnSync(path.join(ROOT, 'node_modules/.bin/playwright'), ['test', '--config', 'pw.config.mjs'], {
			cwd: dir,
			encoding: 'utf8',
			env: {...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(dir, 'pw.json')},
		});
		expect(r.status).toBe(1);
		const lines = playwrightFailures('e2e', readJson('pw.json'));
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(/^e2e: c\.pw\.mjs > badge > is painted \(unexpected\): Error: expect\(received\)\.toBe\(expected\)/);
	}, 60_000);

	it('a report of another shape, or none, gives no line; a message gives its first line without colours', () => {
		for (const report of [undefined, null, {}, {testResults: 'x'}, {suites: [{specs: [{tests: [null]}]}]}]) {
			expect(vitestFailures('unit', report)).toEqual([]);
			expect(playwrightFailures('e2e', report)).toEqual([]);
		}
		expect(firstLine('\n\u001b[31mexpected 1\u001b[39m to be 2\nat line 3')).toBe('expected 1 to be 2');
		expect(firstLine(undefined)).toBe('no message');
	});
});
