/**
 * "Check the selected itinerary" in the page's context menu, for text the user selected (an agent's booking tool, an
 * e-mail, a GDS screen in a browser terminal): the item opens the popup, which reads that selection (activeTab, which
 * the click on our item grants for the tab) and checks it, as its own button does. The item is browser UI: the page
 * sees neither it nor the click, and nothing is read before the click.
 *
 * The background stores which tab asked, in storage.session (closed to content scripts), and opens the popup; the popup
 * takes the request (read once, then removed) and checks the selection when it is about that tab. Where the browser
 * will not open its popup from here (no focused window, an older browser), the popup's page opens in a small window
 * of its own, about that tab (`?tab=`). Pure: the browser's calls are passed in (entrypoints/background.ts).
 */
import type {Locale} from '../i18n/locale';
import {t} from '../i18n/messages';
import type {SessionArea} from './check-in-card-link';

/** The menu item's id. */
export const SELECTION_MENU_ID = 'ctc-check-selection';
/** storage.session: the tab whose selection the popup is to check. */
export const SELECTION_REQUEST_ITEM = 'selection-request';
/** A request the popup did not take within this time is not acted on (the popup was opened later, by other means). */
export const SELECTION_REQUEST_TTL_MS = 30_000;

type SelectionRequest = {tabId: number; at: number};

/** The part of a context menu click read here (browser.contextMenus.OnClickData and the tab). */
type MenuClick = {info: {menuItemId: string | number}; tab?: {id?: number}};

export type SelectionMenuDeps = {
	menus: {
		removeAll(): Promise<void>;
		create(props: {id: string; title: string; contexts: ['selection']}): unknown;
	};
	session: SessionArea;
	/** The browser's popup, opened for the focused window (action.openPopup, browserAction.openPopup). */
	openPopup: () => Promise<void>;
	/** The popup's page in a window of its own, about one tab: the way left where the popup will not open. */
	openPopupWindow: (tabId: number) => Promise<unknown>;
	now: () => number;
};

/** Puts the item in the menu, in the user's language, replacing any item of ours from before (a restart, a new language). */
export async function showSelectionMenu(deps: Pick<SelectionMenuDeps, 'menus'>, locale: Locale): Promise<void> {
	await deps.menus.removeAll();
	deps.menus.create({id: SELECTION_MENU_ID, title: t('menuCheckSelection', locale), contexts: ['selection']});
}

/**
 * A click on a menu item: ours, in a tab, asks the popup to check that tab's selection. The popup is opened before
 * anything is awaited: Firefox lets an extension open it only while it handles the click.
 */
export function onSelectionMenuClick(deps: SelectionMenuDeps, {info, tab}: MenuClick): Promise<void> {
	const tabId = tab?.id;
	if (info.menuItemId !== SELECTION_MENU_ID || tabId === undefined || tabId < 0) return Promise.resolve();
	const request: SelectionRequest = {tabId, at: deps.now()};
	const stored = deps.session.set({[SELECTION_REQUEST_ITEM]: request});
	const opened = deps.openPopup().catch(() => deps.openPopupWindow(tabId));
	return Promise.all([stored, opened]).then(() => undefined);
}

/**
 * Whether the popup, about `tabId`, was opened to check that tab's selection: a fresh request for the same tab. The
 * request is removed whoever reads it, so it works once.
 */
export async function takeSelectionRequest(session: SessionArea, tabId: number | undefined, now: number): Promise<boolean> {
	const request = (await session.get(SELECTION_REQUEST_ITEM))[SELECTION_REQUEST_ITEM];
	if (request === undefined) return false;
	await session.remove(SELECTION_REQUEST_ITEM);
	if (!request || typeof request !== 'object') return false;
	const {tabId: asked, at} = request as Partial<SelectionRequest>;
	return tabId !== undefined && asked === tabId && typeof at === 'number' && now >= at && now - at <= SELECTION_REQUEST_TTL_MS;
}
