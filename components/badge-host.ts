/**
 * The badge's host element: what the booking site's scripts share the DOM with. Nothing the page can observe of it
 * depends on the traveller's passports or on the verdict:
 * - a plain `<span>` (a custom element name could be registered by the page before us and run its code in our host);
 * - hidden when the box it is in is (`visibility` inherited), shown otherwise whatever the page's styles;
 * - a closed shadow root (`host.shadowRoot` is null for the page), so its text stays ours;
 * - no attribute or class, and one fixed size set with `!important` from inside the shadow root (inner `!important`
 *   beats any page style on the host), so neither its size nor its computed style follows the verdict, the passport,
 *   the language or any other setting (the detail level included: every level's pill fits the one box);
 * - the whole box is one target for the pointer, wherever the pill ends in it: a page that asks the browser what is
 *   under a point (`elementFromPoint`), or listens to the pointer events a user's mouse sends, finds the host across
 *   the whole box, never the pill's width. (Until 2026-12 the box let the pointer through beside the pill, so that
 *   part of the card took clicks; hit testing across the box then measured the pill, and with it how long the verdict
 *   for the traveller's passport was.) A click beside the pill stops at the host like one on it, and does nothing;
 * - a z-index on the host only where a transparent layer of its card lies over it (liftBadge): it follows the page's
 *   own layers, never the verdict or the settings;
 * - events stop at the host, so the card around it (often a link) never sees a click on the badge. The stoppers are
 *   added to a host when the first of those events comes its way (`isolate`), not to every host up front: a results
 *   page has a hundred badges and the user touches a few.
 * Made synchronously (a badge is placed inside the scanner's frame budget) and styled with one constructed
 * stylesheet per kind shared by every badge; where a browser refuses a constructed sheet from a content script,
 * each shadow root gets `<style>` elements instead.
 *
 * Only the end-to-end build (`--mode e2e`) opens the root and marks the host `data-ctc-badge`, so tests can find
 * badges, look inside and screenshot them; release builds never do.
 */
import type {BadgePlacement} from '@/lib/adapters/types';
import {afterAnimations, checkPlacement, liftOver} from '@/lib/scan/placement-check';
import type {Point} from '@/lib/scan/scanner';

export const TEST_BUILD = import.meta.env.MODE === 'e2e';
/** The attribute that marks badge hosts in the end-to-end build only. */
const TEST_HOST_ATTRIBUTE = 'data-ctc-badge';

/**
 * A card badge's host box in px (the page's rem is not ours), the same at every detail level: wide enough for the
 * detailed level's sentences in all three languages. The badge's pill sizes to its text inside it; the box never
 * changes with what the pill says or with the settings. (Until 2026-12 each detail level had its own width, 116, 236
 * or 336 px, which told a page script which level the traveller had chosen.)
 */
const CARD_SIZE = {width: 336, height: 26};
/** The page-level badge (results in the page's data, no cards yet): a fixed pill in the top right corner. */
const PAGE_SIZE = {width: 340, height: 34};

/** `page`: the page-level badge; else a card's. */
type HostKind = {page: boolean};

/** The host is reset to initial values (no page style inherited or applied), then given its fixed box. */
function hostCss({page}: HostKind): string {
	const {width, height} = page ? PAGE_SIZE : CARD_SIZE;
	// The box takes the pointer everywhere in it (`auto` said here, so that a page style such as `span {pointer-events:
	// none}` cannot make it let the pointer through beside the pill: what a point hits must not measure the pill).
	// Hidden with its card: `visibility` inherited from the box it is in, where `all: initial` would make it visible (a
	// card the page hides with `visibility: hidden` would leave its badge floating over the empty space).
	const box = `width:${width}px !important;height:${height}px !important;box-sizing:border-box !important;overflow:visible !important;pointer-events:auto !important;visibility:inherit !important;`;
	const place = page
		? 'position:fixed !important;top:72px !important;right:16px !important;z-index:2147483646 !important;display:block !important;'
		: // Relative: painted above earlier positioned overlays in the card (click layers), in tree order, without a
			// z-index that would lift it over the page's sticky headers; a layer with a z-index of its own, or after it in
			// the card, gets one just over its own, on that badge only (liftBadge).
			'position:relative !important;display:inline-block !important;vertical-align:middle !important;margin:4px 8px !important;';
	return `:host{all:initial !important;${place}${box}}`;
}

const keyOf = (kind: HostKind) => (kind.page ? 'page' : 'card');

/** Constructed sheets: the shared badge styles, and one host sheet per kind. null: this browser refuses them. */
let base: CSSStyleSheet | null | undefined;
const kindSheets = new Map<string, CSSStyleSheet>();
/** A shadow root took the constructed sheets: the next ones will (the same script, the same browser). */
let adopted = false;

function sheet(css: string): CSSStyleSheet | null {
	try {
		const s = new CSSStyleSheet();
		s.replaceSync(css);
		return s;
	} catch {
		return null;
	}
}

function style(shadow: ShadowRoot, css: string, kind: HostKind): void {
	if (base === undefined) base = sheet(css);
	if (base) {
		const adopt = (k: HostKind): boolean => {
			let own = kindSheets.get(keyOf(k));
			if (!own) {
				const made = sheet(hostCss(k));
				if (!made) return false;
				own = made;
				kindSheets.set(keyOf(k), own);
			}
			try {
				shadow.adoptedStyleSheets = [base!, own];
				// Read back once: where the browser ignores the sheets without an error, the first badge shows it.
				adopted ||= shadow.adoptedStyleSheets.length === 2;
				return adopted;
			} catch {
				// Firefox content scripts may not adopt a sheet made in their own compartment: fall back below.
				return false;
			}
		};
		if (adopt(kind)) return;
		base = null;
	}
	const common = document.createElement('style');
	common.textContent = css;
	const own = document.createElement('style');
	own.textContent = hostCss(kind);
	shadow.append(common, own);
}

const stop = (event: Event) => event.stopPropagation();

/** Hosts whose stoppers are not added yet, with the event types they stop. */
const unarmed = new WeakMap<EventTarget, readonly string[]>();
/** The windows whose events arm hosts (one set of listeners per window, whatever the number of badges). */
const watched = new WeakSet<Window>();

function arm(host: EventTarget, types: readonly string[]): void {
	unarmed.delete(host);
	for (const type of types) host.addEventListener(type, stop);
}

/**
 * Stops `types` at the host. The window hears each of those events first (a capturing listener, one per type and
 * window); one on its way to an unarmed host arms it before it gets there, and a listener added to a node before the
 * event reaches that node is called (DOM dispatch), so the event stops at the host as if the stoppers had always been
 * there. A host inside a shadow tree is armed at once: the window would see that tree's host as the target.
 */
function isolate(host: HTMLElement, types: readonly string[]): void {
	// Hosts are made in this script's document (its window is ours to ask without a call into the page's DOM).
	const win = window;
	if (host.getRootNode() !== document) return arm(host, types);
	unarmed.set(host, types);
	if (watched.has(win)) return;
	watched.add(win);
	const armOnTheWay = (event: Event) => {
		const target = event.target;
		const pending = target && unarmed.get(target);
		if (pending) arm(target, pending);
	};
	for (const type of types) win.addEventListener(type, armOnTheWay, {capture: true, passive: true});
}

export type BadgeHost = {host: HTMLElement};

/** Each host's closed shadow root, for a lift (liftBadge). */
const shadows = new WeakMap<Element, ShadowRoot>();
/** The lifts' sheets by z-index, shared; and, where sheets are not adopted, each lifted host's `<style>`. */
const liftSheets = new Map<number, CSSStyleSheet | null>();
const liftStyles = new WeakMap<ShadowRoot, HTMLStyleElement>();

/**
 * Puts a card badge's host over the transparent layers of its card painted over it (a click layer making the whole
 * card one link, lib/scan/placement-check.ts `liftOver`): a z-index from inside the shadow root, which beats the
 * page's styles as the host's size does; `over` false takes it away. What the page can read of it (the host's computed
 * z-index) follows the page's own layers, never the verdict or the settings.
 */
function liftBadge(host: Element, card: Element, over: boolean, at?: Point): void {
	const z = over ? liftOver(host, card, at) : undefined;
	const shadow = shadows.get(host);
	if (!shadow) return;
	const css = z === undefined ? '' : `:host{z-index:${z} !important}`;
	const sheets = shadow.adoptedStyleSheets;
	if (sheets.length >= 2) {
		let lift = z === undefined ? null : liftSheets.get(z);
		if (z !== undefined && lift === undefined) {
			lift = sheet(css);
			liftSheets.set(z, lift);
		}
		if (z === undefined || lift) {
			shadow.adoptedStyleSheets = [sheets[0]!, sheets[1]!, ...(lift ? [lift] : [])];
			return;
		}
	}
	let own = liftStyles.get(shadow);
	if (!own) {
		own = document.createElement('style');
		liftStyles.set(shadow, own);
		// After the host's own styles (the same weight: the later wins), before the badge's content.
		const styles = shadow.querySelectorAll(':scope > style');
		(styles[styles.length - 1] ?? shadow.firstChild)?.after(own);
	}
	own.textContent = css;
}

/**
 * A host at the placement, with a closed shadow root holding `content` (the box that fills the host: the badge's
 * frame, ./badge-view.ts); events stop at the host. The host goes into the page last, with its content: built while
 * detached, its elements cost the page no style bookkeeping as each is added.
 */
export function createBadgeHost(
	placement: BadgePlacement,
	css: string,
	kind: HostKind,
	isolatedEvents: readonly string[],
	content: Node,
): BadgeHost {
	const host = document.createElement('span');
	if (TEST_BUILD) host.setAttribute(TEST_HOST_ATTRIBUTE, '');
	const shadow = host.attachShadow({mode: TEST_BUILD ? 'open' : 'closed'});
	shadows.set(host, shadow);
	style(shadow, css, kind);
	shadow.append(content);
	const {anchor, append} = placement;
	if (append === 'first') anchor.prepend(host);
	else if (append === 'last') anchor.append(host);
	else if (append === 'before') anchor.before(host);
	else anchor.after(host);
	isolate(host, isolatedEvents);
	return {host};
}

/** What the page session needs to keep badges where they show (lib/scan/page-session.ts): the check, and the lift. */
export const badgePlacing = {checkPlacement, afterAnimations, lift: liftBadge};
