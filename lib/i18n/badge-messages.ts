/**
 * What a badge and its popover say before the details arrive, in English, Simplified and Traditional Chinese: the only
 * strings the content script carries (the rest of ./messages.ts, which includes these, is for the extension's pages
 * and the details the background writes).
 */
import {fill} from './fill';
import type {Locale} from './locale';

export const BADGE_MESSAGES = {
	badge24: {en: '24h transit ✓ {airport}', 'zh-CN': '24小时过境 ✓ {airport}', 'zh-TW': '24小時過境 ✓ {airport}'},
	badge240: {en: '{hours}h visa-free ✓ until {date}', 'zh-CN': '{hours}小时免签 ✓ 至{date}', 'zh-TW': '{hours}小時免簽 ✓ 至{date}'},
	badgeVisaFree: {en: 'Visa-free entry ✓ until {date}', 'zh-CN': '免签入境 ✓ 至{date}', 'zh-TW': '免簽入境 ✓ 至{date}'},
	// Without the day of arrival (a page that states only the layover's length) there is no date to give.
	badge240NoDate: {en: '{hours}h visa-free ✓', 'zh-CN': '{hours}小时免签 ✓', 'zh-TW': '{hours}小時免簽 ✓'},
	badgeVisaFreeNoDate: {en: 'Visa-free entry ✓', 'zh-CN': '免签入境 ✓', 'zh-TW': '免簽入境 ✓'},
	badgeCheck: {en: 'Check: {count} things', 'zh-CN': '需核实：{count}项', 'zh-TW': '需核實：{count}項'},
	badgeCheckOne: {en: 'Check: 1 thing', 'zh-CN': '需核实：1项', 'zh-TW': '需核實：1項'},
	compact24: {en: '✓ 24h', 'zh-CN': '✓ 24小时', 'zh-TW': '✓ 24小時'},
	compact240: {en: '✓ {hours}h', 'zh-CN': '✓ {hours}小时', 'zh-TW': '✓ {hours}小時'},
	compactVisaFree: {en: '✓ Visa-free', 'zh-CN': '✓ 免签', 'zh-TW': '✓ 免簽'},
	compactCheck: {en: 'Check', 'zh-CN': '需核实', 'zh-TW': '需核實'},
	compactPassport: {en: 'Passport?', 'zh-CN': '护照？', 'zh-TW': '護照？'},
	compactNone: {en: 'No visa-free', 'zh-CN': '无免签', 'zh-TW': '無免簽'},
	detailPassport: {en: '{passport} passport', 'zh-CN': '{passport}护照', 'zh-TW': '{passport}護照'},
	badgeSetPassport: {en: 'Set your passport', 'zh-CN': '请设置护照', 'zh-TW': '請設定護照'},
	badgeNone: {en: 'No visa-free route found', 'zh-CN': '未找到免签方案', 'zh-TW': '未找到免簽方案'},
	badgeAria: {
		en: 'China transit check for this itinerary: {summary}. Open details.',
		'zh-CN': '本行程的中国过境查询：{summary}。打开详情。',
		'zh-TW': '本行程的中國過境查詢：{summary}。打開詳情。',
	},
	badgeAriaPage: {
		en: 'China transit check for the results on this page: {summary}. Open details.',
		'zh-CN': '本页结果的中国过境查询：{summary}。打开详情。',
		'zh-TW': '本頁結果的中國過境查詢：{summary}。打開詳情。',
	},
	badgePage: {
		en: '{count} via China · {summary}',
		'zh-CN': '{count}个行程经停中国 · {summary}',
		'zh-TW': '{count}個行程經停中國 · {summary}',
	},
	// The same in the badge's accessible name: a comma where the pill has a dot, which some screen readers name.
	badgePageSpoken: {
		en: '{count} via China, {summary}',
		'zh-CN': '{count}个行程经停中国，{summary}',
		'zh-TW': '{count}個行程經停中國，{summary}',
	},
	// After the page badge's verdict, where the page shows flights that were left out of its itineraries (an airport no
	// table knows, times that cannot all be true): the verdict is about the rest (lib/ui/page-summary.ts).
	badgePageNotCheckedOne: {en: '1 flight not checked', 'zh-CN': '1个航班未核查', 'zh-TW': '1個航班未核查'},
	badgePageNotChecked: {en: '{count} flights not checked', 'zh-CN': '{count}个航班未核查', 'zh-TW': '{count}個航班未核查'},
	// the badge's popover (components/badge-view.ts)
	detailsTitle: {en: 'Transit through mainland China', 'zh-CN': '经中国大陆过境', 'zh-TW': '經中國大陸過境'},
	close: {en: 'Close', 'zh-CN': '关闭', 'zh-TW': '關閉'},
	detailsLoading: {en: 'Loading the details…', 'zh-CN': '正在载入详情…', 'zh-TW': '正在載入詳情…'},
	detailsFailed: {
		en: 'The details could not be loaded. Reload the page, or check this route in the extension’s popup.',
		'zh-CN': '无法载入详情。请刷新页面，或在扩展程序的弹出窗口中查询此行程。',
		'zh-TW': '無法載入詳情。請重新整理頁面，或在擴充功能的彈出視窗中查詢此行程。',
	},
} as const;

type BadgeMessageKey = keyof typeof BADGE_MESSAGES;

export function badgeText(key: BadgeMessageKey, locale: Locale, params?: Record<string, string | number>): string {
	return fill(BADGE_MESSAGES[key][locale], params);
}

/** The UI language: the user's choice, else the browser's (zh-TW/HK/MO → Traditional, other zh → Simplified). */
export function resolveLocale(setting: 'auto' | Locale, browserLanguage: string | undefined): Locale {
	if (setting !== 'auto') return setting;
	const lang = (browserLanguage ?? 'en').toLowerCase();
	if (!lang.startsWith('zh')) return 'en';
	return /^zh-(tw|hk|mo|hant)/.test(lang) ? 'zh-TW' : 'zh-CN';
}
