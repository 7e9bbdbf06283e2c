/**
 * The page of the page-observer tests (test/e2e/page-observer.spec.ts in Chromium, test/firefox/page-observer.test.ts
 * in Firefox): what a booking site's own scripts can learn from the badge. A page script records everything it can
 * observe about each element the extension added (tag, attributes, size, every computed style, `shadowRoot`, text,
 * what the browser finds at points across its box, and its card's text), what the browser's text search finds,
 * what was added to `<html>` and `<body>`, every `message` event, and the DOM events a WXT content script's context
 * dispatches and listens for (named after the extension's public id, so a site can listen for them); then it clicks,
 * focuses and presses keys on every badge and button it can reach. Run on the release build with the traveller's
 * settings of SETUPS one after another, the records must be identical and say nothing (`checkRecords`).
 */

export const OBSERVED_URL = 'https://www.google.com/travel/flights/search?tfs=CBwQAhoeEgoyMDI2LTEyLTIwagcIARIDU0ZPcgcIARIDTlJU&hl=en';
// Two real-hook cards (the Cathay Pacific card of the 2025 capture, its connection moved to Shanghai Pudong and its
// dates to December 2026): one with a 2-day stay at PVG, where passports decide, and one with a 3-hour connection.
const card = (arrives: string, layover: string, second: string) => {
	const sentence = `Leaves San Francisco International Airport at 12:05\u202fAM on Sunday, December 20 and arrives at Narita International Airport at 1:40\u202fPM on ${arrives}.`;
	return `<li class="pIav2d"><div role="link" tabindex="0" aria-label="From 542 US dollars. 1 stop flight with Cathay Pacific. ${sentence} Total duration 21 hr 35 min. Layover (1 of 1) is a ${layover} layover at Shanghai Pudong International Airport in Shanghai. Select flight"></div><div data-travelimpactmodelwebsiteurl="https://www.travelimpactmodel.org/lookup/flight?itinerary=SFO-PVG-CX-851-20261220,PVG-NRT-CX-526-${second}"></div><div><span aria-label="${sentence}">12:05 AM – 1:40 PM</span></div><span class="price">$542</span></li>`;
};
const CARDS = card('Wednesday, December 23', '58 hr 10 min', '20261223') + card('Monday, December 21', '3 hr 5 min', '20261221');

/**
 * Words the badges of SETUPS say (in their text or icon), none of them in the page's own text: the page searches for
 * each with the browser's text search (`window.find`).
 */
export const FIND_WORDS = ['transit', '240h', 'visa-free', 'US passport', 'No visa-free route', 'PVG', '✓', '✗', '无免签', '24小时'];

/**
 * What the details of the first badge say, open, with the first setup's US passport (the popover's title, a stop, the
 * passport, what it says of it, the sources' heading): none may be found by the page's text search while the user
 * reads them.
 */
export const DETAILS_WORDS = [
	'Transit through mainland China',
	'Stop 1: PVG',
	'With your passport from the United States',
	'Your passport is from the United States, which is on the list',
	'Sources',
];

/**
 * The page's own recorder, in the page's world, as a site's analytics script would be. `extensionId`: a site knows
 * it (a store listing shows it), and with it the names of the events WXT's content-script context would send.
 */
const recorder = (extensionId: string) => `<script>
const FIND_WORDS = ${JSON.stringify(FIND_WORDS)};
window.__seen = {messages: [], added: [], events: [], own: new Set()};
addEventListener('message', (e) => window.__seen.messages.push(typeof e.data === 'string' ? e.data : JSON.stringify(e.data)));
for (const name of ['content-script-started', 'locationchange'].map((e) => '${extensionId}:itinerary:wxt:' + e)) {
	for (const target of [window, document]) target.addEventListener(name, (e) => window.__seen.events.push(e.type), true);
}
new MutationObserver((records) => {
	for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) window.__seen.added.push(n);
}).observe(document.documentElement, {childList: true, subtree: true, attributes: true});
// What the parser put in is the page's own: count only what arrives after it. (Its records can come after this
// event, when the last of the document is parsed in the task that fires it: so the page's elements are listed.)
document.addEventListener('DOMContentLoaded', () => { window.__seen.own = new Set(document.querySelectorAll('*')); });
window.__added = () => window.__seen.added.filter((n) => n.isConnected && !window.__seen.own.has(n));
// The browser's text search, which a page script can run: it reaches into closed shadow roots. It moves the selection.
window.__find = (words) => Object.fromEntries(words.map((word) => { getSelection().removeAllRanges(); const found = window.find(word); getSelection().removeAllRanges(); return [word, found]; }));
window.__record = () => {
	const styleOf = (el) => { const cs = getComputedStyle(el); const o = {}; for (const p of cs) o[p] = cs.getPropertyValue(p); return o; };
	const describe = (el) => ({
		tag: el.tagName, attributes: [...el.attributes].map((a) => a.name + '=' + a.value), parent: el.parentElement && el.parentElement.tagName,
		size: (({width, height}) => ({width, height}))(el.getBoundingClientRect()), style: styleOf(el),
		shadowRoot: el.shadowRoot === null ? null : 'open', text: el.textContent, innerText: el.innerText, children: el.children.length,
		hits: hitsOf(el), card: (el.closest('li') || el.parentElement).innerText,
	});
	// Where the pointer finds the element: what a page learns by hit testing across its box (elementFromPoint, and the
	// caret a point gives), or from the pointer events a user's mouse sends it. One character a point, every 2 px
	// across three lines of the box: 1 where the element is hit, 0 where something else is.
	const hitsOf = (el) => {
		const r = el.getBoundingClientRect();
		const caretAt = (x, y) => {
			const c = document.caretPositionFromPoint ? document.caretPositionFromPoint(x, y) : document.caretRangeFromPoint && document.caretRangeFromPoint(x, y);
			if (!c) return '-';
			const node = c.offsetNode || c.startContainer;
			return (node === el.parentNode ? 'p' : node === el ? 'e' : '?') + (c.offset ?? c.startOffset);
		};
		const points = [];
		const carets = [];
		for (const y of [r.top + 2, r.top + r.height / 2, r.bottom - 2]) {
			let hit = '';
			let caret = '';
			for (let x = Math.ceil(r.left) + 1; x < r.right - 1; x += 2) {
				hit += document.elementFromPoint(x, y) === el ? '1' : '0';
				caret += caretAt(x, y) + ' ';
			}
			points.push(hit);
			carets.push(caret);
		}
		return {points, carets};
	};
	return {
		html: [...document.documentElement.attributes].map((a) => a.name + '=' + a.value),
		body: [...document.body.attributes].map((a) => a.name + '=' + a.value),
		added: window.__added().map(describe),
		messages: window.__seen.messages,
		events: window.__seen.events,
		active: document.activeElement && document.activeElement.tagName,
		// Text search: last, as it moves the selection.
		finds: window.__find(FIND_WORDS),
	};
};
window.__poke = () => {
	const targets = [...window.__added(), ...document.querySelectorAll('button, [role=button], a')];
	for (const el of targets) {
		el.click();
		el.dispatchEvent(new MouseEvent('click', {bubbles: true, composed: true}));
		el.dispatchEvent(new PointerEvent('pointerdown', {bubbles: true}));
		el.focus && el.focus();
		for (const key of ['Enter', ' ']) el.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true, composed: true}));
	}
};
</script>`;

export const observedPage = (extensionId: string) =>
	`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Google Flights</title>${recorder(extensionId)}</head><body><ul>${CARDS}</ul></body></html>`;

/** The traveller's settings, one after another: each changes what the previous one set. */
export type Setup = {passport: string; detail: 'compact' | 'standard' | 'detailed'; language?: 'zh-CN'};
export const SETUPS: Setup[] = [
	{passport: 'US', detail: 'detailed'},
	{passport: 'IN', detail: 'detailed'},
	{passport: 'IN', detail: 'compact', language: 'zh-CN'},
];

/** What the page's recorder (`window.__record()`) returns, in the parts compared by name. */
export type PageRecord = {
	html: string[];
	body: string[];
	added: {tag: string; shadowRoot: unknown; text: string; attributes: string[]; hits: {points: string[]; carets: string[]}}[];
	messages: string[];
	events: string[];
	finds: Record<string, boolean>;
};

/** Playwright's `expect` or vitest's: the one matcher used here. */
type Expect = (actual: unknown) => {toEqual: (expected: unknown) => void};

/**
 * The records of one page per setup of SETUPS, in that order: two bare hosts (a `<span>` with no attribute, no open
 * shadow root and no text a page can read), nothing on `<html>` or `<body>`, no message or event; and the same, to the
 * last computed style and size, whatever the settings.
 */
export function checkRecords(records: unknown[], expect: Expect): void {
	const [first, ...others] = records as PageRecord[];
	expect(records.length).toEqual(SETUPS.length);
	expect(first!.added.map((a) => [a.tag, a.shadowRoot, a.text, a.attributes])).toEqual([
		['SPAN', null, '', []],
		['SPAN', null, '', []],
	]);
	// The pointer finds each host at every point of its box (`1`), beside the pill as on it: hit testing measures
	// nothing (until 2026-12 it measured the pill, whose width follows the verdict and so the passport).
	expect(first!.added.flatMap((a) => a.hits.points).filter((line) => !/^1+$/.test(line))).toEqual([]);
	// Text search finds nothing the badges say.
	expect(first!.finds).toEqual(Object.fromEntries(FIND_WORDS.map((word) => [word, false])));
	expect(first!.html).toEqual(['lang=en']);
	expect(first!.body).toEqual([]);
	expect(first!.messages).toEqual([]);
	expect(first!.events).toEqual([]);
	for (const other of others) expect(other).toEqual(first);
}
