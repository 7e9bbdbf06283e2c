/**
 * The one harness for the site adapters' tests (test/dom/adapters.test.ts and test/dom/<adapter>.test.ts): a saved
 * page as a Document, the PageContext an adapter is handed, a card read and normalised the way the scanner does it,
 * and the hand-read expectations saved beside each page. Needs a DOM: callers run in jsdom
 * (`// @vitest-environment jsdom`).
 *
 * Expectations: every saved page `test/fixtures/<adapter id>/<name>.html` has `<name>.expected.json` beside it, with
 * values read off the page by hand (the quotes they come from are in its `notes`), never dumped from an adapter's
 * output. adapters.test.ts checks every page against them.
 */
import {readdirSync, readFileSync} from 'node:fs';
import {z} from 'zod';
import {adapters} from '../../lib/adapters';
import type {PageContext, SiteAdapter} from '../../lib/adapters/types';
import {bundledAirports} from '../../lib/airports/bundled';
import {normalizeItinerary} from '../../lib/extract/normalize';
import type {SegmentInput} from '../../lib/itinerary';
import type {BadgeView, Mount} from '../../lib/scan/scanner';

export const FIXTURES = 'test/fixtures';

/** A saved page, by its path under test/fixtures/ (`kayak/msp-chi-oneway-2022.html`), parsed afresh: tests may edit it. */
export function loadFixture(page: string): Document {
	return new DOMParser().parseFromString(readFileSync(`${FIXTURES}/${page}`, 'utf8'), 'text/html');
}

/** What an adapter is handed for a page: its URL, the date year-less dates resolve against, the bundled airports. */
export function pageContext(url: string | URL, referenceDate: string): PageContext {
	return {url: new URL(url), referenceDate, airports: bundledAirports()};
}

/**
 * One card's itinerary, normalised against the page's reference date and airports. Throws when the adapter does not
 * read the card (`incomplete`, `unsupported`, `failed`) or the itinerary does not normalise.
 */
export function readCard(adapter: SiteAdapter, card: Element, page: PageContext): SegmentInput[] {
	const e = adapter.extract(card, page);
	if (e.status !== 'ok') throw new Error(`${adapter.id}: card not read: ${JSON.stringify(e)}`);
	const n = normalizeItinerary(e.itinerary, page.referenceDate, page.airports);
	if (!n.ok) throw new Error(`${adapter.id}: card not normalised: ${n.problem}`);
	return n.segments;
}

/** Every card the adapter finds under `root`, read in page order; throws on the first card not read. */
export function readCards(adapter: SiteAdapter, root: ParentNode, page: PageContext): SegmentInput[][] {
	return adapter.findCards(root).map((card) => readCard(adapter, card, page));
}

/** The airports in order, `SFO-HKG-NRT`. */
export const route = (segments: SegmentInput[]): string => [segments[0]!.from, ...segments.map((s) => s.to)].join('-');

export function adapterById(id: string): SiteAdapter {
	const adapter = adapters.find((a) => a.id === id);
	if (!adapter) throw new Error(`no adapter "${id}" in lib/adapters/index.ts`);
	return adapter;
}

// --- Expectations (`<name>.expected.json` beside `<name>.html`) ---

const code = z.string().regex(/^[A-Z0-9]{3}$/);
const Segment = z.strictObject({
	from: code,
	to: code,
	departure: z.string().optional(),
	arrival: z.string().optional(),
	flight: z.string().optional(),
	separateTickets: z.boolean().optional(),
	connectionMinutes: z.number().int().nonnegative().optional(),
});
const cardIndex = z.number().int().nonnegative();

/** One card, by its index in `findCards` order: its whole itinerary, only its route, or the status it must be refused with. */
const CardExpectation = z.union([
	z.strictObject({card: cardIndex, segments: z.array(Segment).min(1)}),
	z.strictObject({card: cardIndex, route: z.string().regex(/^[A-Z0-9]{3}(-[A-Z0-9]{3})+$/)}),
	z.strictObject({card: cardIndex, status: z.enum(['incomplete', 'unsupported', 'failed'])}),
]);
export type CardExpectation = z.infer<typeof CardExpectation>;

const count = z.number().int().positive();
export const PageExpectationSchema = z
	.strictObject({
		/** The adapter's id; the page lies in the folder of that name. */
		adapter: z.string(),
		/** The page URL the tests hand the adapter. */
		url: z.url(),
		/** The date year-less dates on the page resolve against (the capture's, or the search's). */
		referenceDate: z.iso.date(),
		readBy: z.literal('hand'),
		/** The page text the values were read from, quoted. */
		notes: z.array(z.string().min(1)).min(1),
		/** How many cards `findCards` returns on the page. */
		cards: z.number().int().nonnegative(),
		/**
		 * Counts over every card, each of which must then be read: cards by number of segments (every card counted),
		 * and cards per route (the routes listed only).
		 */
		tally: z
			.strictObject({
				segments: z.record(z.string().regex(/^[1-9][0-9]*$/), count).optional(),
				routes: z.record(z.string(), count).optional(),
			})
			.optional(),
		/** The cards read by hand, in page order; cards not listed were not (all) read by hand. */
		itineraries: z.array(CardExpectation),
	})
	.superRefine((e, ctx) => {
		e.itineraries.forEach((c, i) => {
			if (c.card >= e.cards)
				ctx.addIssue({code: 'custom', path: ['itineraries', i, 'card'], message: `card ${c.card} of ${e.cards}`});
			const before = e.itineraries[i - 1];
			if (before && before.card >= c.card)
				ctx.addIssue({code: 'custom', path: ['itineraries', i, 'card'], message: 'cards in page order, each once'});
		});
		const counted = Object.values(e.tally?.segments ?? {}).reduce((a, b) => a + b, 0);
		if (e.tally?.segments && counted !== e.cards)
			ctx.addIssue({code: 'custom', path: ['tally', 'segments'], message: `counts ${counted} cards of ${e.cards}`});
	});
export type PageExpectation = z.infer<typeof PageExpectationSchema>;

/** `kayak/msp-chi-oneway-2022.html` → `kayak/msp-chi-oneway-2022.expected.json`. */
export const expectationPath = (page: string): string => page.replace(/\.html$/, '.expected.json');
/** `kayak/msp-chi-oneway-2022.expected.json` → `kayak/msp-chi-oneway-2022.html`. */
export const pageOfExpectation = (file: string): string => file.replace(/\.expected\.json$/, '.html');

const folders = (): string[] =>
	readdirSync(FIXTURES, {withFileTypes: true})
		.filter((d) => d.isDirectory())
		.map((d) => d.name);
const filesIn = (dir: string, suffix: string): string[] =>
	readdirSync(`${FIXTURES}/${dir}`)
		.filter((f) => f.endsWith(suffix))
		.map((f) => `${dir}/${f}`);

/** Every saved page in an adapter's folder (test/fixtures/<adapter id>/*.html): each must have its expectations. */
export const adapterPages = (): string[] => adapters.flatMap((a) => filesIn(a.id, '.html'));

/** Every `*.expected.json` under test/fixtures/<folder>/, whichever the folder. */
export const expectationFiles = (): string[] => folders().flatMap((dir) => filesIn(dir, '.expected.json'));

/** The expectations file, parsed; use PageExpectationSchema.safeParse to report a malformed one. */
export const readExpectationJson = (file: string): unknown => JSON.parse(readFileSync(`${FIXTURES}/${file}`, 'utf8'));

/** A saved page with its expectations: its adapter, the context they hold for, and a fresh Document on each `load()`. */
export function savedPage(page: string): {expected: PageExpectation; adapter: SiteAdapter; context: PageContext; load: () => Document} {
	const expected = PageExpectationSchema.parse(readExpectationJson(expectationPath(page)));
	return {
		expected,
		adapter: adapterById(expected.adapter),
		context: pageContext(expected.url, expected.referenceDate),
		load: () => loadFixture(page),
	};
}

/** A scanner `mount` that keeps every view it is given, each update included, in `views` (the page keeps each badge). */
export function recordingMount(views: BadgeView[]): Mount {
	return (_placement, view) => {
		views.push(view);
		return {update: (next) => void views.push(next), remove: () => undefined, isConnected: () => true};
	};
}
