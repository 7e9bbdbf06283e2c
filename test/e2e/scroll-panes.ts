/**
 * A results page whose lists scroll in boxes of their own (a common layout of booking tools): each Google Flights list
 * made a box 420 px tall, which hides most of its cards, and their badges, at any time. That box is above the cards
 * and clips every card alike: no reason to move a badge. The scripts below run in the page (as strings, so that the
 * Chromium and the Firefox tests share them).
 */

const PANES = '<style>ul:has(> li.pIav2d) { max-height: 420px !important; overflow-y: auto !important; }</style>';

/** The page with its lists in scrolling boxes, as the site's own CSS. */
export function withScrollPanes(html: string): string {
	const at = html.search(/<\/head>/i);
	return at >= 0 ? `${html.slice(0, at)}${PANES}${html.slice(at)}` : `${PANES}${html}`;
}

/** Remembers the badge hosts on the page; gives how many of them their list's box hides. */
export const RECORD_HOSTS = `(() => {
	window.badgeHosts = [...document.querySelectorAll('[data-ctc-badge]')];
	return window.badgeHosts.filter((host) => {
		const shown = host.closest('ul').getBoundingClientRect();
		const r = host.getBoundingClientRect();
		return shown.height > 0 && (r.bottom <= shown.top || r.top >= shown.bottom);
	}).length;
})()`;

/** Scrolls each list through its box, down and back up, a frame at a time. */
export const SCROLL_THROUGH = `(async () => {
	const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
	for (const list of document.querySelectorAll('ul:has(> li.pIav2d)')) {
		for (let top = 0; top <= list.scrollHeight; top += 150) {
			list.scrollTop = top;
			await frame();
		}
		for (let top = list.scrollHeight; top >= 0; top -= 150) {
			list.scrollTop = top;
			await frame();
		}
	}
})()`;

/**
 * Whether the badge hosts on the page are the ones remembered, in the same order (a badge moved gets a new host), and
 * the count of badges that could not be placed.
 */
export const HOSTS_KEPT = `(() => {
	const before = window.badgeHosts;
	const now = [...document.querySelectorAll('[data-ctc-badge]')];
	return {
		same: now.length === before.length && now.every((host, i) => host === before[i]),
		unplaced: document.documentElement.getAttribute('data-china-transit-check-unplaced'),
	};
})()`;
