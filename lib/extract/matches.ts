/**
 * Every match of a global pattern in `text`, in order, as `text.matchAll(pattern)` yields them, without the copy of
 * the pattern that each matchAll call makes (RegExp species construction): the generic text reader runs a dozen
 * patterns over every line of what it reads, and on 1 MB of text those copies were about two thirds of its time.
 * The pattern's `lastIndex` is 0 before and after, so a shared module-level pattern can be passed safely; a match
 * of no characters moves on by one character (one code point under the `u` or `v` flag), as matchAll does.
 */
export function matchesOf(pattern: RegExp, text: string): RegExpExecArray[] {
	if (!pattern.global) throw new TypeError('matchesOf needs a global pattern');
	const found: RegExpExecArray[] = [];
	pattern.lastIndex = 0;
	try {
		for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
			found.push(m);
			if (m[0] === '') pattern.lastIndex = next(text, pattern.lastIndex, pattern.unicode || pattern.unicodeSets);
		}
	} finally {
		pattern.lastIndex = 0;
	}
	return found;
}

/** The index after the character at `index`: past a surrogate pair as one character in unicode mode. */
function next(text: string, index: number, unicode: boolean): number {
	if (!unicode || index + 1 >= text.length) return index + 1;
	const code = text.charCodeAt(index);
	const low = text.charCodeAt(index + 1);
	return code >= 0xd800 && code <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? index + 2 : index + 1;
}
