import {browser, defineBackground} from '#imports';

// No evaluation happens here: the rules engine is bundled into each page that needs it.
// The background opens the options page for the badges (content scripts cannot).
export default defineBackground(() => {
	browser.runtime.onMessage.addListener((message: unknown) => {
		if ((message as {type?: string})?.type === 'open-options') return browser.runtime.openOptionsPage();
		return undefined;
	});
});
