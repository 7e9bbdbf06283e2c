/** The toolbar popup: components/PopupView.tsx, wired to the browser (the tab it is about, the background, settings). */
import {browser} from '#imports';
import {PopupView} from '@/components/PopupView';
import {useSettingsPage} from '@/components/use-settings';
import type {ToBackground} from '@/lib/browser/messages';
import {requestSite} from '@/lib/browser/permissions';
import {openedForSelection, scanTab, selectedText, thisPage} from '@/lib/browser/tabs';
import {MAX_TEXT_CHARS} from '@/lib/detect';
import type {TripInput} from '@/lib/rules/types';
import {useRulesInUse} from '@/components/use-rules';
import {deviceToday} from '@/lib/time';
import {requestedTab} from '@/lib/ui/popup';
import {useEffect, useState} from 'preact/hooks';

/** The tab this popup is about: the active one, or `?tab=ID` when the popup is opened as a page (tests, a pinned window). */
const page = {
	load: () => thisPage(requestedTab(location.search)),
	scanPage: scanTab,
	requestSite,
};

/** One character over the paste box's limit, so that a longer selection is said to be cut, as a longer paste is. */
const readSelection = () => selectedText(requestedTab(location.search), MAX_TEXT_CHARS + 1);

const openSettings = () => void browser.runtime.openOptionsPage();

/** The result as text on the clipboard: the user's click on the copy button allows it, with no permission. */
const copyText = (text: string) => navigator.clipboard.writeText(text);

// The background stores the trip and opens the card tab (or reuses it): one path for the badges and the popup, and
// only a one-time key in the URL.
const openCard = (trip: TripInput) =>
	void browser.runtime.sendMessage({type: 'open-card', trip} satisfies ToBackground).catch(() => undefined);

export function App() {
	const settingsPage = useSettingsPage();
	const rules = useRulesInUse();
	/** Opened by the page's context menu item to check the selection (lib/browser/selection-menu.ts); undefined until known. */
	const [forSelection, setForSelection] = useState<boolean>();
	useEffect(() => void openedForSelection(requestedTab(location.search)).then(setForSelection), []);
	if (!settingsPage || !rules || forSelection === undefined) return null;
	return (
		<PopupView
			{...settingsPage}
			rules={rules}
			today={deviceToday()}
			page={page}
			openSettings={openSettings}
			openCard={openCard}
			readSelection={readSelection}
			checkSelectionNow={forSelection}
			copyText={copyText}
		/>
	);
}
