/**
 * The layer rules of eslint.config.js (docs/architecture.md) really bite: a forbidden import in a file of each layer
 * is reported, an allowed one is not, and the repository's import graph has no cycle.
 */
import {ESLint} from 'eslint';
import {describe, expect, it} from 'vitest';
import {cycles, importGraph} from '../../../scripts/eslint/layers.mjs';

const eslint = new ESLint({cwd: process.cwd()});

async function layerErrors(filePath: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, {filePath});
	return result!.messages.filter((m) => m.ruleId?.startsWith('layers/') || m.ruleId === 'no-restricted-globals').map((m) => m.message);
}

describe('layer rules', () => {
	it.each([
		['lib/rules/probe.ts', "import {t} from '../i18n/messages';", 'rules (the engine) may not import i18n'],
		['lib/rules/probe.ts', "import {summarize} from '@/lib/ui/summary';", 'rules may not import ui'],
		['lib/rules/probe.ts', "import {adapters} from '../adapters';", 'rules may not import adapters'],
		['lib/extract/probe.ts', "import type {SiteAdapter} from '../adapters/types';", 'parsers may not import adapters'],
		['lib/extract/probe.ts', "import {startScanner} from '../scan/scanner';", 'parsers may not import scan'],
		['lib/adapters/probe.ts', "import {loadRules} from '../rules/load-rules';", 'adapters may not load rules'],
		['lib/adapters/probe.ts', "import {detectDocument} from '../detect';", 'adapters may not import the pipeline'],
		['lib/airports/probe.ts', "import {bundledRules} from '../rules/rule-set';", 'the airport table sits below the rules'],
		['lib/ui/probe.ts', "import {render} from 'preact';", 'view-models hold no views'],
		['lib/ui/probe.ts', "import {browser} from '#imports';", 'only lib/browser reaches extension APIs'],
		['lib/scan/probe.ts', 'export const id = () => browser.runtime.id;', 'no extension globals outside lib/browser'],
		['components/probe.tsx', "import x from '@/entrypoints/popup/App';", 'views do not import entry points'],
	])('%s: %s is refused (%s)', async (file, code) => {
		expect(await layerErrors(file, code)).not.toEqual([]);
	});

	it.each([
		['lib/rules/probe.ts', "import type {SegmentInput} from '../itinerary';"],
		['lib/extract/probe.ts', "import {resolveAirport} from '../airports';"],
		['lib/detect/probe.ts', "import {adapterFor} from '../adapters';"],
		['lib/ui/probe.ts', "import {t} from '../i18n/messages';"],
		['lib/browser/probe.ts', "import {browser} from '#imports';"],
		['entrypoints/probe.ts', "import {startScanner} from '@/lib/scan/scanner';"],
	])('%s: %s is allowed', async (file, code) => {
		expect(await layerErrors(file, code)).toEqual([]);
	});

	it('finds import cycles', () => {
		const graph = new Map([
			['a.ts', ['b.ts']],
			['b.ts', ['c.ts']],
			['c.ts', ['a.ts', 'd.ts']],
			['d.ts', []],
			['e.ts', ['e.ts']],
		]);
		expect(cycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
	});

	it('the code base has no import cycle', () => {
		const graph = importGraph(process.cwd(), ['lib', 'components', 'entrypoints']);
		expect(graph.size).toBeGreaterThan(80);
		expect(graph.get('lib/detect/index.ts')).toContain('lib/adapters/index.ts');
		expect(cycles(graph)).toEqual([]);
	});
});
