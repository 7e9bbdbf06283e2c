/**
 * Is a badge painted whole where it was put? A badge in the DOM that the page clips is a missing badge: result
 * cards are full of one-line boxes (`white-space: nowrap; overflow: hidden; text-overflow: ellipsis`) whose
 * ellipsis replaces whatever overflows them, fixed-height rows, and absolutely positioned overlays.
 *
 * Reads layout only (rectangles and computed styles), never writes: the scanner calls it for all new badges of a
 * batch at once, so a page pays one layout per batch for it.
 */
import type {PlacementCheck} from './scanner';

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
export const checkPlacement: PlacementCheck = (host, card) => {
	const result = checkNow(host, card);
	return result !== 'painted' && host.isConnected && animationsAround(host, card).length > 0 ? 'settling' : result;
};

/**
 * What the badge's box shows at this moment. Transparent or hidden between the badge and the card, the badge's place
 * is hidden; the card itself transparent or hidden, the badge's place is judged as in any card, since it shows when
 * the card does (boxes are laid out all the same).
 */
function checkNow(host: Element, card: Element): ReturnType<PlacementCheck> {
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
	// Covered by something else in the card (an overlay painted above it)? Only answerable on screen.
	const x = (box.left + box.right) / 2;
	const y = (box.top + box.bottom) / 2;
	if (x >= 0 && y >= 0 && x < view.innerWidth && y < view.innerHeight) {
		const top = host.ownerDocument.elementFromPoint?.(x, y);
		if (top && top !== host && !top.contains(host) && card.contains(top)) return 'clipped';
	}
	return 'painted';
}
