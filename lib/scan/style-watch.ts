/**
 * The page's styles changed after its badges were placed: a style sheet in the head finished loading, or a `<style>`
 * or a stylesheet `<link>` went into or out of the head, or one of them changed in place, or a script changed the
 * rules of a sheet through the CSSOM. A site's late sheet can give
 * the box a badge sits in a fixed height and `overflow: hidden`; nothing inside the card changes, so the scanner
 * (which follows the cards) would not look again, and the badge would be in the DOM, clipped: a missing badge.
 * `onChange` asks for the placement checks again (the page session's `recheck`, as for a resize).
 *
 * Called at most once per `delayMs`, on a timer set by the first change after a call: a page that keeps changing its
 * head cannot make the checks run more often, nor keep putting them off. What counts:
 * - a `<style>` going into or out of the head, and its text changing in place (libraries that style a page from its
 *   scripts append rules to one `<style>` as components first render);
 * - a stylesheet `<link>` going out, and its loads, heard on the link itself (one listener each, not one on the
 *   document that every image of the results would call; kept while the link is in the head, so a theme that swaps a
 *   link's `href` is heard too); only the browser's own load events count (a page can dispatch one);
 * - a head link's or style's `rel`, `media` or `disabled` changing: the common ways of loading CSS late without
 *   blocking the page turn a preloaded link into a stylesheet (`rel`), or a sheet loaded for print into one for the
 *   screen (`media`), after it has loaded; a theme switch may enable or disable a sheet.
 * The head's own children are watched, and the subtrees of its `<style>`s only. What changes no node of the head is
 * read off the style sheets instead, once per `pollMs` while the page is visible (`sheetsState`): rules a script adds
 * or deletes through the CSSOM (`insertRule`, as libraries that style a page from its scripts do in production, or
 * `replaceSync`), a sheet's `disabled` or media set from script, a sheet the document adopts or drops, and `<style>`s
 * or sheet links in the body. A rule changed in place (`rule.style.setProperty`) is not seen here: a change it makes to
 * the size of a card with a badge is (./scanner.ts, `watchSizes`), and one that clips a badge where it is
 * (`watchClips`), as are a resize, a change of the card, or a badge mounted or moved.
 */

/** What the watch needs of a document: its head and sheets, and its window for the observer and the timers. */
type StyledDocument = Pick<Document, 'head' | 'defaultView' | 'styleSheets' | 'visibilityState'> &
	Partial<Pick<Document, 'adoptedStyleSheets'>>;

/** Each sheet's number in `sheetsState`, so that a sheet taken out and another put in its place is a change. */
const sheetIds = new WeakMap<CSSStyleSheet, number>();
let nextSheetId = 0;

/**
 * The document's sheets as the CSSOM gives them, in a few characters each: which sheet, enabled or not, its media and
 * its number of rules (cross-origin sheets keep their rules to themselves: a page cannot change those through the
 * CSSOM either; `opaque` remembers them, so that they are not asked again).
 */
function sheetsState(doc: StyledDocument, opaque: WeakSet<CSSStyleSheet>): string {
	let state = '';
	const add = (sheet: CSSStyleSheet) => {
		let id = sheetIds.get(sheet);
		if (id === undefined) sheetIds.set(sheet, (id = nextSheetId++));
		let rules = -1;
		if (!opaque.has(sheet)) {
			try {
				rules = sheet.cssRules.length;
			} catch {
				opaque.add(sheet);
			}
		}
		state += `${id}${sheet.disabled ? '-' : '+'}${rules}@${sheet.media.mediaText};`;
	};
	for (const sheet of doc.styleSheets) add(sheet);
	for (const sheet of doc.adoptedStyleSheets ?? []) add(sheet);
	return state;
}

const isSheetLink = (node: Node): node is HTMLLinkElement =>
	(node as Element).localName === 'link' && /\bstylesheet\b/i.test((node as Element).getAttribute('rel') ?? '');
const isStyle = (node: Node): node is HTMLStyleElement => (node as Element).localName === 'style';
const isStyleNode = (node: Node) => isStyle(node) || isSheetLink(node);
/** What makes a sheet apply or not, besides its text and its loads. */
const SHEET_ATTRIBUTES = ['rel', 'media', 'disabled'];

/** Starts watching; returns the function that stops it. */
export function watchStyles(doc: StyledDocument, onChange: () => void, delayMs = 200, pollMs = 1000): () => void {
	const win = doc.defaultView;
	if (!win) return () => undefined;
	let timer: number | undefined;
	const opaque = new WeakSet<CSSStyleSheet>();
	// What the sheets said at the last check: a change the observer heard is not heard again by the poll.
	let sheets = sheetsState(doc, opaque);
	const changed = () => {
		if (timer !== undefined) return;
		timer = win.setTimeout(() => {
			timer = undefined;
			sheets = sheetsState(doc, opaque);
			onChange();
		}, delayMs);
	};
	const poll = win.setInterval(() => {
		if (doc.visibilityState === 'hidden') return;
		const now = sheetsState(doc, opaque);
		if (now === sheets) return;
		sheets = now;
		changed();
	}, pollMs);
	const links = new Set<HTMLLinkElement>();
	const loaded = (event: Event) => {
		if (event.isTrusted) changed();
	};
	const listen = (link: HTMLLinkElement) => {
		if (links.has(link)) return;
		links.add(link);
		link.addEventListener('load', loaded, {passive: true});
	};
	const unlisten = (link: HTMLLinkElement) => {
		if (links.delete(link)) link.removeEventListener('load', loaded);
	};
	const head = doc.head;
	if (head) for (const link of head.children) if (isSheetLink(link)) listen(link);
	/** The head's child a record is about (the head itself for its own list of children). */
	const inHead = (node: Node | null): Node | null => {
		while (node && node.parentNode !== head) node = node.parentNode;
		return node;
	};
	const Observer = win.MutationObserver;
	const observer =
		Observer &&
		new Observer((records) => {
			let change = false;
			for (const record of records) {
				if (record.target !== head) {
					// Inside a head <style> (its text) or on a head link or style (its attributes); a node taken out of the
					// head stays observed, and no longer counts.
					const node = inHead(record.target);
					if (!node) continue;
					if (isStyle(node)) change = true;
					else if (isSheetLink(node)) {
						// A link that is a stylesheet now (a preload turned into one: its sheet applies once loaded).
						listen(node);
						change = true;
					} else if (links.has(node as HTMLLinkElement)) {
						// A stylesheet no more: its rules leave the page.
						unlisten(node as HTMLLinkElement);
						change = true;
					}
					continue;
				}
				// A new sheet link counts once loaded; a <style> applies as it goes in; either counts as it leaves.
				for (const node of record.addedNodes) {
					watch(node);
					if (isSheetLink(node)) listen(node);
					else if (isStyle(node)) change = true;
				}
				for (const node of record.removedNodes) {
					if (isSheetLink(node)) unlisten(node);
					if (isStyleNode(node)) change = true;
				}
			}
			if (change) changed();
		});
	/** A head link's or style's attributes, and a style's text. */
	const watch = (node: Node) => {
		if (!observer) return;
		if (isStyle(node)) observer.observe(node, {attributeFilter: SHEET_ATTRIBUTES, childList: true, characterData: true, subtree: true});
		else if ((node as Element).localName === 'link') observer.observe(node, {attributeFilter: SHEET_ATTRIBUTES});
	};
	if (observer && head) {
		observer.observe(head, {childList: true});
		for (const node of head.children) watch(node);
	}
	return () => {
		win.clearInterval(poll);
		observer?.disconnect();
		for (const link of links) link.removeEventListener('load', loaded);
		links.clear();
		if (timer !== undefined) win.clearTimeout(timer);
		timer = undefined;
	};
}
