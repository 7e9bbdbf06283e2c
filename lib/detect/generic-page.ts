/**
 * The adapter for pages no site adapter knows: sites the user added in the options ("always run on this site") and
 * pages scanned once from the popup. It has no cards; it reads the whole page (schema.org data, GDS lines, then the
 * generic text detector) and the scanner shows one badge for the page. Its confidence is heuristic whatever the
 * source: on an unknown page we cannot tell a booked itinerary from an example or an old quote, so a ✓ is never
 * shown without "check the flights shown".
 *
 * Not in the registry on purpose: it has no match patterns and runs only where the user asked for it.
 */
import {rawFromDocument, textFindings, ZONES, type TextFindings} from '.';
import type {AirportTable} from '../airports';
import {defineAdapter, type SiteAdapter} from '../adapters/types';
import {passengerNationalities} from '../extract/docs';
import {type RawItinerary} from '../itinerary';
import {normalizeAroundUnknownAirports, type NormalizeOptions} from '../extract/normalize';
import {GENERIC_PAGE_ID} from './page-status';

/**
 * What the second content script (entrypoints/generic.ts) hands the first: the generic readers, which the site
 * adapters never need. It is put into a page only where they are: a site the user added, or by the popup (a scan,
 * or a site whose cards no longer read).
 */
export type GenericDetector = {
	pageAdapter: (airports: AirportTable) => SiteAdapter;
	/** The page's text read as a pasted text is (lib/detect textFindings), for the popup's "This page". */
	textFindings: (text: string, airports: AirportTable, referenceDate: string) => TextFindings;
	/**
	 * The normaliser's arrival placer and bound (lib/extract/arrival-day.ts), for what the generic page reads: GDS lines
	 * that print no day for a landing after midnight, ticket coupons that give no arrival. They need the airports' time
	 * zones, which the compact table learns from the background (AirportTable `zoneOf`); the site adapters need neither.
	 */
	arrivals: NormalizeOptions;
	/**
	 * The normaliser that keeps an itinerary's other legs where one names an airport the table does not know, and says
	 * which flights it left out (lib/extract/normalize.ts): the page badge judges what the page shows as a pasted text
	 * is judged. The site adapters' cards never need it (a card with an unknown airport is counted unread).
	 */
	normalizeAround: typeof normalizeAroundUnknownAirports;
};

export function genericPageAdapter(airports: AirportTable): SiteAdapter {
	// Agents' tools re-render often (clocks, counters): the page is read again only when its text changed, which
	// textContent tells cheaply.
	let last: {text: string; itineraries: RawItinerary[]; nationalities?: string[]} | undefined;
	const read = (doc: Document) => {
		const text = doc.body?.textContent ?? '';
		if (last?.text !== text) last = {text, itineraries: rawFromDocument(doc, airports)?.itineraries ?? []};
		return last;
	};
	return defineAdapter({
		id: GENERIC_PAGE_ID,
		label: 'Generic text detector',
		matches: [],
		isItineraryPage: () => true,
		examples: [],
		counterExamples: [],
		confidence: 'heuristic',
		findCards: () => [],
		// It reads the page's text only: no attribute change alone is worth reading it again.
		watchAttributes: [],
		extract: () => ({status: 'unsupported', reason: 'the generic page adapter reads the whole page, not cards'}),
		extractEmbedded: (doc) => read(doc).itineraries,
		recordNationalities: (doc) => {
			const page = read(doc);
			return (page.nationalities ??= passengerNationalities(page.text));
		},
		badgePlacements: () => [],
	});
}

export const genericDetector: GenericDetector = {
	pageAdapter: genericPageAdapter,
	textFindings,
	arrivals: ZONES,
	normalizeAround: normalizeAroundUnknownAirports,
};
