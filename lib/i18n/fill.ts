/**
 * `{name}` placeholders filled from `params`; a placeholder without a value stays as it is. A name is one or more
 * word characters (`[A-Za-z0-9_]`), as in every message template.
 *
 * Read with `indexOf`, not a pattern with a replacer: a badge's text is filled once per badge while its code is still
 * cold (a hundred badges a page), and the pattern's replacer was among the content script's slower lines there.
 * test/unit/i18n/fill.test.ts holds it to `template.replace(/\{(\w+)\}/g, …)` on random templates.
 */
export function fill(template: string, params: Record<string, string | number> = {}): string {
	let open = template.indexOf('{');
	if (open < 0) return template;
	let out = '';
	let from = 0;
	while (open >= 0) {
		let end = open + 1;
		while (end < template.length && isWordChar(template.charCodeAt(end))) end++;
		if (end > open + 1 && template.charCodeAt(end) === CLOSE) {
			const key = template.slice(open + 1, end);
			if (key in params) {
				out += template.slice(from, open) + String(params[key]);
				from = end + 1;
			}
			open = template.indexOf('{', end + 1);
		} else open = template.indexOf('{', open + 1);
	}
	return from === 0 ? template : out + template.slice(from);
}

const CLOSE = 0x7d; // }

/** `\w`: ASCII letters, digits and the underscore. */
function isWordChar(c: number): boolean {
	return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}
