/**
 * Trims a saved page into a test fixture: drops scripts (unless --keep-scripts), styles, images and SVG, keeps at most
 * N elements matching a card selector, and writes the provenance line first.
 *
 *   npx tsx scripts/trim-fixture.ts IN OUT --source "URL or repo/path@commit" --captured YYYY-MM-DD
 *     [--cards SELECTOR] [--max N] [--keep-scripts] [--keep-script-containing TEXT] [--keep-styles]
 *
 * Never part of CI: fixtures are trimmed once, reviewed and committed.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import {JSDOM} from 'jsdom';

const [input, output, ...rest] = process.argv.slice(2);
const opt = (name: string) => {
	const i = rest.indexOf(`--${name}`);
	return i >= 0 ? rest[i + 1] : undefined;
};
if (!input || !output || !opt('source') || !opt('captured')) {
	console.error('usage: trim-fixture IN OUT --source S --captured YYYY-MM-DD [--cards SELECTOR] [--max N] [--keep-scripts]');
	process.exit(2);
}
const dom = new JSDOM(readFileSync(input, 'utf8'));
const doc = dom.window.document;
const drop = ['link', 'img', 'noscript', 'iframe', 'picture', 'video', 'meta[http-equiv]'];
// --keep-styles keeps the page's own <style> and SVG icons, for pages people look at (the demo, screenshots).
if (!rest.includes('--keep-styles')) drop.push('style', 'svg');
const keepScript = opt('keep-script-containing');
for (const el of doc.querySelectorAll(drop.join(','))) el.remove();
if (!rest.includes('--keep-scripts')) {
	for (const el of doc.querySelectorAll('script')) if (!keepScript || !el.textContent?.includes(keepScript)) el.remove();
}
// Strip attributes no detector reads (tracking tokens, inline handlers): smaller fixtures, same structure.
for (const el of doc.querySelectorAll('[jsaction],[data-ved],[jslog]'))
	for (const a of ['jsaction', 'data-ved', 'jslog']) el.removeAttribute(a);
if (!rest.includes('--keep-styles')) for (const el of doc.querySelectorAll('[style]')) el.removeAttribute('style');
const cards = opt('cards');
if (cards) {
	const max = Number(opt('max') ?? 3);
	[...doc.querySelectorAll(cards)].slice(max).forEach((el) => el.remove());
}
const html = `<!-- source: ${opt('source')} · captured: ${opt('captured')} · trimmed by scripts/trim-fixture.ts -->\n${dom.serialize()}`;
writeFileSync(output, html);
console.log(`${output}: ${html.length} characters`);
