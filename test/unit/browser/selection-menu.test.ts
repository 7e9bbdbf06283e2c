/**
 * The page's context menu item on selected text (lib/browser/selection-menu.ts): the item in the user's language, a
 * click that opens the popup for that tab's selection (or, where the popup will not open, its page in a window of its
 * own), and the popup's one-time take of the request.
 */
import {describe, expect, it} from 'vitest';
import type {SessionArea} from '@/lib/browser/check-in-card-link';
import {
	onSelectionMenuClick,
	SELECTION_MENU_ID,
	SELECTION_REQUEST_ITEM,
	SELECTION_REQUEST_TTL_MS,
	showSelectionMenu,
	takeSelectionRequest,
	type SelectionMenuDeps,
} from '@/lib/browser/selection-menu';

function session(items: Record<string, unknown> = {}): SessionArea & {items: Record<string, unknown>} {
	return {
		items,
		get: async (keys) => {
			const names = keys === null ? Object.keys(items) : Array.isArray(keys) ? keys : [keys];
			return Object.fromEntries(names.filter((k) => k in items).map((k) => [k, items[k]]));
		},
		set: async (next) => void Object.assign(items, next),
		remove: async (keys) => {
			for (const k of Array.isArray(keys) ? keys : [keys]) delete items[k];
		},
	};
}

/** The browser's calls, recorded; `popup`: whether the browser opens its popup or refuses. */
function deps(popup: 'opens' | 'refuses' = 'opens') {
	const calls: string[] = [];
	const created: {id: string; title: string; contexts: string[]}[] = [];
	const store = session();
	const d: SelectionMenuDeps = {
		menus: {
			removeAll: async () => {
				calls.push('removeAll');
				created.length = 0;
			},
			create: (props) => {
				calls.push('create');
				created.push(props);
			},
		},
		session: store,
		openPopup: () => {
			calls.push('openPopup');
			return popup === 'opens' ? Promise.resolve() : Promise.reject(new Error('no focused window'));
		},
		openPopupWindow: async (tabId) => void calls.push(`openPopupWindow ${tabId}`),
		now: () => 1_000_000,
	};
	return {d, calls, created, store};
}

describe('the context menu item', () => {
	it('is one item, on selected text only, in the user’s language; shown again it replaces the one before', async () => {
		const {d, calls, created} = deps();
		await showSelectionMenu(d, 'en');
		expect(created).toEqual([
			{id: SELECTION_MENU_ID, title: 'Check the selected itinerary for China transit', contexts: ['selection']},
		]);
		await showSelectionMenu(d, 'zh-CN');
		expect(created).toEqual([{id: SELECTION_MENU_ID, title: '核查选中行程的中国过境条件', contexts: ['selection']}]);
		await showSelectionMenu(d, 'zh-TW');
		expect(created.map((c) => c.title)).toEqual(['核查選取行程的中國過境條件']);
		expect(calls).toEqual(['removeAll', 'create', 'removeAll', 'create', 'removeAll', 'create']);
	});
});

describe('a click on it', () => {
	it('opens the popup, with the request for that tab stored where the popup takes it', async () => {
		const {d, calls, store} = deps();
		await onSelectionMenuClick(d, {info: {menuItemId: SELECTION_MENU_ID}, tab: {id: 42}});
		expect(calls).toEqual(['openPopup']);
		expect(store.items[SELECTION_REQUEST_ITEM]).toEqual({tabId: 42, at: 1_000_000});
	});

	it('opens the popup before anything is awaited (Firefox allows it only while the click is handled)', () => {
		const {d, calls} = deps();
		void onSelectionMenuClick(d, {info: {menuItemId: SELECTION_MENU_ID}, tab: {id: 42}});
		expect(calls).toEqual(['openPopup']);
	});

	it('where the browser will not open its popup: the popup’s page in a window of its own, about that tab', async () => {
		const {d, calls, store} = deps('refuses');
		await onSelectionMenuClick(d, {info: {menuItemId: SELECTION_MENU_ID}, tab: {id: 7}});
		expect(calls).toEqual(['openPopup', 'openPopupWindow 7']);
		expect(store.items[SELECTION_REQUEST_ITEM]).toEqual({tabId: 7, at: 1_000_000});
	});

	it('another extension’s item, or no tab (the browser’s own pages): nothing', async () => {
		for (const click of [
			{info: {menuItemId: 'someone-else'}, tab: {id: 42}},
			{info: {menuItemId: SELECTION_MENU_ID}},
			{info: {menuItemId: SELECTION_MENU_ID}, tab: {id: -1}},
		]) {
			const {d, calls, store} = deps();
			await onSelectionMenuClick(d, click);
			expect(calls).toEqual([]);
			expect(store.items).toEqual({});
		}
	});
});

describe('the popup takes the request', () => {
	const at = 1_000_000;
	it('for its own tab, fresh: yes, once', async () => {
		const store = session({[SELECTION_REQUEST_ITEM]: {tabId: 42, at}});
		expect(await takeSelectionRequest(store, 42, at + 500)).toBe(true);
		expect(store.items).toEqual({});
		expect(await takeSelectionRequest(store, 42, at + 600)).toBe(false);
	});

	it('for another tab, too old, from the future, not ours in shape, or with no tab: no, and the request is gone', async () => {
		for (const [request, tabId, now] of [
			[{tabId: 42, at}, 43, at + 1],
			[{tabId: 42, at}, 42, at + SELECTION_REQUEST_TTL_MS + 1],
			[{tabId: 42, at}, 42, at - 1],
			[{tabId: '42', at}, 42, at + 1],
			[{tabId: 42}, 42, at + 1],
			['42', 42, at + 1],
			[null, 42, at + 1],
			[{tabId: 42, at}, undefined, at + 1],
		] as const) {
			const store = session({[SELECTION_REQUEST_ITEM]: request});
			expect(await takeSelectionRequest(store, tabId, now), JSON.stringify([request, tabId, now])).toBe(false);
			expect(store.items).toEqual({});
		}
	});

	it('none stored (the popup opened from the toolbar): no', async () => {
		expect(await takeSelectionRequest(session(), 42, at)).toBe(false);
	});
});
