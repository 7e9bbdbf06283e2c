import {browser, defineBackground, type Browser} from '#imports';
import {readSettings, watchSettings} from '@/lib/browser/settings-store';
import {CONTENT_SCRIPT_FILE, GENERIC_SCRIPT_FILE, USER_SITES_SCRIPT_ID, userSitePatterns} from '@/lib/sites/user-sites';
import {createBackgroundHandler} from '@/lib/browser/background-handler';
import {resolveNames} from '@/lib/airports';
import {bundledRules, type RuleSet} from '@/lib/rules/rule-set';
import {explainTrips} from '@/lib/ui/details';
import {RULES_UPDATE_URL, trustedKeys, updateHostPattern} from '@/lib/browser/rules-config';
import {readRulesInUse} from '@/lib/browser/rules-store';
import {createRulesUpdater, fetchUpdateText, type RulesUpdater} from '@/lib/browser/rules-updater';
import {validateRulesUpdate} from '@/lib/rules/load-rules';
import {RULES_UPDATE_ITEMS} from '@/lib/rules/update-state';
import {toolbarLook} from '@/lib/ui/toolbar';
import type {ToBackground} from '@/lib/browser/messages';

/** The toolbar button: `action` in Manifest V3 (Chrome), `browserAction` in V2 (Firefox). */
const toolbarButton = () => browser.action ?? browser.browserAction;

/** Shows a tab's page verdict on the toolbar button, for that tab only; a count of 0 clears it. */
async function showVerdict(tabId: number, verdict: Omit<Extract<ToBackground, {type: 'page-verdict'}>, 'type'>): Promise<void> {
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

/** The alarm that wakes the background to see whether the daily rules check is due. */
const RULES_ALARM = 'rules-update';
const RULES_ALARM_MINUTES = 180;

/**
 * Signed rules updates, in builds with an update URL: checked when the user switches them on, then whenever the alarm
 * finds the last check a day old; forgotten (back to the bundled rules) when they switch them off.
 */
function startRulesUpdates(url: string): RulesUpdater {
	const pattern = updateHostPattern(url);
	const updater = createRulesUpdater({
		url,
		keys: trustedKeys(),
		extensionVersion: browser.runtime.getManifest().version,
		bundled: bundledRules(),
		storage: browser.storage.local,
		fetchText: fetchUpdateText,
		enabled: async () => (await readSettings()).rulesUpdates,
		permitted: () => browser.permissions.contains({origins: [pattern]}),
		validate: validateRulesUpdate,
		now: () => Date.now(),
	});
	const due = () => void updater.checkIfDue().catch((error: unknown) => console.warn('[ctc] rules update check failed', error));
	browser.alarms.onAlarm.addListener((alarm) => {
		if (alarm.name === RULES_ALARM) due();
	});
	void browser.alarms.get(RULES_ALARM).then((alarm) => {
		if (!alarm) void browser.alarms.create(RULES_ALARM, {delayInMinutes: 1, periodInMinutes: RULES_ALARM_MINUTES});
	});
	let enabled: boolean | undefined;
	watchSettings((settings) => {
		if (settings.rulesUpdates === enabled) return;
		enabled = settings.rulesUpdates;
		if (enabled) due();
		else void updater.forget();
	});
	void readSettings().then((settings) => {
		enabled ??= settings.rulesUpdates;
		if (!enabled) void updater.forget();
	});
	browser.permissions.onAdded.addListener(due);
	void updater.tidy().then(due);
	return updater;
}

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
		explain: async (request) => explainTrips(request, await rulesNow()),
		airportCodes: (names) => resolveNames(names, bundledRules()),
		showVerdict,
		...(updater ? {checkRules: updater.checkNow} : {}),
	});
	browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => handle(message, sender));
	// First run: the welcome page (passports, what a badge looks like, the privacy promise). Not on updates.
	browser.runtime.onInstalled.addListener(({reason}) => {
		if (reason === 'install') void browser.tabs.create({url: browser.runtime.getURL('/welcome.html'), active: true});
	});
	// A new page in the tab: its content script says again what it finds; until then, nothing on the button.
	browser.tabs.onUpdated.addListener((tabId, change) => {
		if (change.status === 'loading')
			void toolbarButton()
				.setBadgeText({tabId, text: ''})
				.catch(() => undefined);
	});
	void syncUserSites();
	watchSettings(() => void syncUserSites());
	browser.permissions.onAdded.addListener(() => void syncUserSites());
	browser.permissions.onRemoved.addListener(() => void syncUserSites());
});
