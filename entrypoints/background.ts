import {browser, defineBackground} from '#imports';

// No evaluation happens here: the rules engine is bundled into each page that needs it.
// The background only exists for install/update hooks.
export default defineBackground(() => {
	browser.runtime.onInstalled.addListener(() => {
		// Nothing to migrate yet; settings get a migration path with the options page.
	});
});
