/** The content script's badges: mounting, updating and removing one badge per card (or per page). */
import type {ToBackground} from '@/lib/browser/message-types';
import type {Mount} from '@/lib/scan/scanner';
import type {Details} from '@/lib/ui/details';
import {createBadge, type BadgeProps, type BadgeView} from './badge-view';
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

/**
 * A click the user made, not one a page script fired: trusted, and with the browser's user activation. Anything that
 * reaches outside the page (opening the check-in card or the options in a tab) needs one.
 */
const byUser = (event: Event) => event.isTrusted && (navigator.userActivation?.isActive ?? true);

/**
 * How the scanner puts a badge on the page: a closed host (./badge-host.ts) with the badge (./badge-view.ts) inside.
 * `send` carries the two requests a badge can make (open the options, open the check-in card), each only after a
 * click the user made; `explain` asks the background for a badge's details when its popover opens.
 */
export function badgeMount(
	css: string,
	send: (message: ToBackground) => void,
	explain: (request: Extract<ToBackground, {type: 'details'}>) => Promise<Details | undefined>,
): Mount {
	const openSettings = (event: Event) => {
		if (byUser(event)) send({type: 'open-options'});
	};
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
			const onOpenCard =
				trip && !heuristic && result.stops.some((s) => s.best !== null && !s.verdicts.find((v) => v.policy === s.best)?.scheme)
					? (event: Event) => {
							if (byUser(event)) send({type: 'open-card', trip});
						}
					: undefined;
			const view = current;
			const loadDetails = () => explain({type: 'details', trips: view.trips, today: view.today, locale: view.locale, heuristic});
			return {
				summary: current.summary,
				locale: current.locale,
				loadDetails,
				page: current.page,
				onOpenSettings: openSettings,
				onOpenCard,
			};
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
		};
	};
}
