/**
 * The site registry: every booking site the extension runs on by default.
 * The content script's `matches` (and so the host permissions users are asked for) are derived from this list,
 * so adding a site is one entry here plus its adapter and fixtures.
 * Pure data: nothing here may touch the DOM, because WXT evaluates it at build time in Node.
 */
export type Site = {
	/** Kebab-case; equals the adapter file name and the fixtures folder. */
	id: string;
	/** Shown in the options page and in logs. */
	label: string;
	/** Match patterns (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns). */
	matches: string[];
	/** URL-level check: does this URL show itineraries? Re-run on SPA navigation. */
	isItineraryPage: (url: URL) => boolean;
	/** URLs isItineraryPage must accept (checked by the registry test). */
	examples: string[];
	/** URLs on the matched hosts that isItineraryPage must reject. */
	counterExamples: string[];
};

/** Alphabetical by id. */
export const sites: readonly Site[] = [
	{
		id: 'google-flights',
		label: 'Google Flights',
		// Results and booking pages live under /travel/flights on www.google.com (2023-2026 layouts).
		matches: ['https://www.google.com/travel/flights*'],
		isItineraryPage: (url) => url.hostname === 'www.google.com' && url.pathname.startsWith('/travel/flights'),
		examples: [
			'https://www.google.com/travel/flights/search?tfs=CBwQAhoeEgoyMDI2LTAzLTE1agcIARIDSkZLcgcIARIDTlJU',
			'https://www.google.com/travel/flights?q=Flights%20to%20PEK%20from%20JFK',
			'https://www.google.com/travel/flights/booking?tfs=CBwQAhoe',
		],
		counterExamples: ['https://www.google.com/search?q=flights', 'https://www.google.com/maps'],
	},
];

export function siteMatches(): string[] {
	return [...new Set(sites.flatMap((site) => site.matches))];
}

export function findSite(url: URL): Site | undefined {
	return sites.find((site) => site.isItineraryPage(url));
}
