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
