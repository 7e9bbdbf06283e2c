import {describe, expect, it} from 'vitest';
import type {PageStatus} from '@/lib/browser/messages';
import {pageStatusText, switchedOffSite} from '@/lib/ui/page-status';

const label = (id: string) => ({'google-flights': 'Google Flights', kayak: 'KAYAK'})[id] ?? id;
const FOUND: PageStatus = {
	adapter: 'google-flights',
	disabled: false,
	itineraries: 12,
	withStops: 3,
	unplaced: 0,
	layoutUnrecognised: false,
	generic: [],
};

describe("the popup's status line for this page", () => {
	it('counts what the site adapter read', () => {
		expect(pageStatusText(FOUND, [], 'en', label)).toBe('12 itineraries found by Google Flights, 3 via mainland China.');
		// One of several through the mainland reads as well as three (it said "1 stop in mainland China" until 2026-12-06).
		expect(pageStatusText({...FOUND, withStops: 1}, [], 'en', label)).toBe(
			'12 itineraries found by Google Flights, 1 via mainland China.',
		);
	});

	it('counts one itinerary as one, in each language', () => {
		const one = {...FOUND, itineraries: 1, withStops: 1};
		expect(pageStatusText(one, [], 'en', label)).toBe('1 itinerary found by Google Flights, 1 via mainland China.');
		expect(pageStatusText(one, [], 'zh-CN', label)).toBe('Google Flights识别出1个行程，其中1个经停中国大陆。');
		const generic: PageStatus = {...one, adapter: 'generic-page', withStops: 0};
		expect(pageStatusText({...generic, withStops: 1}, [], 'en', label)).toBe(
			'1 itinerary read by the generic detector, 1 via mainland China: see the badge at the top of the page.',
		);
		expect(pageStatusText({...generic, withStops: 1}, [], 'zh-TW', label)).toBe(
			'通用識別器讀到1個行程，其中1個經停中國大陸：請看頁面頂部的標記。',
		);
		// None via the mainland: no badge to point to.
		expect(pageStatusText(generic, [], 'en', label)).toBe('1 itinerary read by the generic detector, 0 via mainland China.');
		expect(pageStatusText({...generic, itineraries: 3}, [], 'zh-CN', label)).toBe('通用识别器读到3个行程，其中0个经停中国大陆。');
	});

	it('says how many badges could not be placed, in each language', () => {
		expect(pageStatusText({...FOUND, unplaced: 1}, [], 'en', label)).toBe(
			'12 itineraries found by Google Flights, 3 via mainland China. 1 badge could not be placed on the page.',
		);
		expect(pageStatusText({...FOUND, unplaced: 2}, [], 'en', label)).toBe(
			'12 itineraries found by Google Flights, 3 via mainland China. 2 badges could not be placed on the page.',
		);
		expect(pageStatusText({...FOUND, unplaced: 2}, [], 'zh-CN', label)).toBe(
			'Google Flights识别出12个行程，其中3个经停中国大陆。有2个标记无法在页面上显示。',
		);
		expect(pageStatusText({...FOUND, unplaced: 1}, [], 'zh-TW', label)).toBe(
			'Google Flights識別出12個行程，其中3個經停中國大陸。有1個標記無法在頁面上顯示。',
		);
		const generic: PageStatus = {...FOUND, adapter: 'generic-page', itineraries: 4, withStops: 1, unplaced: 1};
		expect(pageStatusText(generic, [], 'en', label)).toMatch(
			/^4 itineraries read by the generic detector, 1 via mainland China: .* 1 badge could not be placed on the page\.$/,
		);
	});

	it('says how many results could not be read, so have no badge, in each language, beside the badges not placed', () => {
		expect(pageStatusText({...FOUND, unread: 1}, [], 'en', label)).toBe(
			'12 itineraries found by Google Flights, 3 via mainland China. 1 result could not be read and has no badge: check its flights yourself.',
		);
		expect(pageStatusText({...FOUND, unplaced: 1, unread: 2}, [], 'en', label)).toBe(
			'12 itineraries found by Google Flights, 3 via mainland China. 1 badge could not be placed on the page. 2 results could not be read and have no badge: check their flights yourself.',
		);
		expect(pageStatusText({...FOUND, unread: 2}, [], 'zh-CN', label)).toBe(
			'Google Flights识别出12个行程，其中3个经停中国大陆。有2个结果无法读取，没有标记：请自行核对其航班。',
		);
		expect(pageStatusText({...FOUND, unread: 1}, [], 'zh-TW', label)).toBe(
			'Google Flights識別出12個行程，其中3個經停中國大陸。有1個結果無法讀取，沒有標記：請自行核對其航班。',
		);
		// No result read at all, and some that could not be: not "nothing found".
		expect(pageStatusText({...FOUND, itineraries: 0, withStops: 0, unread: 4}, [], 'en', label)).toBe(
			'4 results could not be read and have no badge: check their flights yourself.',
		);
		expect(pageStatusText({...FOUND, unread: 0}, [], 'en', label)).toBe(
			'12 itineraries found by Google Flights, 3 via mainland China.',
		);
	});

	it('says the page is still being read where nothing is read yet, in each language; the counts once some are', () => {
		const reading: PageStatus = {...FOUND, itineraries: 0, withStops: 0, reading: true};
		expect(pageStatusText(reading, [], 'en', label)).toBe('Reading this page…');
		expect(pageStatusText(reading, [], 'zh-CN', label)).toBe('正在读取此页面…');
		expect(pageStatusText(reading, [], 'zh-TW', label)).toBe('正在讀取此頁面…');
		expect(pageStatusText({...reading, adapter: 'generic-page'}, [], 'en', label)).toBe('Reading this page…');
		expect(pageStatusText({...FOUND, reading: true}, [], 'en', label)).toBe(
			'12 itineraries found by Google Flights, 3 via mainland China.',
		);
		// A switched-off site is not read at all.
		expect(pageStatusText({...reading, disabled: true}, ['google-flights'], 'en', label)).toMatch(/switched off/);
	});

	it('on a results page where the site adapter read nothing (a layout it may not know), says nothing is checked, not "nothing found"', () => {
		const none: PageStatus = {...FOUND, adapter: 'kayak', itineraries: 0, withStops: 0};
		expect(pageStatusText(none, [], 'en', label)).toBe(
			'No result was read on this KAYAK results page: none may be shown yet, or they are in a layout the extension does not know. Nothing on this page is checked: check its flights yourself.',
		);
		expect(pageStatusText(none, [], 'zh-CN', label)).toBe(
			'此KAYAK结果页上未读取到任何结果：可能尚未显示结果，也可能其页面布局不为扩展所识别。此页面上的航班均未经核查：请自行核对。',
		);
		expect(pageStatusText(none, [], 'zh-TW', label)).toBe(
			'此KAYAK結果頁上未讀取到任何結果：可能尚未顯示結果，也可能其頁面版面不為擴充功能所識別。此頁面上的航班均未經核查：請自行核對。',
		);
	});

	it('says nothing of placement where no badge was due', () => {
		expect(pageStatusText({...FOUND, itineraries: 0, withStops: 0, unplaced: 3}, [], 'en', label)).toMatch(
			/^No result was read on this Google Flights results page/,
		);
		expect(pageStatusText({...FOUND, itineraries: 0, unplaced: 1, layoutUnrecognised: true}, [], 'en', label)).toMatch(
			/^This page shows flights, but its Google Flights layout is not recognised/,
		);
		expect(pageStatusText({...FOUND, disabled: true, unplaced: 1}, ['google-flights'], 'en', label)).toBe(
			'Google Flights is switched off in your settings: nothing on this page is checked.',
		);
	});

	it('a scanned PDF (Chrome’s viewer: its text is not in the page): says to copy it into the box, not that it holds no flights', () => {
		const scanned: PageStatus = {...FOUND, adapter: 'generic-page', itineraries: 0, withStops: 0};
		expect(pageStatusText(scanned, [], 'en', label)).toBe('The generic detector found no flights on this page.');
		expect(pageStatusText({...scanned, pdf: true}, [], 'en', label)).toBe(
			'This is a PDF, whose text the browser’s viewer keeps from extensions: select the itinerary there, copy it and paste it into the box below.',
		);
		expect(pageStatusText({...scanned, pdf: true}, [], 'zh-CN', label)).toBe(
			'这是PDF文件，浏览器的PDF查看器不允许扩展读取其中的文字：请在其中选中行程，复制后粘贴到下方的输入框中。',
		);
	});

	it('tells unsupported and switched-off sites apart', () => {
		expect(pageStatusText(undefined, [], 'en', label)).toBe('This site is not one of the supported booking sites.');
		expect(pageStatusText({...FOUND, adapter: null}, [], 'en', label)).toBe('This site is not one of the supported booking sites.');
		expect(switchedOffSite({...FOUND, disabled: true}, ['google-flights'])).toBe('google-flights');
		expect(switchedOffSite({...FOUND, disabled: true}, [])).toBeNull();
		expect(switchedOffSite(FOUND, ['google-flights'])).toBeNull();
		expect(switchedOffSite(undefined, ['google-flights'])).toBeNull();
	});
});
