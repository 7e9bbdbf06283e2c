/**
 * npm run --silent detect -- FILE [--url URL] [--date YYYY-MM-DD]
 *
 * Prints the itineraries the extension would find in FILE, as {"adapter", "itineraries": [{"segments", "confidence"}]},
 * with "dropped" (itineraries the normaliser refused) and "excluded" (segments left out: cancelled, waitlisted,
 * unconfirmed or surface, each with its line, flight, airports, status and code) when there are any.
 * An .html/.htm FILE is loaded with jsdom as the page at URL (default https://example.invalid/), so the site adapter
 * is the one the URL picks; a .txt/.eml FILE goes to the e-mail, GDS and generic text detectors. --date resolves
 * year-less dates (default: today). Exit status: 0 with a result (even an empty one), 2 on bad input (one line on
 * stderr), 1 when the dataset is broken.
 */
import {readFileSync} from 'node:fs';
import {extname} from 'node:path';
import type {Detection} from '../lib/detect/index.ts';
import type {RuleSet} from '../lib/rules/load-rules.ts';
import {parseLocal} from '../lib/time.ts';

const USAGE = 'usage: npm run --silent detect -- FILE [--url URL] [--date YYYY-MM-DD]';
const KINDS: Record<string, 'html' | 'text'> = {'.html': 'html', '.htm': 'html', '.txt': 'text', '.eml': 'text'};

function fail(message: string, code = 2): never {
	process.stderr.write(`detect: ${message}\n`);
	process.exit(code);
}

const args = process.argv.slice(2);
let file: string | undefined;
let urlText = 'https://example.invalid/';
let date = new Date().toISOString().slice(0, 10);
for (let i = 0; i < args.length; i++) {
	const a = args[i]!;
	const value = () => args[++i] ?? fail(`${a} needs a value`);
	if (a === '--url') urlText = value();
	else if (a.startsWith('--url=')) urlText = a.slice(6);
	else if (a === '--date') date = value();
	else if (a.startsWith('--date=')) date = a.slice(7);
	else if (a === '-h' || a === '--help') {
		process.stdout.write(`${USAGE}\n`);
		process.exit(0);
	} else if (file === undefined && !a.startsWith('-')) file = a;
	else fail(`unknown argument ${a}`);
}
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

let bytes: Buffer;
try {
	bytes = readFileSync(file);
} catch (error) {
	fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
}
// A NUL byte never occurs in HTML, mail or text; it does in images, archives and executables.
if (bytes.includes(0)) fail(`${file} is not a text file`);
const text = bytes.toString('utf8');
if (kind === 'html' && !/<[a-z!]/i.test(text)) fail(`${file} does not look like HTML`);

// Loaded only once the input is known to be good: jsdom and the dataset take most of a second to load.
const [{JSDOM, VirtualConsole}, {detectDocument, detectText}, {DatasetError, loadRules}] = await Promise.all([
	import('jsdom'),
	import('../lib/detect/index.ts'),
	import('../lib/rules/load-rules.ts'),
]);
let rules: RuleSet;
try {
	rules = loadRules();
} catch (error) {
	if (error instanceof DatasetError) fail(error.message, 1);
	throw error;
}

// jsdom reports CSS it cannot parse on the console; that is noise here, and stderr is for our one line.
const parse = (html: string, pageUrl = 'https://example.invalid/') =>
	new JSDOM(html, {url: pageUrl, virtualConsole: new VirtualConsole()}).window.document;

const result: Detection =
	kind === 'html' ? detectDocument(parse(text, url.href), url, date, rules) : detectText(text, date, rules, (html) => parse(html));
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
