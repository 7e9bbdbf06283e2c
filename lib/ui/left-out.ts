/**
 * What a text held but was not checked, each flight in a sentence: those left out for their status (cancelled,
 * waitlisted, surface, unread, flown) and those naming an airport the table does not know, after which the flights on
 * either side were checked apart. The paste box (components/PasteItinerary.tsx), the popup's "This page" (lib/ui/popup.ts:
 * a site whose layout is not recognised, an agent's page) and a page badge's details (./details.ts) say them alike: an
 * agent must see what is missing.
 */
import {metroOf, type AirportTable} from '../airports';
import type {UnknownAirportSegment} from '../extract/normalize';
import {t} from '../i18n/messages';
import type {Locale} from '../i18n/locale';
import type {ExcludedSegment, SegmentStatus} from '../itinerary';

const STATUS_WORD: Record<SegmentStatus, Parameters<typeof t>[0]> = {
	confirmed: 'segmentUnconfirmed', // never excluded; here for completeness
	unconfirmed: 'segmentUnconfirmed',
	cancelled: 'segmentCancelled',
	waitlisted: 'segmentWaitlisted',
	surface: 'segmentSurface',
	unread: 'segmentUnread',
	flown: 'segmentFlown',
};

/** A segment as people name it: flight and route, whatever of them the text gave. */
const segmentName = (s: {flight?: string; from?: string; to?: string}, fallback: string) =>
	[s.flight, s.from || s.to ? `${s.from ?? '?'} → ${s.to ?? '?'}` : undefined].filter(Boolean).join(' ') || fallback;

/** The flights left out (`excluded`, then `unknownAirports`), a sentence each, in the reader's language. */
export function leftOutSegments(
	left: {excluded?: readonly ExcludedSegment[]; unknownAirports?: readonly UnknownAirportSegment[]},
	locale: Locale,
	airports: AirportTable,
): string[] {
	return [
		...(left.excluded ?? []).map((e) =>
			e.status === 'unread'
				? t('pasteUnreadSegment', locale, {line: e.line ?? segmentName(e, '')})
				: t('pasteExcluded', locale, {what: segmentName(e, e.code), status: t(STATUS_WORD[e.status], locale), code: e.code}),
		),
		...(left.unknownAirports ?? []).map((u) =>
			t(
				!u.unknown.every((name) => metroOf(name, airports))
					? 'pasteUnknownAirport'
					: u.unknown.length > 1
						? 'pasteCityCodesSegment'
						: 'pasteCityCodeSegment',
				locale,
				{what: segmentName(u, ''), names: u.unknown.join(', ')},
			),
		),
	];
}
