/**
 * Is a badge painted whole where it was put? A badge in the DOM that the page clips is a missing badge: result
 * cards are full of one-line boxes (`white-space: nowrap; overflow: hidden; text-overflow: ellipsis`) whose
 * ellipsis replaces whatever overflows them, fixed-height rows, and absolutely positioned overlays.
 *
 * Reads layout only (rectangles and computed styles), never writes: the scanner calls it for all new badges of a
 * batch at once, so a page pays one layout per batch for it.
 *
 * An overlay of the card painted over the badge hides it; a transparent one (a click layer making the card one link)
 * lets it show but would take its clicks: `covered`, and the scanner lifts the badge over it (`liftOver`). What is
 * over a badge is asked of the browser's hit test, on screen only, and a hit test on a long results page costs more
 * than the rest of the check: it is asked as the badge is placed, and again only where the user points
 * (ScannerOptions.watchPointer).
 */
import type {PlacementCheck, Point} from './scanner';

/** Half a pixel either way is rounding, not clipping. */
const TOLERANCE = 1;

type Box = {left: number; top: number; right: number; bottom: number};

const within = (inner: Box, outer: Box) =>
	inner.left >= outer.left - TOLERANCE &&
	inner.right <= outer.right + TOLERANCE &&
	inner.top >= outer.top - TOLERANCE &&
	inner.bottom <= outer.bottom + TOLERANCE;

/** Boxes that cut off what overflows them: any overflow but `visible`, and paint containment. */
function clipsOverflow(style: CSSStyleDeclaration): boolean {
	const display = style.display;
	if (display === 'inline' || display === 'contents') return false;
	const clips = (value: string | undefined) => !!value && value !== 'visible';
	// The shorthand too ("hidden", "visible clip"): DOMs without layout (jsdom) may not expand it into the longhands.
	const overflow = style.overflow;
	if (clips(style.overflowX) || clips(style.overflowY) || (!!overflow && overflow !== 'visible' && overflow !== 'visible visible'))
		return true;
	const contain = style.contain;
	return !!contain && contain !== 'none' && /\b(paint|strict|content)\b/.test(contain);
}

/** The padding box, which is what `overflow` clips to (borders and scroll bars excluded); `r`: its border box if known. */
function clipBox(el: Element, r: DOMRect = el.getBoundingClientRect()): Box {
	const left = r.left + el.clientLeft;
	const top = r.top + el.clientTop;
	return {left, top, right: left + el.clientWidth, bottom: top + el.clientHeight};
}

/**
 * An animation that will end (not one repeated forever, as a spinner's), running now: what the box it animates shows
 * at this moment is not what it will show.
 */
const ending = (animation: Animation) =>
	animation.playState === 'running' && animation.effect?.getComputedTiming().endTime !== Number.POSITIVE_INFINITY;

/** The animations that will end, running on the boxes from the host's parent up to the card. */
function animationsAround(host: Element, card: Element): Animation[] {
	const found: Animation[] = [];
	for (let el = host.parentElement; el; el = el.parentElement) {
		// Not in every DOM (jsdom has no Web Animations).
		if (typeof el.getAnimations === 'function')
			for (const animation of el.getAnimations()) if (ending(animation)) found.push(animation);
		if (el === card) break;
	}
	return found;
}

/**
 * Calls `then` once the animations running on the boxes around the badge have ended (finished or cancelled): a card
 * fading in, a box sliding open. At once (in a microtask) when none is running any more.
 */
export function afterAnimations(host: Element, card: Element, then: () => void): void {
	let running: Animation[] = [];
	try {
		running = animationsAround(host, card);
	} catch {
		// Checked again at once: a check that cannot run keeps the badge where it is (the scanner's safeCheck).
	}
	void Promise.allSettled(running.map((animation) => animation.finished)).then(then);
}

/**
 * The check, then: a badge not shown while the page animates the boxes around it (a box of the card fading in starts
 * transparent, one sliding open starts clipped, a card growing in starts with no size) is `settling`, to be checked
 * again once they are still.
 */
export const checkPlacement: PlacementCheck = (host, card, at) => {
	const result = checkNow(host, card, at);
	return result !== 'painted' && result !== 'covered' && host.isConnected && animationsAround(host, card).length > 0
		? 'settling'
		: result;
};

/**
 * What the badge's box shows at this moment. Transparent or hidden between the badge and the card, the badge's place
 * is hidden; the card itself transparent or hidden, the badge's place is judged as in any card, since it shows when
 * the card does (boxes are laid out all the same).
 */
function checkNow(host: Element, card: Element, at: Point | undefined): ReturnType<PlacementCheck> {
	const view = host.ownerDocument.defaultView;
	if (!view) return 'not-rendered';
	const cardBox = card.getBoundingClientRect();
	if (cardBox.width < 1 || cardBox.height < 1) return 'not-rendered';
	const box = host.getBoundingClientRect();
	if (box.width < 1 || box.height < 1) return 'clipped';
	if (!within(box, cardBox)) return 'clipped';
	// Every box between the badge and the card (the card included) that clips must hold the badge whole; an ancestor
	// made transparent hides it as surely. Above the card, scrolling lists clip every card alike: not our concern.
	// Geometry first: a box that holds the badge whole cannot clip it, whatever its style, and reading a rectangle costs
	// less than a computed style. Styles are read only for the boxes the badge sticks out of, and for opacity only when
	// the browser says something on the way up is transparent or hidden (checkVisibility; without it, every box's).
	const shown = host.checkVisibility?.({opacityProperty: true, visibilityProperty: true});
	// Hidden by `visibility`, which the host inherits from the box it is in (components/badge-host.ts), while its card
	// shows: a box of the card hides its place. Hidden with its card, it shows when the card does: judged as any.
	const hidden = shown !== true && view.getComputedStyle(host).visibility !== 'visible';
	if (hidden && view.getComputedStyle(card).visibility === 'visible') return 'clipped';
	const opaque = shown === true;
	for (let el = host.parentElement; el; el = el.parentElement) {
		const holds = within(box, clipBox(el, el === card ? cardBox : undefined));
		if (!holds || !opaque) {
			const style = view.getComputedStyle(el);
			// A transparent box of the card hides the badge's place; the card transparent hides all of it alike, and the
			// badge shows when the card does (a card fading in starts transparent).
			if (el !== card && Number(style.opacity) === 0) return 'clipped';
			if (!holds && clipsOverflow(style)) return 'clipped';
		}
		if (el === card) break;
	}
	// Covered by something else in the card (an overlay painted above it)? Only answerable on screen. Where the user's
	// pointer found something over the badge, a transparent layer there (over its edge only, say) is lifted over too;
	// anything else there is judged by the centre, so that pointing at the box beside the pill never moves the badge.
	if (at && inside(at, box) && onScreen(at, view) && coverAt(host, card, box, at.x, at.y, view) === 'covered') return 'covered';
	const centre = centreOf(box);
	if (!onScreen(centre, view)) return 'painted';
	return coverAt(host, card, box, centre.x, centre.y, view);
}

const centreOf = (box: Box): Point => ({x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2});
const inside = ({x, y}: Point, box: Box) => x >= box.left && x < box.right && y >= box.top && y < box.bottom;
const onScreen = ({x, y}: Point, view: Window) => x >= 0 && y >= 0 && x < view.innerWidth && y < view.innerHeight;

/**
 * What is over the badge's centre. The host takes the pointer across its whole box (components/badge-host.ts), so
 * the browser's hit test finds it there unless something is painted over it: something outside the card (a sticky
 * header over the list) covers the card alike, not our concern; something of the card is a click layer the badge
 * shows through (`covered`: transparent, no text there) or hides it (`clipped`). The card's own boxes around the
 * badge can only cover it with a pseudo-element (a box's background is painted under what it holds).
 */
function coverAt(host: Element, card: Element, box: Box, x: number, y: number, view: Window): ReturnType<PlacementCheck> {
	const doc = host.ownerDocument;
	const top = doc.elementFromPoint?.(x, y);
	if (!top || top === host || !card.contains(top)) return 'painted';
	const layers = layersOver(doc.elementsFromPoint?.(x, y) ?? [top], host, card);
	// Not hit at all (a box of the card clipping it with `clip-path`, or a box that takes no pointer: `inert`): a box
	// between it and the card cut to a shape hides it; otherwise it is judged by what is on top, as before.
	if (!layers) return clippedByPath(host, card, view) || !top.contains(host) ? 'clipped' : 'painted';
	for (const el of layers) if (!seeThrough(el, el.contains(host), box, view)) return 'clipped';
	return 'covered';
}

/** The card's boxes a hit test's stack (topmost first) finds over the host; undefined when it does not find the host. */
function layersOver(stack: readonly Element[], host: Element, card: Element): Element[] | undefined {
	const under = stack.indexOf(host);
	return under < 0 ? undefined : stack.slice(0, under).filter((el) => card.contains(el));
}

/** A box from the host's parent up to the card cut to a shape (`clip-path`: the visually hidden pattern). */
function clippedByPath(host: Element, card: Element, view: Window): boolean {
	for (let el = host.parentElement; el; el = el.parentElement) {
		const path = view.getComputedStyle(el).clipPath;
		if (path && path !== 'none') return true;
		if (el === card) break;
	}
	return false;
}

/** Colours the browser gives for nothing painted: `transparent`, or any colour with alpha 0. */
const clear = (color: string) => color === 'transparent' || /^rgba\(.*,\s*0\)$/.test(color);

/** A box that paints nothing of its own: no background colour or image, nothing blurring what is under it. */
const paintsNothing = (style: CSSStyleDeclaration) =>
	clear(style.backgroundColor) && (style.backgroundImage || 'none') === 'none' && (style.backdropFilter || 'none') === 'none';

/** Elements whose content is not text the hit point could miss: pictures, controls, frames. */
const REPLACED = new Set([
	'img',
	'video',
	'canvas',
	'iframe',
	'object',
	'embed',
	'svg',
	'input',
	'select',
	'textarea',
	'button',
	'picture',
]);

/**
 * Whether `el` lets the badge show through at its place: its box (unless it holds the badge, whose own background is
 * under it) paints nothing and has no text over the badge, and its `::before` and `::after`, if any, are empty and
 * paint nothing (a stretched link's layer).
 */
function seeThrough(el: Element, holdsBadge: boolean, box: Box, view: Window): boolean {
	if (!holdsBadge) {
		const style = view.getComputedStyle(el);
		if (Number(style.opacity) === 0) return true;
		if (REPLACED.has(el.localName)) return false;
		if (!paintsNothing(style) || textOver(el, box)) return false;
	}
	for (const pseudo of ['::before', '::after']) {
		const style = view.getComputedStyle(el, pseudo);
		const content = style.content;
		if (!content || content === 'none' || content === 'normal') continue;
		if (content !== '""' || !paintsNothing(style)) return false;
	}
	return true;
}

/** Whether any of `el`'s own text is laid out over the badge's box. */
function textOver(el: Element, box: Box): boolean {
	for (const node of el.childNodes) {
		if (node.nodeType !== 3 || !node.textContent?.trim()) continue;
		const range = el.ownerDocument.createRange();
		range.selectNodeContents(node);
		for (const r of range.getClientRects())
			if (r.right > box.left && r.left < box.right && r.bottom > box.top && r.top < box.bottom) return true;
	}
	return false;
}

/**
 * The z-index that puts a `covered` badge's host over the layers of its card over it: one more than theirs (their
 * own, or their pseudo-elements'), at least 1, at its centre and where the pointer found one (`at`). It goes on the
 * host only while the browser's hit test then finds the host (the scanner checks again): a layer in a stacking
 * context of its own stays over it whatever the number.
 */
export function liftOver(host: Element, card: Element, at?: Point): number {
	const doc = host.ownerDocument;
	const view = doc.defaultView;
	if (!view) return 1;
	const box = host.getBoundingClientRect();
	let z = 0;
	for (const {x, y} of at && inside(at, box) ? [centreOf(box), at] : [centreOf(box)]) {
		for (const el of layersOver(doc.elementsFromPoint?.(x, y) ?? [], host, card) ?? []) {
			for (const pseudo of [null, '::before', '::after']) {
				const level = Number.parseInt(view.getComputedStyle(el, pseudo).zIndex, 10);
				if (Number.isFinite(level)) z = Math.max(z, level);
			}
		}
	}
	return Math.min(z + 1, 2147483646);
}
