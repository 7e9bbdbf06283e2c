/**
 * npm run --silent check -- FILE|- [--format json|text] [--today YYYY-MM-DD] [--lang en|zh-CN|zh-TW]
 *
 * Reads a trip ({"passports": [...], "segments": [...]}) and prints the verdict for every stay in mainland China.
 * Exit status: 0 on a verdict (whatever it is), 2 on bad input (one line on stderr), 1 when the dataset is broken.
 */
import {readFileSync} from 'node:fs';
import {DatasetError, loadRules} from '../lib/rules/load-rules.ts';
import {validateTrip} from '../lib/rules/validate.ts';
import {evaluateTrip} from '../lib/rules/evaluate.ts';
import {formatResultText} from '../lib/ui/cli-text.ts';
import {LOCALES, type Locale} from '../lib/i18n/reason-text.ts';
import {parseLocal} from '../lib/time.ts';

function fail(message: string, code = 2): never {
	process.stderr.write(`check: ${message}\n`);
	process.exit(code);
}

const args = process.argv.slice(2);
let file: string | undefined;
let format = 'json';
let today = new Date().toISOString().slice(0, 10);
let lang: Locale = 'en';
for (let i = 0; i < args.length; i++) {
	const a = args[i]!;
	const value = () => args[++i] ?? fail(`${a} needs a value`);
	if (a === '--format') format = value();
	else if (a.startsWith('--format=')) format = a.slice(9);
	else if (a === '--today') today = value();
	else if (a === '--lang') lang = value() as Locale;
	else if (a === '-h' || a === '--help') {
		process.stdout.write('usage: npm run --silent check -- FILE|- [--format json|text] [--today YYYY-MM-DD] [--lang en|zh-CN|zh-TW]\n');
		process.exit(0);
	} else if (file === undefined && (a === '-' || !a.startsWith('-'))) file = a;
	else fail(`unknown argument ${a}`);
}
if (!file) fail('no input: give a FILE, or - for standard input');
if (format !== 'json' && format !== 'text') fail(`--format must be json or text, not ${format}`);
if (!parseLocal(today) || today.length !== 10) fail(`--today must be a date YYYY-MM-DD, not ${today}`);
if (!LOCALES.includes(lang)) fail(`--lang must be one of ${LOCALES.join(', ')}`);

let text: string;
try {
	text = readFileSync(file === '-' ? 0 : file, 'utf8');
} catch (error) {
	fail(`cannot read ${file === '-' ? 'standard input' : file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
}
let input: unknown;
try {
	input = JSON.parse(text);
} catch (error) {
	fail(`malformed JSON: ${(error as Error).message}`);
}

let rules;
try {
	rules = loadRules();
} catch (error) {
	if (error instanceof DatasetError) fail(error.message, 1);
	throw error;
}
const valid = validateTrip(input, rules);
if (!valid.ok) fail(valid.error);
const result = evaluateTrip(valid.trip, rules, {today});
process.stdout.write(format === 'text' ? formatResultText(result, rules, lang) : `${JSON.stringify(result, null, 2)}\n`);
