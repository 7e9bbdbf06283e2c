/**
 * Dates as copied text prints them (`Mon 17 Oct 2016`, `20-Jul`, `15.06.2017`, `03AUG`, `2026年6月3日`, `Wed, Aug 26`),
 * found in a line: the generic text reader's (./generic-text.ts) and the e-ticket tables' (./ticket-table.ts). The text
 * as printed; lib/extract/parse.ts parseDateText reads it.
 */
import {matchesOf} from './matches';
import {parseDateText} from './parse';

export const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?(?![a-z])`;
const WEEKDAY = String.raw`(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s*`;
/** Dates as copied text prints them. Day numbers must not run into digits: `April 256:00 PM` is "April 25" + a clock. */
const DATE_PATTERNS = [
	/\d{4}-\d{2}-\d{2}(?!\d)/g,
	/(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日/g,
	// Mon 17 Oct 2016, 2 Apr, and in any case (`fre 3 jul 2009`: the weekday of another language is simply not part of it)
	new RegExp(String.raw`(?:${WEEKDAY})?(?<!\d)\d{1,2}\s+${MONTH}(?:\s+\d{4}(?!\d))?`, 'gi'),
	new RegExp(String.raw`(?<![\dA-Za-z])\d{1,2}-${MONTH}(?:-(?:\d{4}|\d{2})(?!\d))?`, 'gi'), // 20-Jul, 20-Jul-26
	/(?<![\d.])\d{1,2}\.\d{1,2}\.\d{4}(?![\d.])/g, // 15.06.2017, day first
	/(?<![\dA-Za-z])\d{1,2}(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)(?:\d{2})?(?![\dA-Za-z])/g, // 03JUN, 03AUG26
	new RegExp(String.raw`(?:${WEEKDAY})?${MONTH}\s+\d{1,2}(?!\d)(?:st|nd|rd|th)?(?:,?\s+\d{4}(?!\d))?`, 'g'), // Wed, Aug 26
];

/** Every date pattern needs a digit, and a clock a colon: most lines of an e-mail have neither, and skip them all. */
const DIGIT = /\d/;

export function firstDate(line: string): string | undefined {
	return dateSpan(line)?.text;
}

/** The first date in the text, and where it is. */
export function dateSpan(line: string): {start: number; end: number; text: string} | undefined {
	if (!DIGIT.test(line)) return undefined;
	let best: {start: number; end: number; text: string} | undefined;
	for (const re of DATE_PATTERNS) {
		for (const m of matchesOf(re, line)) {
			const text = m[0].trim();
			if (!parseDateText(text)) continue;
			if (!best || m.index < best.start) best = {start: m.index, end: m.index + m[0].length, text};
			break;
		}
	}
	return best;
}
