/**
 * The cards waiting to be read, those near the viewport first. An IntersectionObserver with a margin of one screen
 * above and below says which waiting cards are near; until it has said so, a card counts as far. Only waiting cards
 * are observed: a browser computes every observed element's intersection on every frame, and a read card needs none.
 * Without an IntersectionObserver (jsdom, the tests) every card counts as near.
 */

/** What the queue needs of an IntersectionObserver; the DOM's own fits. */
type NearObserver = {observe: (target: Element) => void; unobserve: (target: Element) => void; disconnect: () => void};
export type NearObserverConstructor = new (
	callback: (entries: readonly {target: Element; isIntersecting: boolean}[]) => void,
	init: {rootMargin: string},
) => NearObserver;

/** "Near": within one screen's height of the viewport. */
const NEAR_MARGIN = '100% 0px';

export type ReadQueue = {
	/** A card that left the page: no longer followed, nor read. */
	forget: (card: Element) => void;
	/**
	 * The card is to be read (again); once, however often it is added before it is read. `watch` false: the scanner
	 * reads it in its next frames whatever its distance (a card the page has just added), so the observer is not asked
	 * where it lies; it waits as a far card meanwhile.
	 */
	add: (card: Element, watch?: boolean) => void;
	/** The next card to read, taken off the queue: a near one, or with `anyDistance` (idle time) a far one after them. */
	take: (anyDistance: boolean) => Element | undefined;
	/** Takes this card off the queue, near or far; false when it is not waiting (read already, or forgotten). */
	takeCard: (card: Element) => boolean;
	hasNear: () => boolean;
	hasFar: () => boolean;
	disconnect: () => void;
};

/** `onNear`: a waiting card came near the viewport (the scanner reads it in its next frame). */
export function createReadQueue(Observer: NearObserverConstructor | undefined, onNear: () => void): ReadQueue {
	const near = new Set<Element>();
	const waitingNear = new Set<Element>();
	const waitingFar = new Set<Element>();
	const observer = Observer
		? new Observer(
				(entries) => {
					let woke = false;
					for (const {target, isIntersecting} of entries) {
						if (isIntersecting) near.add(target);
						else near.delete(target);
						const [from, to] = isIntersecting ? [waitingFar, waitingNear] : [waitingNear, waitingFar];
						if (from.delete(target)) {
							to.add(target);
							woke ||= isIntersecting;
						}
					}
					if (woke) onNear();
				},
				{rootMargin: NEAR_MARGIN},
			)
		: undefined;
	/** The waiting cards the observer was asked about (a card the page has just added is not: see `add`). */
	const observed = new Set<Element>();
	/** Taken off the queue (read, or gone): no longer observed, and not near until the observer says so again. */
	const release = (card: Element) => {
		// Only a card that was observed is unobserved: each is a call into the page's DOM, and most cards never were.
		if (observed.delete(card)) observer?.unobserve(card);
		near.delete(card);
	};
	const first = (set: Set<Element>): Element | undefined => {
		for (const card of set) {
			set.delete(card);
			release(card);
			return card;
		}
		return undefined;
	};
	return {
		forget(card) {
			release(card);
			waitingNear.delete(card);
			waitingFar.delete(card);
		},
		add(card, watch = true) {
			if (waitingNear.has(card) || waitingFar.has(card)) return;
			(observer ? waitingFar : waitingNear).add(card);
			if (watch && observer) {
				observed.add(card);
				observer.observe(card);
			}
		},
		take: (anyDistance) => first(waitingNear) ?? (anyDistance ? first(waitingFar) : undefined),
		takeCard(card) {
			if (!waitingNear.delete(card) && !waitingFar.delete(card)) return false;
			release(card);
			return true;
		},
		hasNear: () => waitingNear.size > 0,
		hasFar: () => waitingFar.size > 0,
		disconnect() {
			observed.clear();
			observer?.disconnect();
		},
	};
}
