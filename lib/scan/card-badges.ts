/**
 * A card's badge: its verdict put on the page (a new badge, an update in place, or none without a mainland stop),
 * put back when the page removes it (a few times at most), and moved to the adapter's next placement when the page
 * clips it (./placement-check.ts). Rendering is injected (`Mount`), so nothing here is UI.
 */
import {guarded} from './guard';
import type {BadgePlacement, SiteAdapter} from '../adapters/types';
import type {LeftOut} from '../detect/page-status';
import type {Locale} from '../i18n/locale';
import type {SegmentInput} from '../itinerary';
import type {CheckResult, TripInput} from '../rules/types';
import type {BadgeSummary} from '../ui/summary';

/**
 * A badge the page takes away is put back this many times in a row at most: a page that deletes what it did not
 * make as soon as it is in (or re-renders on every change, ours included) wins, with no fight over the DOM. The count
 * starts again after RESTORE_QUIET_MS without a restore, so a card the page re-renders now and then (prices
 * refreshed, a card opened and closed) gets its badge back each time, however many times.
 */
const MAX_BADGE_RESTORES = 3;
/** A while without putting a badge back, after which its restores are counted from none again. */
export const RESTORE_QUIET_MS = 5000;

/** Whether a badge the page took away goes back now (`now`: the scanner's clock), counted if so. */
export function mayRestore(counts: {restores: number; restoredAt: number}, now: number): boolean {
	if (now - counts.restoredAt >= RESTORE_QUIET_MS) counts.restores = 0;
	if (counts.restores >= MAX_BADGE_RESTORES) return false;
	counts.restores++;
	counts.restoredAt = now;
	return true;
}
/** Placement checks per batch: a clipped badge moves on one placement a pass. */
const MAX_PLACEMENT_PASSES = 8;

/**
 * `page`: one badge for itineraries the page holds in its data but has not rendered as cards. `trips`: what each
 * result was judged from (the check-in card is built from it), in the same order as `results`.
 */
export type BadgeView = {
	summary: BadgeSummary;
	results: CheckResult[];
	trips: TripInput[];
	heuristic: boolean;
	locale: Locale;
	/** The engine's "today" the results were judged on: the details are explained on the same day. */
	today: string;
	page?: boolean;
	/** The page badge's: the passengers' nationalities a record on the page gives (the adapter's `recordNationalities`). */
	recordNationalities?: string[];
	/** The page badge's: flights in the page's data it read but did not check (ScannerOptions `normalizeAround`). */
	leftOut?: LeftOut;
};
/**
 * `host`: the element put into the page, for the placement check and to tell our own mutations from the page's.
 * `focus`: gives the badge the keyboard's focus (the badge it replaces at another placement had it).
 */
export type BadgeHandle = {
	update: (view: BadgeView) => void;
	remove: () => void;
	isConnected: () => boolean;
	host?: Element;
	focus?: () => void;
};
export type Mount = (placement: BadgePlacement, view: BadgeView) => BadgeHandle;
/**
 * Whether a mounted badge is painted whole where it is (see ./placement-check.ts): `not-rendered` when the card itself
 * is not laid out (not displayed, collapsed), so nothing can be said yet; `settling` when the badge
 * is not shown now but the page is animating the boxes around it (a box of the card fading or sliding in), so nothing
 * can be said until those animations end; `covered` when it shows through a transparent layer of the card over it (a
 * click layer making the whole card one link), which would take its clicks.
 */
export type PlacementCheck = (host: Element, card: Element, at?: Point) => 'painted' | 'clipped' | 'not-rendered' | 'settling' | 'covered';
/**
 * A point in the window where the user's pointer found something else over a badge (PointerWatch): besides its centre,
 * the placement check asks what is over the badge there (a layer may lie over its edge only), and a lift is made over
 * what lies there.
 */
export type Point = {x: number; y: number};

/** What the scanner knows of a card it has read. */
export type CardState = {
	/**
	 * What the card last read as: the itinerary key of `segments` (their JSON), so an unchanged itinerary is not judged
	 * or mounted again; or, without `segments`, the route of a card passed over (wholly outside the mainland: an
	 * itinerary read, with no badge under any settings); '' when it did not read as an itinerary.
	 */
	fingerprint: string;
	/** The normalised itinerary last read from the card; undefined when the card did not read as one, or was passed over. */
	segments?: SegmentInput[];
	/** The settings the badge was judged under. */
	settingsKey: string;
	handle?: BadgeHandle;
	/** Times the badge was put back in a row, and when last (MAX_BADGE_RESTORES). */
	restores: number;
	restoredAt: number;
	view?: BadgeView;
	/** Index into the adapter's placements where the badge is (or goes next). */
	placement: number;
	/**
	 * The placement this round of checks began at: a clipped badge moves on through the placements after it, then
	 * wraps to the ones before it, and stops when it comes back here (each tried once a round).
	 */
	roundStart: number;
	/** Every placement was tried and none showed the badge whole. */
	unplaced: boolean;
	/**
	 * The card, rendered, does not read as an itinerary: its adapter failed on it or cannot read its kind (a transfer
	 * in a city, not an airport), or what it read does not normalise (an airport the table does not know, times that
	 * cannot all be true). It has no badge, which the popup says. False while the card is still rendering.
	 */
	unread: boolean;
};

export const newCardState = (): CardState => ({
	fingerprint: '',
	settingsKey: '',
	restores: 0,
	restoredAt: 0,
	placement: 0,
	roundStart: 0,
	unplaced: false,
	unread: false,
});

export type CardBadges = {
	/** Shows `view` on the card: a new badge or an update in place; undefined (no mainland stop) removes the badge. */
	show: (card: Element, state: CardState, view: BadgeView | undefined) => void;
	/** Puts back a badge the page removed (a re-render), a few times at most; then the card is left alone. */
	restore: (card: Element, state: CardState) => void;
	/** The card no longer reads as an itinerary (still rendering, or recycled into something else): no badge. */
	drop: (state: CardState) => void;
	/** The card left the page: its badge goes, and it is not checked. */
	forget: (card: Element, state: CardState | undefined) => void;
	/** The layout changed: check the badge again; one that fitted nowhere gets another chance at the best placement. */
	recheck: (card: Element, state: CardState, at?: Point) => void;
	/**
	 * The pointer found something over the badge in `host` at `at`: the badge's next check asks there too, the one
	 * still to come included (one asked for by a change of the page's styles just before, say, which would otherwise
	 * find the badge covered where it was lifted and put it back under the layer the pointer found).
	 */
	pointed: (host: Element, at: Point) => void;
	/** Checks the badges mounted or moved since the last call. */
	checkPlacements: () => void;
	/** Whether badges wait for a placement check (mounted or moved since the last one). */
	toCheck: () => boolean;
	/**
	 * The card whose badge is on the page in `host`, unless its placement check is still to come; undefined for a
	 * host no longer on its card.
	 */
	cardOf: (host: Element) => Element | undefined;
};

/** Elements watched for something the page observer cannot hear. */
type ElementWatch = {observe: (element: Element) => void; unobserve: (element: Element) => void; disconnect: () => void};
/**
 * The cards whose size is watched (ScannerOptions.watchSizes, ./scan-run.ts). `awaitShown`: the card is not rendered
 * now (in a hidden tab panel, say); its first size as the page shows it is heard as a change, so its badge is checked
 * then rather than after every change of the page meanwhile.
 */
export type SizeWatch = ElementWatch & {awaitShown?: (element: Element) => void};
/** The badges on the page watched for being clipped (ScannerOptions.watchClips, ./scan-run.ts): their hosts. */
export type ClipWatch = ElementWatch;
/** The badges on the page, watched for the pointer finding something else over them (ScannerOptions.watchPointer). */
export type PointerWatch = {observe: (host: Element, card: Element) => void; unobserve: (host: Element) => void; disconnect: () => void};
/**
 * Told of the host (one at a time) over which the pointer found something else, and where (PointerWatch). `now`: the
 * badge is checked (and lifted) before the call returns, not in the next frame: a finger's tap on it, whose click the
 * browser sends where its hit test finds something at the end of the tap, which can come before the next frame.
 */
export type PointerReport = (hosts: Element[], at?: Point, now?: boolean) => void;

type CardBadgesOptions = {
	adapter: SiteAdapter;
	mount: Mount;
	/**
	 * Checks each badge after it is mounted; a clipped badge moves to the adapter's next placement, and one that fits
	 * nowhere is removed and counted as unplaced. Without it (no layout, as under jsdom) the first placement is kept.
	 */
	checkPlacement?: PlacementCheck;
	/** The scanner's clock (ScannerOptions.now), for the restores' quiet while; none: restores never start again. */
	now?: () => number;
	/** Told of each host we put into the page (the observer leaves those out). */
	own: (host: Element) => void;
	/**
	 * Watches the size of each card given a badge, until the card leaves the page; a card not rendered is checked again
	 * when the watch hears it shown (`awaitShown`), else after the next change.
	 */
	sizes?: SizeWatch;
	/** Watches each badge's host while it is on its card. */
	clips?: ClipWatch;
	/**
	 * A badge whose check said `settling`: its card is checked again once the animations around the badge have ended
	 * (ScannerOptions.afterAnimations). Without it, after the next change, as a card not rendered yet.
	 */
	settle?: (host: Element, card: Element) => void;
	/**
	 * Puts a `covered` badge's host over the layers of its card over it (`true`; where the pointer found one too, `at`),
	 * or back as it was (`false`); the badge is checked again at once, and one still covered is put back (over its
	 * centre's layer, if it was lifted over that before) and left as it is, seen through the layer.
	 */
	lift?: (host: Element, card: Element, over: boolean, at?: Point) => void;
	/** Watches each badge's host, with its card, for the pointer finding something else over it. */
	pointer?: PointerWatch;
	logOnce: (message: string) => void;
};

/**
 * The options, the cards whose badge was mounted or moved since the last placement check, those whose size is
 * watched, and the card of each badge host watched for clipping.
 */
type Context = CardBadgesOptions & {
	toCheck: Map<Element, CardState>;
	sized: WeakSet<Element>;
	hostCards: WeakMap<Element, Element>;
	/** Hosts lifted over a layer of their card: not again, unless the pointer finds a layer over one. */
	lifted: WeakSet<Element>;
	/** Where the pointer found something over a host, for its next check (and the one after a lift). */
	points: WeakMap<Element, Point>;
};

export function createCardBadges(options: CardBadgesOptions): CardBadges {
	const ctx: Context = {
		...options,
		toCheck: new Map(),
		sized: new WeakSet(),
		hostCards: new WeakMap(),
		lifted: new WeakSet(),
		points: new WeakMap(),
	};
	return {
		show: (card, state, view) => show(ctx, card, state, view),
		restore(card, state) {
			if (!state.segments || !state.handle || !state.view) return;
			if (state.handle.isConnected() || !mayRestore(state, ctx.now?.() ?? 0)) return;
			state.roundStart = state.placement;
			mountAt(ctx, card, state);
		},
		drop(state) {
			takeOff(ctx, state);
			state.segments = undefined;
			state.view = undefined;
			state.fingerprint = '';
			state.placement = 0;
			state.roundStart = 0;
			state.unplaced = false;
		},
		forget(card, state) {
			if (state) takeOff(ctx, state);
			ctx.toCheck.delete(card);
			if (ctx.sized.delete(card)) ctx.sizes?.unobserve(card);
		},
		recheck(card, state, at) {
			if (!state.view) return;
			const host = state.handle?.host;
			if (at && host) ctx.points.set(host, at);
			if (state.unplaced) {
				state.unplaced = false;
				state.placement = state.roundStart = 0;
				mountAt(ctx, card, state);
			} else if (state.handle) {
				state.roundStart = state.placement;
				ctx.toCheck.set(card, state);
			}
		},
		pointed(host, at) {
			if (ctx.hostCards.has(host)) ctx.points.set(host, at);
		},
		checkPlacements: () => checkPlacements(ctx),
		toCheck: () => ctx.toCheck.size > 0,
		cardOf(host) {
			const card = ctx.hostCards.get(host);
			return card && !ctx.toCheck.has(card) ? card : undefined;
		},
	};
}

/** Takes the card's badge off the page, and stops watching its host. */
function takeOff(ctx: Context, state: CardState): void {
	const host = state.handle?.host;
	state.handle?.remove();
	state.handle = undefined;
	if (host && ctx.hostCards.delete(host)) ctx.clips?.unobserve(host);
	if (host) ctx.pointer?.unobserve(host);
}

function show(ctx: Context, card: Element, state: CardState, view: BadgeView | undefined): void {
	if (!view) {
		takeOff(ctx, state);
		state.view = undefined;
		return;
	}
	state.view = view;
	if (state.handle?.isConnected()) state.handle.update(view);
	else if (!state.unplaced) {
		state.roundStart = state.placement;
		mountAt(ctx, card, state);
	}
}

/** Mounts the card's badge at its current placement; false when the adapter has no placement left to try. */
function mountAt(ctx: Context, card: Element, state: CardState): boolean {
	// A badge the keyboard's focus is on (a keyboard user tabbed to it, and the check it asked for moved it): its
	// focus goes with it, rather than back to the top of the page.
	const old = state.handle?.host;
	const focused = old !== undefined && old.ownerDocument.activeElement === old;
	takeOff(ctx, state);
	const placement = placements(ctx, card)[state.placement];
	if (!placement || !state.view) return false;
	state.handle = ctx.mount(placement, state.view);
	if (focused) state.handle.focus?.();
	const host = state.handle.host;
	if (host) {
		ctx.own(host);
		if (ctx.clips || ctx.pointer) ctx.hostCards.set(host, card);
		ctx.clips?.observe(host);
		ctx.pointer?.observe(host, card);
	}
	ctx.toCheck.set(card, state);
	if (ctx.sizes && !ctx.sized.has(card)) {
		ctx.sized.add(card);
		ctx.sizes.observe(card);
	}
	return true;
}

function placements(ctx: Context, card: Element): BadgePlacement[] {
	return guarded('badgePlacements', () => ctx.adapter.badgePlacements(card), [], ctx.logOnce);
}

/**
 * Checks the badges mounted or moved in this batch: all reads first, then the moves, so each pass costs the page
 * one layout. A clipped badge goes to the next placement and is checked again in the next pass; one that fits
 * nowhere is removed and counted. Cards not rendered are checked again once the size watch hears them shown (without
 * one, after the next change); badges in boxes the page is animating, once the animations end.
 */
function checkPlacements(ctx: Context): void {
	const check = ctx.checkPlacement;
	if (!check) {
		ctx.toCheck.clear();
		return;
	}
	let round = [...ctx.toCheck];
	ctx.toCheck.clear();
	/** Hosts lifted in this call, and whether each was lifted before it. */
	const liftedNow = new Map<Element, boolean>();
	const later: [Element, CardState][] = [];
	for (let pass = 0; round.length > 0 && pass < MAX_PLACEMENT_PASSES; pass++) {
		const results = round.map(([card, state]) => {
			const host = state.handle?.host;
			return [card, state, host && host.isConnected ? safeCheck(check, host, card, ctx.points.get(host)) : 'gone'] as const;
		});
		round = [];
		for (const [card, state, result] of results) {
			const host = state.handle?.host;
			const at = host && ctx.points.get(host);
			if (host) ctx.points.delete(host);
			if (result === 'covered' && host && ctx.lift) {
				if (!liftedNow.has(host) && (!ctx.lifted.has(host) || at)) {
					// Over the layer (once, or again where the pointer finds one), and checked again in the next pass,
					// there too.
					liftedNow.set(host, ctx.lifted.has(host));
					ctx.lifted.add(host);
					ctx.lift(host, card, true, at);
					if (at) ctx.points.set(host, at);
					round.push([card, state]);
				} else {
					// Still covered: back as it was (over its centre's layer, if it was lifted over that before), seen
					// through the layer.
					ctx.lift(host, card, liftedNow.get(host) === true);
				}
				continue;
			}
			if (result === 'painted' || result === 'covered' || result === 'gone') continue;
			if (result === 'not-rendered' && ctx.sizes?.awaitShown && ctx.sized.has(card)) {
				ctx.sizes.awaitShown(card);
				continue;
			}
			if (result === 'not-rendered' || result === 'settling') {
				later.push([card, state]);
				if (result === 'settling' && host) ctx.settle?.(host, card);
				continue;
			}
			if (moveOn(ctx, card, state)) round.push([card, state]);
			else {
				state.unplaced = true;
				ctx.logOnce('a badge could not be placed where it is painted whole');
			}
			ctx.toCheck.delete(card);
		}
	}
	for (const [card, state] of [...round, ...later]) ctx.toCheck.set(card, state);
}

/**
 * Mounts a clipped badge at the next placement of its round: the ones after it, then from the first; false when the
 * round is back where it began (every placement tried once) and the badge is not on the page.
 */
function moveOn(ctx: Context, card: Element, state: CardState): boolean {
	for (let wrapped = state.roundStart === 0; ;) {
		state.placement++;
		if (state.placement === state.roundStart) break;
		if (mountAt(ctx, card, state)) return true;
		if (wrapped) break; // past the last placement (the adapter may list fewer now), after the wrap or with none
		wrapped = true;
		state.placement = -1; // past the last placement: wrap to the first
	}
	takeOff(ctx, state); // no clipped badge stays on the page
	state.placement = state.roundStart;
	return false;
}

function safeCheck(check: PlacementCheck, host: Element, card: Element, at: Point | undefined): ReturnType<PlacementCheck> {
	try {
		return check(host, card, at);
	} catch {
		return 'painted'; // a check that cannot run must not take badges away
	}
}
