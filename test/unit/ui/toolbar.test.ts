/** The toolbar button's look for a page (lib/ui/toolbar.ts) from its badges' summaries (lib/ui/page-summary.ts). */
import {describe, expect, it} from 'vitest';
import {toolbarVerdict} from '../../../lib/ui/page-summary';
import type {BadgeSummary} from '../../../lib/ui/summary';
import {toolbarLook} from '../../../lib/ui/toolbar';

const summary = (tone: BadgeSummary['tone'], fullText: string): BadgeSummary => ({tone, text: fullText, fullText, ariaLabel: '', icon: ''});

/** WCAG relative luminance and contrast, for the badge colours under white text. */
function contrastWithWhite(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((i) => {
		const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	const l = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
	return 1.05 / (l + 0.05);
}

describe('the toolbar button', () => {
	it('shows nothing for a page without a mainland connection', () => {
		expect(toolbarVerdict([])).toEqual({withStops: 0, tone: null, text: ''});
		expect(toolbarLook(toolbarVerdict([]), 'en')).toEqual({text: '', title: 'China Transit Check'});
	});

	it('counts the itineraries and names the best verdict in words, whatever the order', () => {
		const summaries = [
			summary('none', 'No visa-free route found'),
			summary('ok', '24h transit ✓ PEK'),
			summary('check', 'Check: 2 things'),
		];
		const verdict = toolbarVerdict(summaries);
		expect(verdict).toEqual({withStops: 3, tone: 'ok', text: '24h transit ✓ PEK'});
		expect(toolbarVerdict([...summaries].reverse())).toEqual(verdict);
		const look = toolbarLook(verdict, 'en');
		expect(look).toMatchObject({text: '3', title: 'China Transit Check: 3 via mainland China on this page · best: 24h transit ✓ PEK'});
		expect(toolbarLook(verdict, 'zh-TW').title).toBe('中國過境免簽查詢：本頁3個行程經停中國大陸 · 最佳：24h transit ✓ PEK');
	});

	it('gives each verdict its own colour, each readable under white text', () => {
		const colours = (['ok', 'check', 'passport', 'none'] as const).map(
			(tone) => toolbarLook({withStops: 1, tone, text: 'x'}, 'en').colour!,
		);
		expect(new Set(colours).size).toBe(4);
		for (const c of colours) expect(contrastWithWhite(c)).toBeGreaterThanOrEqual(4.5);
	});

	it('keeps the count short', () => {
		expect(toolbarLook({withStops: 1234, tone: 'ok', text: 'x'}, 'en').text).toBe('999+');
	});
});
