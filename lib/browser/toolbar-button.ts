/**
 * The toolbar button's per-tab state (lib/ui/toolbar.ts says what it shows): set from the content script's page
 * verdict, cleared when the tab navigates. Extension UI only: nothing of it reaches the page.
 */
import {browser} from '#imports';
import {toolbarLook} from '../ui/toolbar';
import type {ToBackground} from './messages';

/** The toolbar button: `action` in Manifest V3 (Chrome), `browserAction` in V2 (Firefox). */
const toolbarButton = () => browser.action ?? browser.browserAction;

/** Shows a tab's page verdict on the toolbar button, for that tab only; a count of 0 clears it. */
export async function showVerdict(tabId: number, verdict: Omit<Extract<ToBackground, {type: 'page-verdict'}>, 'type'>): Promise<void> {
	const button = toolbarButton();
	const look = toolbarLook(verdict, verdict.locale);
	await Promise.all([
		button.setBadgeText({tabId, text: look.text}),
		button.setTitle({tabId, title: look.title}),
		...(look.colour
			? [button.setBadgeBackgroundColor({tabId, color: look.colour}), button.setBadgeTextColor?.({tabId, color: '#ffffff'})]
			: []),
	]);
}

/** A new page in the tab: nothing on its button until that page's content script says what it found. */
export function clearToolbarButton(tabId: number): void {
	void toolbarButton()
		.setBadgeText({tabId, text: ''})
		.catch(() => undefined);
}
