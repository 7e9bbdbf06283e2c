/**
 * The keyboard shortcut that opens the popup (the manifest's `commands`, wxt.config.ts): which keys the browser gives
 * it, and its page for changing them. The options page shows both (components/OptionsView.tsx).
 */
import {browser} from '#imports';

/** The popup's command: `_execute_action` in MV3 (Chrome), `_execute_browser_action` in MV2 (Firefox). */
const POPUP_COMMANDS: ReadonlySet<string> = new Set(['_execute_action', '_execute_browser_action']);

/** The keys that open the popup as the browser names them (`Alt+Shift+K`); null where none is set. */
export async function popupShortcut(): Promise<string | null> {
	const commands = await browser.commands.getAll();
	return commands.find((c) => c.name !== undefined && POPUP_COMMANDS.has(c.name))?.shortcut || null;
}

/**
 * Opens the browser's settings for extensions' shortcuts: Firefox has a call for it (`commands.openShortcutSettings`,
 * Firefox 137 and later); Chrome, a page of its own, which an extension may open in a tab but not link to.
 */
export function openShortcutSettings(): Promise<unknown> {
	const commands = browser.commands as typeof browser.commands & {openShortcutSettings?: () => Promise<void>};
	return commands.openShortcutSettings ? commands.openShortcutSettings() : browser.tabs.create({url: 'chrome://extensions/shortcuts'});
}
