/**
 * The background's wiring of signed rules updates (./rules-updater.ts) to the browser: the daily alarm, the settings
 * switch, the update host's permission and storage. entrypoints/background.ts starts it in builds with an update URL.
 */
import {browser} from '#imports';
import {bundledRules} from '../rules/rule-set';
import {validateRulesUpdate} from '../rules/load-rules';
import {trustedKeys, updateHostPattern} from './rules-config';
import {createRulesUpdater, fetchUpdateText, type RulesUpdater} from './rules-updater';
import {readSettings, watchSettings} from './settings-store';

/** The alarm that wakes the background to see whether the daily rules check is due. */
const RULES_ALARM = 'rules-update';
const RULES_ALARM_MINUTES = 180;

/**
 * Signed rules updates, in builds with an update URL: checked when the user switches them on, then whenever the alarm
 * finds the last check a day old; forgotten (back to the bundled rules) when they switch them off.
 */
export function startRulesUpdates(url: string): RulesUpdater {
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
