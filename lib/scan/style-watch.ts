/**
 * The page's styles changed after its badges were placed: a style sheet in the head finished loading, or a `<style>`
 * or a stylesheet `<link>` went into or out of the head. A site's late sheet can give the box a badge sits in a fixed
 * height and `overflow: hidden`; nothing inside the card changes, so the scanner (which follows the cards) would not
 * look again, and the badge would be in the DOM, clipped: a missing badge. `onChange` asks for the placement checks
 * again (the page session's `recheck`, as for a resize).
 *
 * Called at most once per `delayMs`, on a timer set by the first change after a call: a page that keeps changing its
 * head cannot make the checks run more often, nor keep putting them off. A sheet's loads are heard on its own `<link>`
 * (one listener each, not one on the document that every image of the results would call; kept while the link is in
 * the head, so a theme that swaps a link's `href` is heard too), and only the browser's own events count (a page can
 * dispatch one). The head's children are watched without their subtrees, and the sheets'
 * rules (a `<style>`'s text, `insertRule`) are not: a resize, a change of the card, or a badge mounted or moved
 * checks those.
 */

/** What the watch needs of a document: its head, and its window for the observer and the timer. */
type StyledDocument = Pick<Document, 'head' | 'defaultView'>;

const isSheetLink = (node: Node): node is HTMLLinkElement =>
	(node as Element).localName === 'link' && /\bstylesheet\b/i.test((node as Element).getAttribute('rel') ?? '');
const isStyleNode = (node: Node) => (node as Element).localName === 'style' || isSheetLink(node);

/** Starts watching; returns the function that stops it. */
export function watchStyles(doc: StyledDocument, onChange: () => void, delayMs = 200): () => void {
	const win = doc.defaultView;
	if (!win) return () => undefined;
	let timer: number | undefined;
	const changed = () => {
		if (timer !== undefined) return;
		timer = win.setTimeout(() => {
			timer = undefined;
			onChange();
		}, delayMs);
	};
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
	if (head) for (const link of head.querySelectorAll('link')) if (isSheetLink(link)) listen(link);
	const Observer = win.MutationObserver;
	const observer =
		Observer &&
		new Observer((records) => {
			let change = false;
			for (const record of records) {
				// A new sheet link counts once loaded; a <style> applies as it goes in; either counts as it leaves.
				for (const node of record.addedNodes) {
					if (isSheetLink(node)) listen(node);
					else if (isStyleNode(node)) change = true;
				}
				for (const node of record.removedNodes) {
					if (isSheetLink(node)) unlisten(node);
					if (isStyleNode(node)) change = true;
				}
			}
			if (change) changed();
		});
	if (observer && head) observer.observe(head, {childList: true});
	return () => {
		observer?.disconnect();
		for (const link of links) link.removeEventListener('load', loaded);
		links.clear();
		if (timer !== undefined) win.clearTimeout(timer);
		timer = undefined;
	};
}
