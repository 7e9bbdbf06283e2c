/** The attribute diagnostics and end-to-end tests read to know the content script ran on a page. */
export const READY_ATTRIBUTE = 'data-china-transit-check';

export function markDocument(root: Element): void {
	root.setAttribute(READY_ATTRIBUTE, 'ready');
}

/** How many itineraries the page shows and how many stop in the mainland: for diagnostics and the tests. */
export const FOUND_ATTRIBUTE = 'data-china-transit-check-found';

export function markFound(root: Element, found: {itineraries: number; withStops: number}): void {
	const value = `${found.itineraries}/${found.withStops}`;
	if (root.getAttribute(FOUND_ATTRIBUTE) !== value) root.setAttribute(FOUND_ATTRIBUTE, value);
}
