/**
 * On a page with more cards with a verdict than EAGER_BADGES (./card-reading.ts), far cards' badges wait to be mounted
 * until their card comes near the viewport: a page of thousands should not pay for all their badges (their shadow
 * roots, the page's layout around them, their placement checks). A card's verdict is known before (counts, the
 * toolbar); only the badge waits. "Near" is two screens above or below the viewport, wider than the read queue's one
 * (./read-queue.ts), so a scrolling user finds the badge painted when the card comes into view. Only waiting cards are
 * observed. Without an IntersectionObserver there is no gate: every badge is mounted at once.
 */
import type {NearObserverConstructor} from './read-queue';

/** Within two screens' height of the viewport. */
const MOUNT_MARGIN = '200% 0px';

export type MountGate = {
	/** The card's badge waits until the card is near (the observer says so, at once for a card that is). */
	wait: (card: Element) => void;
	/** A waiting card that is near now, taken off the gate; undefined when none is. */
	take: () => Element | undefined;
	/** Whether waiting cards are near (more than the last `take` took). */
	hasNear: () => boolean;
	/** The card's badge no longer waits (mounted another way, no badge now, or the card left the page). */
	forget: (card: Element) => void;
	disconnect: () => void;
};

/** `onNear`: waiting cards came near (the scanner mounts their badges in its next frame). */
export function createMountGate(Observer: NearObserverConstructor | undefined, onNear: () => void): MountGate | undefined {
	if (!Observer) return undefined;
	const waiting = new Set<Element>();
	const near = new Set<Element>();
	const observer = new Observer(
		(entries) => {
			let woke = false;
			for (const {target, isIntersecting} of entries) {
				if (!waiting.has(target)) continue;
				if (isIntersecting) {
					near.add(target);
					woke = true;
				} else near.delete(target);
			}
			if (woke) onNear();
		},
		{rootMargin: MOUNT_MARGIN},
	);
	const forget = (card: Element) => {
		if (!waiting.delete(card)) return;
		near.delete(card);
		observer.unobserve(card);
	};
	return {
		wait(card) {
			if (waiting.has(card)) return;
			waiting.add(card);
			observer.observe(card);
		},
		take() {
			for (const card of near) {
				forget(card);
				return card;
			}
			return undefined;
		},
		hasNear: () => near.size > 0,
		forget,
		disconnect() {
			observer.disconnect();
			waiting.clear();
			near.clear();
		},
	};
}
