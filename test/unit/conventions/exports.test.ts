/**
 * Conventions the code base keeps: every export of lib/ and components/ is used by another file (an export nobody
 * imports is dead code or a forgotten API), and no module is imported by a path outside the repository.
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {specifiersOf} from '../../../scripts/eslint/layers.mjs';

const ROOTS = ['lib', 'components', 'entrypoints', 'scripts', 'test', 'wxt.config.ts', 'vitest.config.ts', 'playwright.config.ts'];
const SOURCE = /\.(ts|tsx|mjs|js)$/;

function sourceFiles(entry: string): string[] {
	if (SOURCE.test(entry)) return [entry];
	return readdirSync(entry, {withFileTypes: true}).flatMap((e) => {
		const rel = path.join(entry, e.name);
		if (e.isDirectory()) return rel.startsWith(path.join('test', 'fixtures')) ? [] : sourceFiles(rel);
		return SOURCE.test(e.name) ? [rel] : [];
	});
}

const files = ROOTS.flatMap(sourceFiles);
const text = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));

/** Names a file exports by declaration (`export function x`, `export type X`, …) or in a local `export {…}` list. */
function exportedNames(source: string): string[] {
	const names = [
		...source.matchAll(
			/^export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|class|type|interface|enum)\s+([A-Za-z_$][\w$]*)/gm,
		),
	].map((m) => m[1]!);
	for (const m of source.matchAll(/^export\s+(?:type\s+)?\{([^}]*)\}(?!\s*from)/gm)) {
		for (const part of m[1]!.split(',')) {
			const name = part
				.replace(/^\s*type\s+/, '')
				.split(/\s+as\s+/)
				.at(-1)!
				.trim();
			if (name) names.push(name);
		}
	}
	return names;
}

describe('exports', () => {
	it('reads exported names', () => {
		expect(
			exportedNames('export function a() {}\nexport type B = 1;\nconst c = 1;\nexport {c, type D as E};\nexport {x} from "./y";'),
		).toEqual(['a', 'B', 'c', 'E']);
	});

	it('every export of lib/ and components/ is used by another file', () => {
		const dead: string[] = [];
		for (const [file, source] of text) {
			if (!file.startsWith('lib') && !file.startsWith('components')) continue;
			for (const name of exportedNames(source)) {
				const word = new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`);
				const used = [...text].some(([other, s]) => other !== file && word.test(s));
				if (!used) dead.push(`${file}: ${name}`);
			}
		}
		expect(dead).toEqual([]);
	});

	it('no module is imported from outside the repository', () => {
		const outside = [...text].flatMap(([file, source]) =>
			specifiersOf(source)
				.filter((s) => s.startsWith('.') && path.relative(process.cwd(), path.resolve(path.dirname(file), s)).startsWith('..'))
				.map((s) => `${file}: ${s}`),
		);
		expect(outside).toEqual([]);
	});
});
