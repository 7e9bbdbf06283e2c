/**
 * The scanner's one MutationObserver. It gathers the page's mutations until the scanner takes them (once a frame)
 * and says only what changed:
 * - `subtrees`: the elements added, and those whose watched attributes changed: new cards can be in them (or, for an
 *   element inside a card, be the card around it);
 * - `touched`: the elements whose children or text changed: the card around each is read again;
 * - `removed`: something left the page: cards, or our badges, may have gone with it.
 * Our own badge hosts are left out: adding one is not a page change. Only the attributes the adapter declares
 * (`watchAttributes`) are watched. Past MAX_RECORDS records or MAX_ROOTS elements in one batch, following each costs
 * more than a full rescan: the change is `full`, and every card is found and read again.
 */

/** What changed on the page since the scanner last took the changes. */
export type PageChange = {full: boolean; subtrees: Set<Element>; touched: Set<Element>; removed: boolean};

export type PageObserver = {
	/** The changes gathered since the last call, the observer's pending records included; undefined when none. */
	take: () => PageChange | undefined;
	disconnect: () => void;
};

type PageObserverOptions = {
	doc: Document;
	/** Attributes whose change is a change of the page (the adapter's `watchAttributes`); none when empty. */
	watchAttributes: readonly string[];
	/** Our own badge hosts. */
	isOurs: (node: Node) => boolean;
	/** Called when a change worth a scan arrives; the scanner takes it in its next batch. */
	onChange: () => void;
};

/** Records in one batch past which they are not followed one by one (the page re-rendered wholesale). */
const MAX_RECORDS = 1000;
/** Changed elements in one batch past which one search of the whole page costs less than one search in each. */
const MAX_ROOTS = 250;

const ELEMENT_NODE = 1;
const asElement = (node: Node | null): Element | undefined => (node?.nodeType === ELEMENT_NODE ? (node as Element) : undefined);

export function observePage(options: PageObserverOptions): PageObserver {
	const {isOurs} = options;
	let pending: PageChange | undefined;
	let records = 0;

	const gather = (list: readonly MutationRecord[]): boolean => {
		if (list.length === 0) return false;
		const change = (pending ??= {full: false, subtrees: new Set(), touched: new Set(), removed: false});
		records += list.length;
		// A flood: not filtered record by record (that is the cost being avoided).
		if (change.full || records >= MAX_RECORDS) return (change.full = true);
		let noted = false;
		for (const r of list) if (note(change, r, isOurs)) noted = true;
		if (change.subtrees.size + change.touched.size > MAX_ROOTS) change.full = true;
		return noted;
	};

	const observer = new options.doc.defaultView!.MutationObserver((list) => {
		if (gather(list)) options.onChange();
	});
	const attributeFilter = [...new Set(options.watchAttributes)];
	observer.observe(options.doc.documentElement, {
		childList: true,
		subtree: true,
		characterData: true,
		...(attributeFilter.length > 0 ? {attributes: true, attributeFilter} : {}),
	});

	return {
		take() {
			gather(observer.takeRecords());
			const change = pending;
			pending = undefined;
			records = 0;
			if (!change) return undefined;
			return change.full || change.removed || change.subtrees.size > 0 || change.touched.size > 0 ? change : undefined;
		},
		disconnect: () => observer.disconnect(),
	};
}

/**
 * Notes one record in `change`; false when it is ours alone (a badge host put in), or says nothing new. Runs for every
 * record the page makes (a results page adds its cards one at a time), so its node lists are walked in place rather
 * than copied into arrays.
 */
function note(change: PageChange, r: MutationRecord, isOurs: (node: Node) => boolean): boolean {
	if (isOurs(r.target)) return false;
	if (r.type === 'childList') {
		const {addedNodes, removedNodes} = r;
		let theirs = false;
		for (let i = 0; i < addedNodes.length; i++) {
			const node = addedNodes[i]!;
			if (isOurs(node)) continue;
			theirs = true;
			const el = asElement(node);
			if (el) change.subtrees.add(el);
		}
		if (!theirs && removedNodes.length === 0) return false;
		// Only an element can take a card or a badge host with it.
		for (let i = 0; i < removedNodes.length && !change.removed; i++)
			if (removedNodes[i]!.nodeType === ELEMENT_NODE) change.removed = true;
		const target = asElement(r.target);
		if (target) change.touched.add(target);
		return true;
	}
	// An attribute can make its element a card's hook; a text changes only the card around it.
	const el = r.type === 'attributes' ? asElement(r.target) : r.target.parentElement;
	if (!el || isOurs(el)) return false;
	(r.type === 'attributes' ? change.subtrees : change.touched).add(el);
	return true;
}
