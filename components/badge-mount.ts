/** The content script's badges: mounting, updating and removing one badge per card (or per page). */
import {MESSAGE_LIMITS, type ToBackground} from '@/lib/browser/message-types';
import {boundedLeftOut} from '@/lib/detect/page-status';
import type {Mount} from '@/lib/scan/scanner';
import {createBadge, type BadgeProps, type BadgeView, type DetailsShowing} from './badge-view';
import {createBadgeHost, type BadgeHost} from './badge-host';

/** Events stopped at the badge's shadow host, so the card around it (often a link) never sees them. */
const ISOLATED_EVENTS = [
	'click',
	'pointerdown',
	'pointerup',
	'mousedown',
	'mouseup',
	'keydown',
	'keyup',
	'keypress',
	'touchstart',
	'touchend',
	'focusin',
];

/** The open popovers' closers, by the key their details frame was given (one at a time: popovers close each other). */
const closers = new Map<string, () => void>();

/** The details frame with this key asked to close (Escape in it, through the background): false when none is open. */
export function closeDetails(key: string): boolean {
	const close = closers.get(key);
	close?.();
	return close !== undefined;
}

/**
 * How the scanner puts a badge on the page: a closed host (./badge-host.ts) with the badge (./badge-view.ts) inside.
 * When its popover opens, `handOver` gives the background what the badge's details are about (`details-open`) and
 * answers with the key, or undefined; `frameUrl` is the details page (entrypoints/details), which shows them. The
 * details page asks for the check-in card and the options itself, on the user's clicks in it.
 */
export function badgeMount(
	css: string,
	handOver: (request: Extract<ToBackground, {type: 'details-open'}>) => Promise<string | undefined>,
	frameUrl: string,
): Mount {
	return (placement, view) => {
		let current = view;
		let made: BadgeHost | undefined;
		let badge: BadgeView | undefined;
		const propsOf = (): BadgeProps => {
			const heuristic = current.heuristic;
			const result =
				current.results.length === 1
					? current.results[0]!
					: {...current.results[0]!, stops: current.results.flatMap((r) => r.stops)};
			// The check-in card: for one itinerary read from structured data with a stay the rules confirm.
			const trip = current.trips.length === 1 ? current.trips[0] : undefined;
			const card =
				trip &&
				trip.segments.length <= MESSAGE_LIMITS.segments &&
				!heuristic &&
				result.stops.some((s) => s.best !== null && !s.verdicts.find((v) => v.policy === s.best)?.scheme)
					? trip
					: undefined;
			const view = current;
			const openDetails = async (close: () => void): Promise<DetailsShowing> => {
				const nationalities = view.recordNationalities?.slice(0, MESSAGE_LIMITS.recordNationalities);
				// A page badge may stand for more itineraries than one message takes, or one of more flights than it takes:
				// the first ones that fit, and how many are left out.
				const trips = view.trips.filter((t) => t.segments.length <= MESSAGE_LIMITS.segments).slice(0, MESSAGE_LIMITS.detailsTrips);
				const omitted = view.trips.length - trips.length;
				const leftOut = view.leftOut && boundedLeftOut(view.leftOut, MESSAGE_LIMITS);
				// None fits: the frame says the details could not be loaded, and to check the route in the popup.
				if (trips.length === 0) return {url: frameUrl, forget: () => undefined};
				const request = {
					type: 'details-open' as const,
					trips,
					today: view.today,
					locale: view.locale,
					heuristic,
					...(nationalities?.length ? {recordNationalities: nationalities} : {}),
					...(omitted > 0 ? {tripsOmitted: omitted} : {}),
					...(leftOut ? {leftOut} : {}),
				};
				const key = await handOver(card ? {...request, card} : request).catch(() => undefined);
				if (!key) return {url: frameUrl, forget: () => undefined};
				closers.set(key, close);
				return {url: `${frameUrl}#${key}`, forget: () => void closers.delete(key)};
			};
			return {summary: current.summary, locale: current.locale, openDetails, page: current.page};
		};
		try {
			// The badge first, then its host around it: the host goes into the page whole.
			badge = createBadge(propsOf());
			made = createBadgeHost(placement, css, {page: current.page === true}, ISOLATED_EVENTS, badge.frame);
		} catch {
			// The anchor is not where it can take a child any more: the next batch places the badge again.
		}
		return {
			update(next) {
				current = next;
				if (made) badge?.update(propsOf());
			},
			remove() {
				made?.host.remove();
			},
			isConnected: () => made?.host.isConnected ?? false,
			host: made?.host,
			focus: () => badge?.focus(),
		};
	};
}
