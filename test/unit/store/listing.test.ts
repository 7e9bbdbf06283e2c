/**
 * The store listing texts (store/, see store/README.md): every language has every file, and each text fits the field
 * it is pasted into, so a text that grows too long fails here rather than at upload time.
 */
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';

/** Listing languages, and the public/_locales folder with the manifest's words in each. */
const LANGUAGES = {en: 'en', 'zh-CN': 'zh_CN', 'zh-TW': 'zh_TW'} as const;
const FILES = ['summary.txt', 'amo-summary.txt', 'description.txt', 'privacy-policy.md'] as const;

/** Limits of the stores' fields, in characters (code points: 中 counts as one, as both stores count it). */
const LIMITS = {
	name: 50, // AMO's; the Chrome Web Store allows 75
	summary: 132, // the manifest's description, which the Chrome Web Store shows as the summary and caps
	amoSummary: 250,
	description: 16_000, // the Chrome Web Store's; AMO takes more
};

function read(lang: string, file: string): string {
	return fs.readFileSync(path.join('store', lang, file), 'utf8');
}

function length(text: string): number {
	return [...text.trim()].length;
}

function manifestMessages(locale: string): Record<string, {message: string}> {
	return JSON.parse(fs.readFileSync(path.join('public', '_locales', locale, 'messages.json'), 'utf8')) as Record<
		string,
		{message: string}
	>;
}

describe.each(Object.entries(LANGUAGES))('store listing in %s', (lang, locale) => {
	it('has every file, none of them empty', () => {
		for (const file of FILES) {
			expect(fs.existsSync(path.join('store', lang, file)), `store/${lang}/${file}`).toBe(true);
			expect(read(lang, file).trim().length, `store/${lang}/${file}`).toBeGreaterThan(0);
		}
	});

	it('keeps the summary word for word the manifest description, within 132 characters', () => {
		const summary = read(lang, 'summary.txt').trim();
		expect(summary).not.toContain('\n');
		expect(summary).toBe(manifestMessages(locale).extDescription!.message);
		expect(length(summary)).toBeLessThanOrEqual(LIMITS.summary);
	});

	it('fits the name, the AMO summary and the description into their fields', () => {
		expect(length(manifestMessages(locale).extName!.message)).toBeLessThanOrEqual(LIMITS.name);
		const amo = read(lang, 'amo-summary.txt');
		expect(amo.trim()).not.toContain('\n');
		expect(length(amo)).toBeLessThanOrEqual(LIMITS.amoSummary);
		expect(length(read(lang, 'description.txt'))).toBeLessThanOrEqual(LIMITS.description);
	});

	it('writes the description as plain text (both stores show it as typed)', () => {
		const description = read(lang, 'description.txt');
		expect(description).not.toMatch(/<[a-z/][^>]*>/i);
		expect(description).not.toMatch(/^#{1,6} |\*\*|\]\(/m);
	});

	it('names every permission the manifest can ask for in the privacy policy', () => {
		const policy = read(lang, 'privacy-policy.md');
		for (const permission of ['storage', 'activeTab', 'scripting', 'contextMenus', 'alarms'])
			expect(policy, permission).toContain(permission);
	});
});

describe('store material shared by the languages', () => {
	it('justifies every permission the manifest can ask for, and the host permissions', () => {
		const practices = fs.readFileSync('store/chrome-privacy-practices.md', 'utf8');
		for (const heading of ['storage', 'activeTab', 'scripting', 'contextMenus', 'alarms', 'Host permissions'])
			expect(practices).toContain(`**${heading}**`);
	});

	it('keeps the README that says which file meets which requirement, and the reviewer notes', () => {
		for (const file of ['store/README.md', 'store/amo-reviewer-notes.md', 'store/screenshots/README.md'])
			expect(fs.existsSync(file), file).toBe(true);
	});
});
