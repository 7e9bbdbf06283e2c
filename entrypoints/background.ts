import {browser, defineBackground} from '#imports';
import {readSettings, watchSettings} from '@/components/settings-store';
import {CONTENT_SCRIPT_FILE, USER_SITES_SCRIPT_ID, userSitePatterns} from '@/lib/sites/user-sites';
import {CARD_PATH, MAX_HASH_LENGTH} from '@/lib/ui/card';

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
				await browser.scripting.registerContentScripts([{id: USER_SITES_SCRIPT_ID, matches, js: [CONTENT_SCRIPT_FILE], runAt: 'document_idle'}]);
			}
		})
		.catch((error: unknown) => console.warn('[ctc] could not register the content script for your sites', error));
	return queue;
}

// No evaluation happens here: the rules engine is bundled into each page that needs it.
// The background opens the options page for the badges (content scripts cannot).
export default defineBackground(() => {
	browser.runtime.onMessage.addListener((message: unknown) => {
		const type = (message as {type?: string})?.type;
		if (type === 'open-options') return browser.runtime.openOptionsPage();
		// The check-in card for a badge's itinerary (content scripts cannot open extension pages themselves). The card
		// page validates the trip in the hash again; here only its size is checked.
		if (type === 'open-card') {
			const hash = (message as {hash?: unknown}).hash;
			if (typeof hash !== 'string' || hash.length > MAX_HASH_LENGTH) return undefined;
			return browser.tabs.create({url: `${browser.runtime.getURL(CARD_PATH)}#${hash}`}).then(() => true);
		}
		// Tests and the options page can wait for the registration to be in place.
		if (type === 'sync-user-sites') return syncUserSites().then(() => true);
		return undefined;
	});
	void syncUserSites();
	watchSettings(() => void syncUserSites());
	browser.permissions.onAdded.addListener(() => void syncUserSites());
	browser.permissions.onRemoved.addListener(() => void syncUserSites());
});
