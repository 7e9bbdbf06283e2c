// @vitest-environment jsdom
/** The privacy policy page's text (components/PrivacyPolicy.tsx, lib/ui/markdown.ts) from the store listing's own files. */
import fs from 'node:fs';
import {afterEach, describe, expect, it} from 'vitest';
import {cleanup, render, screen} from '@testing-library/preact';
import {PrivacyPolicy} from '@/components/PrivacyPolicy';
import {inlines, markdownBlocks} from '@/lib/ui/markdown';

afterEach(cleanup);

describe('the markdown of the store documents', () => {
	it('reads headings, paragraphs joined across lines, lists with continued items, bold and code', () => {
		const blocks = markdownBlocks(
			'# Title\n\nOne line\nand the next.\n\n## Part\n\n- **storage**: to keep\n  your settings.\n- `GET` only',
		);
		expect(blocks).toEqual([
			{kind: 'h1', inlines: [{text: 'Title'}]},
			{kind: 'p', inlines: [{text: 'One line and the next.'}]},
			{kind: 'h2', inlines: [{text: 'Part'}]},
			{
				kind: 'ul',
				items: [
					[{text: 'storage', strong: true}, {text: ': to keep your settings.'}],
					[{text: 'GET', code: true}, {text: ' only'}],
				],
			},
		]);
	});

	it('never makes markup of what it reads', () => {
		expect(inlines('<img src=x onerror=alert(1)> **<b>**')).toEqual([
			{text: '<img src=x onerror=alert(1)> '},
			{text: '<b>', strong: true},
		]);
	});
});

describe('the privacy policy page', () => {
	it.each(['en', 'zh-CN', 'zh-TW'] as const)('shows the %s policy with its headings and no Markdown left over', (locale) => {
		render(<PrivacyPolicy source={fs.readFileSync(`store/${locale}/privacy-policy.md`, 'utf8')} locale={locale} />);
		expect(screen.getAllByRole('heading', {level: 1})).toHaveLength(1);
		expect(screen.getAllByRole('heading', {level: 2}).length).toBeGreaterThanOrEqual(3);
		expect(document.body.textContent).not.toMatch(/\*\*|^#|`/m);
		expect(document.querySelector('main')!.getAttribute('lang')).toBe(locale);
	});

	it('states what is sent in English: nothing, but the opt-in rules file', () => {
		render(<PrivacyPolicy source={fs.readFileSync('store/en/privacy-policy.md', 'utf8')} locale="en" />);
		expect(screen.getByRole('heading', {level: 1}).textContent).toBe('China Transit Check: privacy policy');
		expect(screen.getByRole('heading', {name: 'What it sends'})).toBeTruthy();
		expect(document.body.textContent).toContain('Rules updates (optional, off by default).');
	});
});
