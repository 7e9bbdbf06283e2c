/**
 * What the page's own click listener hears, for the tests of a click beside a badge's pill (test/e2e/badges.spec.ts
 * in Chromium, test/firefox/extension.test.ts in Firefox): run in the page with its driver's `evaluate`.
 */

/** Records, for each click the document hears, whether its target was in a badge, in a card (`li`) or elsewhere. */
export function recordClicks(): void {
	const hits: string[] = [];
	(window as unknown as {hits: string[]}).hits = hits;
	document.addEventListener('click', (event) => {
		const target = event.target as Element;
		hits.push(target.closest('[data-ctc-badge]') ? 'badge' : target.closest('li') ? 'card' : 'page');
	});
}

/** The clicks recorded since the last call. */
export const takeClicks = (): string[] => (window as unknown as {hits: string[]}).hits.splice(0);

/**
 * Records what the browser's hit test finds at `at` (a badge, or the page's layer over it) as the page hears a finger
 * come down and go up there, for the tests of a tap on a badge under a card's link.
 */
export function recordTouchHits(at: {x: number; y: number}): void {
	const found: string[] = [];
	(window as unknown as {touchHits: string[]}).touchHits = found;
	for (const type of ['touchstart', 'touchend'])
		document.addEventListener(
			type,
			() => void found.push(document.elementFromPoint(at.x, at.y)?.hasAttribute('data-ctc-badge') ? 'badge' : 'layer'),
		);
}

/** What recordTouchHits found. */
export const takeTouchHits = (): string[] => (window as unknown as {touchHits: string[]}).touchHits.splice(0);
