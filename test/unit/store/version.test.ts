/**
 * The version is bumped in one place, package.json: WXT puts its `version` into both manifests unless wxt.config.ts
 * sets one (it must not), and CHANGELOG.md has a section for it, or an Unreleased one on the way to it.
 * test/e2e/store.spec.ts and test/firefox/icons.test.ts check the version in the built manifests.
 */
import fs from 'node:fs';
import {describe, expect, it} from 'vitest';
import config from '../../../wxt.config';

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {version: string};
const changelog = fs.readFileSync('CHANGELOG.md', 'utf8');

/** `## [1.2.3] - 2026-12-01` or `## [Unreleased]`: the bracketed names of the changelog's sections, in order. */
const sections = [...changelog.matchAll(/^## \[([^\]]+)\]/gm)].map((m) => m[1]!);
const released = sections.filter((s) => s !== 'Unreleased');

/** Compares plain MAJOR.MINOR.PATCH versions (all the stores take). */
function compare(a: string, b: string): number {
	const [x, y] = [a, b].map((v) => v.split('.').map(Number));
	for (let i = 0; i < 3; i++) if (x![i] !== y![i]) return x![i]! - y![i]!;
	return 0;
}

describe('the version', () => {
	it('is a plain MAJOR.MINOR.PATCH in package.json, as both stores require', () => {
		expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
	});

	it('comes from package.json: the config sets no version of its own for either browser', async () => {
		const manifest = config.manifest;
		expect(typeof manifest).toBe('function');
		for (const [browser, manifestVersion] of [
			['chrome', 3],
			['firefox', 2],
		] as const) {
			const env = {browser, manifestVersion, mode: 'production', command: 'build'} as const;
			const m = (await (manifest as (e: typeof env) => object | Promise<object>)(env)) as Record<string, unknown>;
			expect(m.version, browser).toBeUndefined();
			expect(m.version_name, browser).toBeUndefined();
		}
	});

	it('has a changelog section, or an Unreleased one on the way to it', () => {
		expect(
			sections.includes(pkg.version) || sections.includes('Unreleased'),
			`CHANGELOG.md: ## [${pkg.version}] or ## [Unreleased]`,
		).toBe(true);
	});

	it('is not behind the changelog: the newest released section is this version or an older one', () => {
		expect(released.length).toBeGreaterThan(0);
		for (const v of released) expect(v, `CHANGELOG.md section [${v}]`).toMatch(/^\d+\.\d+\.\d+$/);
		// Newest first, each section older than the one above it.
		for (let i = 1; i < released.length; i++) expect(compare(released[i - 1]!, released[i]!), released[i]).toBeGreaterThan(0);
		expect(
			compare(released[0]!, pkg.version),
			`package.json ${pkg.version} is older than CHANGELOG.md [${released[0]}]`,
		).toBeLessThanOrEqual(0);
		// Unreleased, when there is one, stands first.
		if (sections.includes('Unreleased')) expect(sections[0]).toBe('Unreleased');
	});
});
