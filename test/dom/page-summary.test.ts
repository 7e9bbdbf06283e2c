/**
 * The page-level badge's words (lib/ui/page-summary.ts): the weakest itinerary speaks for the page, with the count in
 * front when there are several, in the reader's language.
 */
import {describe, expect, it} from 'vitest';
import {pageSummary} from '../../lib/ui/page-summary';
import type {BadgeSummary} from '../../lib/ui/summary';

const summary = (tone: BadgeSummary['tone'], text: string, icon = ''): BadgeSummary => ({
	tone,
	text,
	fullText: text,
	ariaLabel: text,
	icon,
});

describe('page summary', () => {
	it('says nothing without an itinerary that stops in the mainland', () => {
		expect(pageSummary([], 'en')).toBeUndefined();
	});

	it('one itinerary: its own words, and an accessible name for the page without the ✓', () => {
		expect(pageSummary([summary('ok', '24h transit ✓ PEK')], 'en')).toEqual({
			tone: 'ok',
			icon: '',
			text: '24h transit ✓ PEK',
			fullText: '24h transit ✓ PEK',
			ariaLabel: 'China transit check for the results on this page: 24h transit PEK. Open details.',
		});
	});

	it('several: the count, and the weakest of them (English)', () => {
		const compact = {...summary('ok', '✓ 24h'), fullText: '24h transit ✓ PEK'};
		const page = pageSummary([compact, summary('passport', 'Set your passport', '🛂'), summary('check', 'Check: 2 things', '?')], 'en');
		expect(page).toEqual({
			tone: 'passport',
			icon: '🛂',
			text: '3 via China · Set your passport',
			fullText: '3 via China · Set your passport',
			ariaLabel: 'China transit check for the results on this page: 3 via China, Set your passport. Open details.',
		});
		// The short text follows the badge's detail level; the accessible name is built from the full one, with a comma
		// where the pill has its dot (a screen reader may say "middle dot"), and without the ✓.
		expect(pageSummary([compact, compact], 'en')).toMatchObject({
			text: '2 via China · ✓ 24h',
			fullText: '2 via China · 24h transit ✓ PEK',
			ariaLabel: 'China transit check for the results on this page: 2 via China, 24h transit PEK. Open details.',
		});
	});

	it('several, in Simplified Chinese', () => {
		const page = pageSummary([summary('ok', '24小时过境 ✓ PEK'), summary('none', '未找到免签方案', '✗')], 'zh-CN');
		expect(page).toEqual({
			tone: 'none',
			icon: '✗',
			text: '2个行程经停中国 · 未找到免签方案',
			fullText: '2个行程经停中国 · 未找到免签方案',
			ariaLabel: '本页结果的中国过境查询：2个行程经停中国，未找到免签方案。打开详情。',
		});
		expect(pageSummary([summary('ok', '24小时过境 ✓ PEK')], 'zh-CN')?.ariaLabel).toBe(
			'本页结果的中国过境查询：24小时过境 PEK。打开详情。',
		);
	});
	it('flights left out of the page’s itineraries: a note after the verdict, in the pill and its accessible name', () => {
		expect(pageSummary([summary('none', 'No visa-free route found', '✗')], 'en', 1)).toEqual({
			tone: 'none',
			icon: '✗',
			text: 'No visa-free route found',
			note: '· 1 flight not checked',
			fullText: 'No visa-free route found · 1 flight not checked',
			ariaLabel: 'China transit check for the results on this page: No visa-free route found, 1 flight not checked. Open details.',
		});
		const compact = {...summary('ok', '✓ 24h'), fullText: '24h transit ✓ PEK'};
		expect(pageSummary([compact, compact], 'en', 3)).toMatchObject({
			text: '2 via China · ✓ 24h',
			note: '· 3 flights not checked',
			fullText: '2 via China · 24h transit ✓ PEK · 3 flights not checked',
			ariaLabel:
				'China transit check for the results on this page: 2 via China, 24h transit PEK, 3 flights not checked. Open details.',
		});
		expect(pageSummary([summary('check', '需核实：1项', '?')], 'zh-CN', 2)).toMatchObject({
			note: '· 2个航班未核查',
			fullText: '需核实：1项 · 2个航班未核查',
			ariaLabel: '本页结果的中国过境查询：需核实：1项，2个航班未核查。打开详情。',
		});
		expect(pageSummary([summary('check', '需核實：1項', '?')], 'zh-TW', 1)?.ariaLabel).toBe(
			'本頁結果的中國過境查詢：需核實：1項，1個航班未核查。打開詳情。',
		);
		// Nothing left out: no note.
		expect(pageSummary([summary('none', 'No visa-free route found', '✗')], 'en', 0)).not.toHaveProperty('note');
	});
});
