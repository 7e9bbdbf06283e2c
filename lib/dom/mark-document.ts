/** The attribute diagnostics and end-to-end tests read to know the content script ran on a page. */
export const READY_ATTRIBUTE = 'data-china-transit-check';

export function markDocument(root: Element): void {
	root.setAttribute(READY_ATTRIBUTE, 'ready');
}
