/**
 * npm run --silent check -- FILE|- [--format json|text] [--today YYYY-MM-DD] [--lang en|zh-CN|zh-TW]
 *
 * Reads a trip ({"passports": [...], "segments": [...]}) and prints the verdict for every stay in mainland China.
 * Exit status: 0 on a verdict (whatever it is), 2 on bad input (one line on stderr), 1 when the dataset is broken.
 */
import {validateTrip} from '../lib/rules/validate.ts';
import {evaluateTrip} from '../lib/rules/evaluate.ts';
import {formatResultText} from '../lib/ui/cli-text.ts';
import {LOCALES, type Locale} from '../lib/i18n/locale';
import {parseLocal} from '../lib/time.ts';
import {failer, inputText, loadRulesOrFail, parseArgs, readInput, type Fail} from './cli-io.ts';

const fail: Fail = failer('check');

let format = 'json';
let today = new Date().toISOString().slice(0, 10);
let lang: Locale = 'en';
const file = parseArgs(
	process.argv.slice(2),
	{
		options: {
			'--format': {set: (v) => (format = v), inline: true},
			'--today': {set: (v) => (today = v)},
			'--lang': {set: (v) => (lang = v as Locale)},
		},
		usage: 'usage: npm run --silent check -- FILE|- [--format json|text] [--today YYYY-MM-DD] [--lang en|zh-CN|zh-TW]',
		stdin: true,
	},
	fail,
);
if (!file) fail('no input: give a FILE, or - for standard input');
if (format !== 'json' && format !== 'text') fail(`--format must be json or text, not ${format}`);
if (!parseLocal(today) || today.length !== 10) fail(`--today must be a date YYYY-MM-DD, not ${today}`);
if (!LOCALES.includes(lang)) fail(`--lang must be one of ${LOCALES.join(', ')}`);

const text = inputText(readInput(file, fail));
let input: unknown;
try {
	input = JSON.parse(text);
} catch (error) {
	fail(`malformed JSON: ${(error as Error).message}`);
}

const rules = await loadRulesOrFail(fail);
const valid = validateTrip(input, rules);
if (!valid.ok) fail(valid.error);
const result = evaluateTrip(valid.trip, rules, {today});
process.stdout.write(format === 'text' ? formatResultText(result, rules, lang) : `${JSON.stringify(result, null, 2)}\n`);
