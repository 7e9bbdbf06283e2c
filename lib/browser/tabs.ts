/**
 * The popup's reach into the tab it is about: which tab that is, what its content script says, putting the content
 * script into it for a one-off scan, and reading the text selected there (activeTab: the user opened the popup on it;
 * each only on the user's click). The popup's entry point hands these to components/ThisPage.tsx and
 * components/PasteItinerary.tsx.
 */
import {browser} from '#imports';
import {isPdfAddress, type PageSelection, type PopupTab} from '../ui/popup';
import {CONTENT_SCRIPT_FILE, GENERIC_SCRIPT_FILE} from '../sites/user-sites';
import {parsePageStatus, type PageStatus, type ToContent} from './messages';
import {takeSelectionRequest} from './selection-menu';

/** The tab `requested` (lib/ui/popup.ts' requestedTab), or else the active one; undefined where there is none. */
async function currentTab(requested: number | undefined): Promise<PopupTab | undefined> {
	const tab =
		requested !== undefined ? await browser.tabs.get(requested) : (await browser.tabs.query({active: true, currentWindow: true}))[0];
	return tab?.id === undefined ? undefined : {id: tab.id, url: tab.url};
}

/** The content script's status for its page; a reply that is not a status counts as no content script at all. */
async function askPage(tabId: number, type: 'page-status' | 'scan-page'): Promise<PageStatus | undefined> {
	try {
		return parsePageStatus(await browser.tabs.sendMessage(tabId, {type} satisfies ToContent));
	} catch {
		return undefined; // no content script in this tab
	}
}

/**
 * The tab the popup is about (null where there is none, or the browser would not say) and its content script's status
 * (undefined where none answered).
 */
export async function thisPage(requested: number | undefined): Promise<{tab: PopupTab | null; status: PageStatus | undefined}> {
	const tab = await currentTab(requested).catch(() => undefined);
	if (!tab) return {tab: null, status: undefined};
	const status = await askPage(tab.id, 'page-status');
	// The site's cards read as nothing: what does the generic text detector see? It is put into the page now.
	if (status?.textScanPending && (await putGenericReaders(tab.id))) return {tab, status: await askPage(tab.id, 'page-status')};
	return {tab, status};
}

/** The second content script, the generic readers (activeTab: the user opened the popup on this tab). */
async function putGenericReaders(tabId: number): Promise<boolean> {
	try {
		await browser.scripting.executeScript({target: {tabId}, files: [`/${GENERIC_SCRIPT_FILE}`]});
		return true;
	} catch {
		return false;
	}
}

/** Puts the content script into the tab (activeTab: the user opened the popup on it) and asks it to read the page. */
export async function scanTab(tabId: number): Promise<PageStatus | undefined> {
	await putGenericReaders(tabId);
	const running = await askPage(tabId, 'scan-page');
	if (running) return running;
	await browser.scripting.executeScript({target: {tabId}, files: [`/${CONTENT_SCRIPT_FILE}`]});
	// The script reads the settings and the rules before it listens, in a timer callback of its own: give it a moment,
	// and more than one where the tab is not in front (browsers run a background tab's timers once a second at most).
	for (let i = 0; i < 40; i++) {
		const reply = await askPage(tabId, 'scan-page');
		if (reply) return reply;
		await new Promise((r) => setTimeout(r, 100));
	}
	return undefined;
}

/**
 * What is selected in a page (run in the page's frames, in the extension's isolated world, so it must hold all it
 * needs): the selected part of the text box or text field that has the focus (a selection inside one is not the
 * document's in Firefox), else the document's selection; at most `max` characters. `pdf`: the frame is Chrome's PDF
 * viewer, whose text is not in its document.
 */
function pageSelection(max: number): {text: string; pdf: boolean} {
	const pdf = document.contentType === 'application/pdf';
	const focused = document.activeElement;
	// A field whose type has no text selection (a checkbox, a number) gives null here.
	if (focused instanceof HTMLTextAreaElement || focused instanceof HTMLInputElement) {
		const {selectionStart: start, selectionEnd: end, value} = focused;
		if (start !== null && end !== null && end > start) return {text: value.slice(start, Math.min(end, start + max)), pdf};
	}
	return {text: (getSelection()?.toString() ?? '').slice(0, max), pdf};
}

/**
 * The text selected in the tab the popup is about, at most `max` characters, read once when the user asks (activeTab):
 * the top frame's selection first, else a frame's; '' where nothing is selected. Unreadable: the browser does not let
 * the extension read the page (its own pages, the extension stores) or there is no tab (`page`), or the page is a PDF
 * in Chrome's viewer with nothing selected in its document, or one in Firefox's viewer, which keeps the whole page from
 * extensions, its address naming a PDF (`pdf`). Frames of other sites than the tab's are not ours to read (activeTab
 * covers the tab's own): where asking them all fails, the top frame alone.
 */
export async function selectedText(requested: number | undefined, max: number): Promise<PageSelection> {
	const tab = await currentTab(requested).catch(() => undefined);
	if (!tab) return {unreadable: 'page'};
	const read = (allFrames: boolean) =>
		browser.scripting.executeScript({target: {tabId: tab.id, allFrames}, func: pageSelection, args: [max]});
	let results: Awaited<ReturnType<typeof read>>;
	try {
		results = await read(true);
	} catch {
		try {
			results = await read(false);
		} catch {
			return {unreadable: isPdfAddress(tab.url) ? 'pdf' : 'page'};
		}
	}
	const frames = [...results]
		.sort((a, b) => Number(a.frameId !== 0) - Number(b.frameId !== 0))
		.map((r) => r.result)
		.filter((r): r is {text: string; pdf: boolean} => typeof r === 'object' && r !== null && typeof r.text === 'string');
	const selected = frames.find((f) => f.text.trim());
	if (selected) return {text: selected.text};
	return frames[0]?.pdf ? {unreadable: 'pdf'} : {text: ''};
}

/**
 * Whether this popup was opened by the page's context menu item to check the selection of the tab it is about
 * (./selection-menu.ts): the request is taken, so it is acted on once.
 */
export async function openedForSelection(requested: number | undefined): Promise<boolean> {
	try {
		const tab = await currentTab(requested);
		return await takeSelectionRequest(browser.storage.session, tab?.id, Date.now());
	} catch {
		return false;
	}
}
