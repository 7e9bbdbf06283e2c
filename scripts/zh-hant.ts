/**
 * The Chinese names the views show from data/ (the 240-hour areas, the schemes' names, the map's provinces and
 * prefectures, the divisions of the airport table), in traditional script: each whole name converted by OpenCC (cn →
 * tw), so each character in its context (烟台 → 煙臺, 台州 stays 台州). Only names that read differently are kept.
 * `npm run data:hant` writes it to data/zh-hant.json; a test fails while that file is stale. Airports' own names are
 * converted where the airport table is made (nameZhHant, scripts/generate-airports.ts).
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import * as OpenCC from 'opencc-js';

export const HANT_FILE = 'data/zh-hant.json';

const root = path.resolve(import.meta.dirname, '..');
const read = (file: string): unknown => JSON.parse(readFileSync(path.join(root, file), 'utf8'));

type Named = {nameZh?: string};

/** Every Chinese name the views may show in a reader's script. */
function namesShown(): string[] {
	const rules = read('data/transit-rules.json') as Record<'transit240Areas' | 'transitSchemes' | 'regionalVisaFree', Named[]>;
	const map = read('data/china-map.json') as {provinces: Named[]; prefectures: Record<string, string>};
	const airports = read('data/airports.json') as {divisions: Record<string, string>};
	const names = [
		...[...rules.transit240Areas, ...rules.transitSchemes, ...rules.regionalVisaFree, ...map.provinces].map((x) => x.nameZh),
		...Object.values(map.prefectures),
		...Object.values(airports.divisions),
	];
	return [...new Set(names.filter((n): n is string => typeof n === 'string'))].sort();
}

/** The file's text: simplified name → traditional, for the names that differ. */
export function hantFileText(): string {
	const toTaiwan = OpenCC.Converter({from: 'cn', to: 'tw'});
	const names: Record<string, string> = {};
	for (const name of namesShown()) {
		// OpenCC writes 签 as 籤 (a lot, a label) outside the phrases it knows (签证 → 簽證), as in 免签; in these names 签
		// is always a visa's: 簽, as the interface's own Traditional texts write it (免簽).
		const hant = toTaiwan(name).replaceAll('籤', '簽');
		if (hant !== name) names[name] = hant;
	}
	return `${JSON.stringify({generatedBy: 'scripts/zh-hant.ts (npm run data:hant)', upstream: ['opencc-js@1.4.2'], names}, null, '\t')}\n`;
}
