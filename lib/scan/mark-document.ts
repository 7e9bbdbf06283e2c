/**
 * Markers on `<html>` for the end-to-end tests and diagnostics, set only by the end-to-end build (`--mode e2e`):
 * a release build adds nothing to the page that a page script could read.
 */
/** The attribute diagnostics and end-to-end tests read to know the content script ran on a page. */
export const READY_ATTRIBUTE = 'data-china-transit-check';

export function markDocument(root: Element): void {
	root.setAttribute(READY_ATTRIBUTE, 'ready');
}

/** How many itineraries the page shows and how many stop in the mainland: for diagnostics and the tests. */
export const FOUND_ATTRIBUTE = 'data-china-transit-check-found';

/** How many badges could not be placed where they are painted whole. */
export const UNPLACED_ATTRIBUTE = 'data-china-transit-check-unplaced';

export function markFound(root: Element, found: {itineraries: number; withStops: number; unplaced: number}): void {
	const value = `${found.itineraries}/${found.withStops}`;
	if (root.getAttribute(FOUND_ATTRIBUTE) !== value) root.setAttribute(FOUND_ATTRIBUTE, value);
	if (root.getAttribute(UNPLACED_ATTRIBUTE) !== String(found.unplaced)) root.setAttribute(UNPLACED_ATTRIBUTE, String(found.unplaced));
}
