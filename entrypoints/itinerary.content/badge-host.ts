/**
 * The badge's host element and shadow root, made synchronously (so a badge is placed inside the scanner's frame
 * budget, not in a burst of promises after it) and styled with one constructed stylesheet shared by every badge
 * (parsed once per page, not once per badge). Where a browser refuses a constructed sheet from a content script,
 * each shadow root gets a <style> element instead.
 */
import type {BadgePlacement} from '@/lib/adapters/types';

/** The host is reset to initial values, so no page style is inherited into the badge. */
const RESET = ':host{all:initial !important;}';

let shared: CSSStyleSheet | null | undefined;

function style(shadow: ShadowRoot, css: string): void {
	if (shared === undefined) {
		try {
			const sheet = new CSSStyleSheet();
			sheet.replaceSync(`${RESET}\n${css}`);
			shared = sheet;
		} catch {
			shared = null;
		}
	}
	if (shared) {
		try {
			shadow.adoptedStyleSheets = [shared];
			if (shadow.adoptedStyleSheets.length === 1) return;
		} catch {
			// Firefox content scripts may not adopt a sheet made in their own compartment: fall back below.
		}
		shared = null;
	}
	const el = document.createElement('style');
	el.textContent = `${RESET}\n${css}`;
	shadow.append(el);
}

export type BadgeHost = {host: HTMLElement; container: HTMLElement};

/** A `<name>` element at the placement, with an open shadow root holding `container`; events stop at the host. */
export function createBadgeHost(name: string, placement: BadgePlacement, css: string, isolatedEvents: readonly string[]): BadgeHost {
	const host = document.createElement(name);
	const shadow = host.attachShadow({mode: 'open'});
	style(shadow, css);
	const container = document.createElement('span');
	shadow.append(container);
	const stop = (event: Event) => event.stopPropagation();
	for (const type of isolatedEvents) host.addEventListener(type, stop);
	const {anchor, append} = placement;
	if (append === 'first') anchor.prepend(host);
	else if (append === 'last') anchor.append(host);
	else if (append === 'before') anchor.before(host);
	else anchor.after(host);
	return {host, container};
}
