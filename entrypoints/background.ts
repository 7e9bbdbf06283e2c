import {browser, defineBackground, type Browser} from '#imports';
import {readSettings, watchSettings} from '@/lib/browser/settings-store';
import {CONTENT_SCRIPT_FILE, GENERIC_SCRIPT_FILE, USER_SITES_SCRIPT_ID, userSitePatterns} from '@/lib/sites/user-sites';
import {createBackgroundHandler} from '@/lib/browser/background-handler';
import {resolveNames, zonesOf} from '@/lib/airports';
import {bundledRules, type RuleSet} from '@/lib/rules/rule-set';
import {explainTripsWithText} from '@/lib/ui/details';
import {readRulesInUse} from '@/lib/browser/rules-store';
import {RULES_UPDATE_ITEMS} from '@/lib/rules/update-state';
import {RULES_UPDATE_URL} from '@/lib/browser/rules-config';
import {startRulesUpdates} from '@/lib/browser/rules-background';
import {clearToolbarButton, showVerdict} from '@/lib/browser/toolbar-button';
import {publishBundledCompact} from '@/lib/browser/bundled-compact';
import {BUNDLED_COMPACT_TEXT} from '@/lib/rules/compact-bundled';
import {onSelectionMenuClick, showSelectionMenu, type SelectionMenuDeps} from '@/lib/browser/selection-menu';
import {resolveLocale} from '@/lib/i18n/badge-messages';
import type {Settings} from '@/lib/settings';

/**
 * Registers the content script for the sites the user added (each one a host permission the user granted), and
 * keeps that registration in step with the settings and the granted permissions. Registrations may or may not
 * survive a browser restart depending on the browser, so this runs whenever the background starts.
 */
let queue: Promise<void> = Promise.resolve();
function syncUserSites(): Promise<void> {
	queue = queue
		.then(async () => {
			const settings = await readSettings();
			const granted = (await browser.permissions.getAll()).origins ?? [];
			const matches = userSitePatterns(settings.extraSites, granted);
			const existing = await browser.scripting.getRegisteredContentScripts({ids: [USER_SITES_SCRIPT_ID]});
			if (existing.length > 0) await browser.scripting.unregisterContentScripts({ids: [USER_SITES_SCRIPT_ID]});
			if (matches.length > 0) {
				await browser.scripting.registerContentScripts([
					// The generic readers first: these pages are read by the generic page adapter.
					{id: USER_SITES_SCRIPT_ID, matches, js: [GENERIC_SCRIPT_FILE, CONTENT_SCRIPT_FILE], runAt: 'document_idle'},
				]);
			}
		})
		.catch((error: unknown) => console.warn('[ctc] could not register the content script for your sites', error));
	return queue;
}

// The background opens what content scripts cannot (the options page, the check-in card), keeps the user-site
// registration in step, and holds the full dataset the content script leaves out: a badge's details and airport names
// are asked of it. Which message may do what is decided in lib/browser/background-handler.ts.
export default defineBackground(() => {
	// The rules in use (bundled, or a stored update), read again after an update is stored or forgotten.
	let rules: Promise<RuleSet> | undefined;
	const rulesNow = () => (rules ??= readRulesInUse());
	browser.storage.onChanged.addListener((changes, area) => {
		if (area === 'local' && RULES_UPDATE_ITEMS.update in changes) rules = undefined;
	});
	const updater = RULES_UPDATE_URL ? startRulesUpdates(RULES_UPDATE_URL) : undefined;
	const handle = createBackgroundHandler({
		runtimeId: browser.runtime.id,
		extensionRoot: browser.runtime.getURL('/'),
		tabs: browser.tabs,
		focusWindow: browser.windows ? (id) => browser.windows.update(id, {focused: true}) : undefined,
		session: browser.storage.session,
		openOptionsPage: () => browser.runtime.openOptionsPage(),
		syncUserSites,
		now: () => Date.now(),
		randomKey: () => crypto.randomUUID(),
		explain: async (request) => explainTripsWithText(request, await rulesNow()),
		airportCodes: (names) => resolveNames(names, bundledRules()),
		airportZones: (codes) => zonesOf(codes, bundledRules()),
		compactText: () => BUNDLED_COMPACT_TEXT,
		showVerdict,
		tellFrame: (tabId, frameId, message) => browser.tabs.sendMessage(tabId, message, {frameId}),
		...(updater ? {checkRules: updater.checkNow} : {}),
	});
	browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => handle(message, sender));
	// First run: the welcome page (passports, what a badge looks like, the privacy promise). Not on updates.
	browser.runtime.onInstalled.addListener(({reason}) => {
		if (reason === 'install') void browser.tabs.create({url: browser.runtime.getURL('/welcome.html'), active: true});
	});
	// A new page in the tab: its content script says again what it finds; until then, nothing on the button.
	browser.tabs.onUpdated.addListener((tabId, change) => {
		if (change.status === 'loading') clearToolbarButton(tabId);
	});
	void syncUserSites();
	// The content script's dataset, where it reads it first (lib/browser/bundled-compact.ts says why).
	void publishBundledCompact(browser.storage.local, import.meta.env.CTC_COMPACT_DIGEST ?? '', BUNDLED_COMPACT_TEXT).catch(
		(error: unknown) => console.warn('[ctc] could not store the compact rules for the content script', error),
	);
	watchSettings(() => void syncUserSites());
	// The page's context menu on selected text (lib/browser/selection-menu.ts), in the user's language. Firefox for
	// Android has no context menus (nor windows).
	const menus = browser.contextMenus as typeof browser.contextMenus | undefined;
	if (menus) {
		const menu: SelectionMenuDeps = {
			menus,
			session: browser.storage.session,
			openPopup: () => (browser.action ?? browser.browserAction).openPopup(),
			openPopupWindow: (tabId) =>
				browser.windows.create({url: browser.runtime.getURL(`/popup.html?tab=${tabId}`), type: 'popup', width: 420, height: 640}),
			now: () => Date.now(),
		};
		// One change of the item at a time, so the last language asked for is the one it ends in.
		let menuLocale: string | undefined;
		let menuShown: Promise<void> = Promise.resolve();
		const showMenu = (settings: Settings) => {
			const locale = resolveLocale(settings.language, navigator.language);
			if (locale === menuLocale) return;
			menuLocale = locale;
			menuShown = menuShown
				.then(() => showSelectionMenu(menu, locale))
				.catch((error: unknown) => console.warn('[ctc] could not add the context menu item', error));
		};
		menus.onClicked.addListener((info, tab) => void onSelectionMenuClick(menu, {info, tab}).catch(() => undefined));
		void readSettings().then(showMenu);
		watchSettings(showMenu);
	}
	browser.permissions.onAdded.addListener(() => void syncUserSites());
	browser.permissions.onRemoved.addListener(() => void syncUserSites());
});
