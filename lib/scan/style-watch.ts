/**
 * The page's styles changed after its badges were placed: a style sheet finished loading, or a `<style>` or a
 * stylesheet `<link>` went into or out of the head. A site's late sheet can give the box a badge sits in a fixed height
 * and `overflow: hidden`; nothing inside the card changes, so the scanner (which follows the cards) would not look
 * again, and the badge would be in the DOM, clipped: a missing badge. `onChange` asks for the placement checks again
 * (the page session's `recheck`, as for a resize).
 *
 * Called at most once per `delayMs`, on a timer set by the first change after a call: a page that keeps changing its
 * head cannot make the checks run more often, nor keep putting them off. Only load events the browser fired count (a
 * page can dispatch its own); the head's children are watched without their subtrees, and the sheets' rules (a
 * `<style>`'s text, `insertRule`) are not: a site that restyles that way restyles the nodes it renders too, which the
 * scanner follows.
 */

/** What the watch needs of a document: its head, its load events, and its window for the observer and the timer. */
type StyledDocument = Pick<Document, 'head' | 'defaultView' | 'addEventListener' | 'removeEventListener'>;

const isStyleNode = (node: Node) => {
	const name = (node as Element).localName;
	return name === 'style' || (name === 'link' && /\bstylesheet\b/i.test((node as Element).getAttribute('rel') ?? ''));
};

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
	// Load events do not bubble, and an element's never reach the window (DOM: a document's parent for a "load" event
	// is null); the document hears them first when it listens in the capture phase.
	const loaded = (event: Event) => {
		const target = event.target as Node | null;
		if (event.isTrusted && target && target.nodeType === 1 && isStyleNode(target)) changed();
	};
	doc.addEventListener('load', loaded, {capture: true, passive: true});
	const Observer = win.MutationObserver;
	const observer =
		Observer &&
		new Observer((records) => {
			for (const record of records) {
				for (const node of record.addedNodes) if (isStyleNode(node)) return changed();
				for (const node of record.removedNodes) if (isStyleNode(node)) return changed();
			}
		});
	if (observer && doc.head) observer.observe(doc.head, {childList: true});
	return () => {
		doc.removeEventListener('load', loaded, {capture: true});
		observer?.disconnect();
		if (timer !== undefined) win.clearTimeout(timer);
		timer = undefined;
	};
}
