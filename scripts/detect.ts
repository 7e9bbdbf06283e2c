/**
 * npm run --silent detect -- FILE [--url URL] [--date YYYY-MM-DD]
 *
 * Prints the itineraries the extension would find in FILE, as {"adapter", "itineraries": [{"segments", "confidence"}]},
 * with "dropped" (itineraries the normaliser refused) and "excluded" (segments left out: cancelled, waitlisted,
 * unconfirmed or surface, `unread`, a GDS segment line that could not be read whole, or `flown`, each with its line, flight,
 * airports, status and code) and "unknownAirports" (segments
 * left out because the airport table does not know an airport they name; the legs around them are kept as separate
 * itineraries), "unreadLines" (lines of an eTerm availability display that could not be placed, with why),
 * "unreadCards" (result cards a site's adapter found but could not read, with `status` failed or unsupported and why) and
 * "truncated" (the text was longer than the detectors read) when there are any, and "passengerNationalities" (the
 * nationalities the passport entries of a booking record's `SSR DOCS` items give its passengers, each once, in order:
 * `printed` as the record prints it, `country` its ISO 3166-1 alpha-2 code where it is one; never used to judge
 * anything) when the input has any, and "cityCodes" when an unknown airport is a city's code that names no airport
 * (`BJS`: {"city": "Beijing", "airports": ["PEK", "PKX"]}, the airports to choose from; never taken for one of them).
 * Files over 16 MB and HTML nested over 5,000 elements deep are refused.
 * An .html/.htm FILE is loaded with jsdom as the page at URL (default https://example.invalid/), so the site adapter
 * is the one the URL picks; a .txt/.eml FILE goes to the e-mail, GDS and generic text detectors. --date resolves
 * year-less dates (default: today). Exit status: 0 with a result (even an empty one), 2 on bad input (one line on
 * stderr), 1 when the dataset is broken.
 */
import {extname} from 'node:path';
import type {Detection} from '../lib/detect/index.ts';
import {parseLocal} from '../lib/time.ts';
import {failer, inputText, loadRulesOrFail, parseArgs, readInput, type Fail} from './cli-io.ts';

const USAGE = 'usage: npm run --silent detect -- FILE [--url URL] [--date YYYY-MM-DD]';
/** Element nesting beyond which a file is refused (see nesting). */
const MAX_NESTING = 5_000;
const KINDS: Record<string, 'html' | 'text'> = {'.html': 'html', '.htm': 'html', '.txt': 'text', '.eml': 'text'};

const fail: Fail = failer('detect');

let urlText = 'https://example.invalid/';
let date = new Date().toISOString().slice(0, 10);
const file = parseArgs(
	process.argv.slice(2),
	{
		options: {
			'--url': {set: (v) => (urlText = v), inline: true},
			'--date': {set: (v) => (date = v), inline: true},
		},
		usage: USAGE,
	},
	fail,
);
if (!file) fail(`no input file (${USAGE})`);
if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !parseLocal(date)) fail(`--date must be a date YYYY-MM-DD, not ${date}`);
let url: URL;
try {
	url = new URL(urlText);
} catch {
	fail(`--url must be an absolute URL, not ${urlText}`);
}
const kind = KINDS[extname(file).toLowerCase()];
if (!kind) fail(`${file}: unknown file type "${extname(file) || '(none)'}": give .html, .htm, .txt or .eml`);

const bytes = readInput(file, fail);
// A NUL byte never occurs in HTML, mail or text; it does in images, archives and executables.
if (bytes.includes(0)) fail(`${file} is not a text file`);
const text = inputText(bytes);
if (kind === 'html' && !/<[a-z!]/i.test(text)) fail(`${file} does not look like HTML`);
const depth = nesting(text);
if (depth > MAX_NESTING) fail(`${file} nests its elements ${depth} deep: detect reads pages nested at most ${MAX_NESTING} deep`);

// Loaded only once the input is known to be good: jsdom and the dataset take most of a second to load.
const [{JSDOM, VirtualConsole}, {detectDocument, detectText}, {passengerNationalities}, {countryFromRecord}, {metroOf}, rules] =
	await Promise.all([
		import('jsdom'),
		import('../lib/detect/index.ts'),
		import('../lib/extract/docs.ts'),
		import('../lib/i18n/countries.ts'),
		import('../lib/airports/index.ts'),
		loadRulesOrFail(fail),
	]);

// jsdom reports CSS it cannot parse on the console; that is noise here, and stderr is for our one line.
const parse = (html: string, pageUrl = 'https://example.invalid/') =>
	new JSDOM(html, {url: pageUrl, virtualConsole: new VirtualConsole()}).window.document;

let result: Detection;
/** The text the passengers' nationalities are read from: a page's text, or the text as given. */
let recordText = text;
try {
	if (kind === 'html') {
		const doc = parse(text, url.href);
		recordText = doc.body?.textContent ?? '';
		result = detectDocument(doc, url, date, rules);
	} else result = detectText(text, date, rules, (html) => parse(html));
} catch (error) {
	// The DOM's own recursion on a pathological file (nesting the estimate above missed): one line, not a stack trace.
	if (error instanceof RangeError) fail(`${file} could not be read: ${error.message}`);
	throw error;
}
type PassengerNationality = {printed: string; country?: string};
const nationalities = passengerNationalities(recordText).map((printed): PassengerNationality => {
	const country = countryFromRecord(printed);
	return country ? {printed, country} : {printed};
});
/** The cities' codes among the unknown airports (BJS, TYO: no airport), with their city and its airports to choose from. */
type CityCode = {city: string; airports: string[]};
const cityCodes = Object.fromEntries(
	[...new Set((result.unknownAirports ?? []).flatMap((u) => u.unknown))].flatMap((name): [string, CityCode][] => {
		const metro = metroOf(name, rules);
		return metro ? [[name, {city: metro.city, airports: metro.airports}]] : [];
	}),
);
const output: Detection & {passengerNationalities?: PassengerNationality[]; cityCodes?: Record<string, CityCode>} = {
	...result,
	...(Object.keys(cityCodes).length > 0 ? {cityCodes} : {}),
	...(nationalities.length > 0 ? {passengerNationalities: nationalities} : {}),
};
process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);

/**
 * How deep the markup nests, estimated in one pass over its tags (void elements, self-closing tags, comments and
 * doctype skipped; an e-mail's or a text's markup counts too). Real pages nest a few dozen levels; jsdom recurses
 * per level and overflows the stack somewhere past ten thousand, after half a minute.
 */
function nesting(markup: string): number {
	const VOID = /^(?:area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr|param|keygen)$/i;
	let depth = 0;
	let max = 0;
	for (const m of markup.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^<>]*?(\/?)>/g)) {
		if (m[1]) depth = Math.max(0, depth - 1);
		else if (!m[3] && !VOID.test(m[2]!)) max = Math.max(max, ++depth);
	}
	return max;
}
