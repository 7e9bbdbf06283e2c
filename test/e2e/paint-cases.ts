/**
 * Saved real pages with connections in mainland China, one per built-in adapter, for the paint tests in Chromium
 * (paint.spec.ts) and Firefox (test/firefox) and for the demo. The captures have no mainland connection, so their
 * airports are rerouted in memory (./reroute.ts: same markup, same CSS; test/fixtures/SOURCES.md lists the routes).
 * `cards`/`china`: result cards on the page and how many of them connect in (or fly to) mainland China, counted on
 * the page by hand: the route codes in each card, before and after the reroute.
 */
import fs from 'node:fs';
import path from 'node:path';
import {reroute, type Reroute} from './reroute';

export type PaintCase = {
	adapter: string;
	/** The saved page, under test/fixtures/, as it was captured. */
	fixture: string;
	reroute: Reroute;
	url: string;
	glob: string;
	cards: number;
	china: number;
	/** Of the `china` cards, those the page displays (a list can hold hidden copies of its cards). */
	shown: number;
	css: string;
};

export const PAINT_CASES: PaintCase[] = [
	{
		adapter: 'google-flights',
		// 56 cards SFO → NRT: 14 via HKG (now PVG), 14 via TPE (now PEK). The page shows 28 of the cards (7 + 7 of
		// them via China); the other 28 are a hidden copy of the list. The site's own CSS is in the page.
		fixture: 'google-flights/sfo-nrt-2025-styled.html',
		reroute: {
			codes: {HKG: 'PVG', TPE: 'PEK'},
			names: [
				['Hong Kong International Airport in Hong Kong', 'Shanghai Pudong International Airport in Shanghai'],
				['Hong Kong International Airport', 'Shanghai Pudong International Airport'],
				['Taiwan Taoyuan International Airport in Taipei City', 'Beijing Capital International Airport in Beijing'],
				['Taoyuan International Airport', 'Beijing Capital International Airport'],
			],
		},
		url: 'https://www.google.com/travel/flights/search?tfs=CBwQAhoeEgoyMDI1LTA4LTIwagcIARIDU0ZPcgcIARIDTlJU&hl=en',
		glob: 'https://www.google.com/travel/flights/**',
		cards: 56,
		china: 28,
		shown: 14,
		css: 'the site’s own (inline in the capture)',
	},
	{
		adapter: 'skyscanner',
		// 8 round trips; legs stopping at IAH, BWI, JFK (twice), MCO and ORD, now PEK, PVG, CAN, CTU, SZX: 6 cards.
		fixture: 'skyscanner/bos-cun-return-2021.html',
		reroute: {codes: {BOS: 'ICN', CUN: 'SIN', IAH: 'PEK', BWI: 'PVG', JFK: 'CAN', MCO: 'CTU', ORD: 'SZX'}},
		url: 'https://www.skyscanner.com/transport/flights/bos/cun/210301/210331/?adultsv2=1&cabinclass=economy&rtn=1',
		glob: 'https://www.skyscanner.com/transport/flights/**',
		cards: 8,
		china: 6,
		shown: 6,
		css: 'none saved (the capture links its stylesheets)',
	},
	{
		adapter: 'kayak',
		// 10 nonstop flights MSP → ORD/MDW, now ICN → PEK/PKX: every card flies to the mainland.
		fixture: 'kayak/msp-chi-oneway-2022.html',
		reroute: {codes: {MSP: 'ICN', ORD: 'PEK', MDW: 'PKX'}},
		url: 'https://www.kayak.com/flights/MSP-CHI/2022-07-01?sort=bestflight_a',
		glob: 'https://www.kayak.com/flights/**',
		cards: 10,
		china: 10,
		shown: 10,
		css: 'none saved (the capture links its stylesheets)',
	},
	{
		adapter: 'flightsfinder',
		// One round trip BER → DUB → MAD and back, now ICN → PEK → SIN.
		fixture: 'flightsfinder/ber-mad-kiwi-2025.html',
		reroute: {codes: {BER: 'ICN', DUB: 'PEK', MAD: 'SIN'}},
		url: 'https://www.flightsfinder.com/portal/kiwi?originplace=BER&destinationplace=MAD&outbounddate=2025-10-10&inbounddate=2025-10-17&cabinclass=Economy&adults=1',
		glob: 'https://www.flightsfinder.com/**',
		cards: 1,
		china: 1,
		shown: 1,
		css: 'none saved',
	},
	{
		adapter: 'ctrip',
		// 13 rows Beijing → Shanghai; the 12 from Daxing now leave from Incheon, the one from Capital stays domestic.
		fixture: 'ctrip/pkx-pvg-list-2026.html',
		reroute: {codes: {PKX: 'ICN'}, names: [['大兴国际机场', 'Incheon International Airport']]},
		url: 'https://flights.ctrip.com/online/list/oneway-bjs-sha?depdate=2026-09-15',
		glob: 'https://flights.ctrip.com/**',
		cards: 13,
		china: 12,
		shown: 12,
		css: 'none saved (a list fragment)',
	},
];

/**
 * The case's page at another host of its site: the Google Flights capture at the Google country site it was saved
 * from (www.google.ca, its `<base href>`), to which the manifest's match patterns must bring the content script too.
 */
export function atHost(c: PaintCase, host: string): PaintCase {
	const at = (address: string) => address.replace(`//${new URL(c.url).host}/`, `//${host}/`);
	return {...c, url: at(c.url), glob: at(c.glob)};
}

/** A result card of any built-in site, as the paint checks find the card around a badge. */
export const CARD = 'li, [data-resultid], [class*="FlightsTicket_container__"], [class*="BpkTicket_"], div.list-item, div.flight-item';

/**
 * A style sheet that makes every box inside the result cards clip what overflows it, on one line, the worst a site's
 * CSS can do to a badge: the adapters' placements and the placement check must still get every badge painted.
 */
export const CLIPPING_CSS = `
li.pIav2d *, [class*="FlightsTicket_container__"] *, [data-resultid] *, div.list-item[data-journey] *, div.flight-item * {
	overflow: hidden !important; white-space: nowrap !important; text-overflow: ellipsis !important;
}`;

/**
 * What a page's script sets, in place, on a rule for the boxes the badges are in (each box given its own height as
 * `--box-height` beforehand): its whole height becomes top padding, so its content is pushed under it and clipped,
 * and the box keeps its size (and so does its card).
 */
export const CLIP_IN_PLACE: [property: string, value: string][] = [
	['box-sizing', 'border-box'],
	['height', 'var(--box-height)'],
	['padding-top', 'var(--box-height)'],
	['padding-bottom', '0'],
	['border-top-width', '0'],
	['border-bottom-width', '0'],
	['overflow', 'hidden'],
];

/** The case's page as served: the saved capture with its airports rerouted. */
export function paintPage(c: PaintCase): string {
	return reroute(fs.readFileSync(path.resolve('test/fixtures', c.fixture), 'utf8'), c.reroute);
}

/**
 * How a results page brings its cards in with an animation: each card goes out of the page as it loads and comes back
 * a moment later, fading in (`card`: the card itself; `box`: the box under the card that holds the badge's first
 * place, so the badge is under a transparent box of the card) or with a transition the page starts a frame later.
 */
export const FADES = {
	card: '@keyframes ctc-test-fade { from { opacity: 0 } } li.pIav2d.fresh { animation: ctc-test-fade 600ms ease-out both }',
	box: '@keyframes ctc-test-fade { from { opacity: 0 } } li.pIav2d.fresh > div { animation: ctc-test-fade 600ms ease-out both }',
	transition: 'li.pIav2d.fresh { opacity: 0; transition: opacity 600ms ease-out } li.pIav2d.fresh.shown { opacity: 1 }',
};

/** The page's script: the cards out as the page loads, back with `fresh` (and `shown` two frames later) after 800 ms. */
const FADE_IN_SCRIPT = `<script>(() => {
	const cards = [...document.querySelectorAll('li.pIav2d')].map((li) => {
		const mark = document.createComment('card');
		const html = li.outerHTML;
		li.replaceWith(mark);
		return [mark, html];
	});
	setTimeout(() => {
		const added = cards.map(([mark, html]) => {
			const t = document.createElement('template');
			t.innerHTML = html;
			const li = t.content.firstElementChild;
			li.classList.add('fresh');
			mark.replaceWith(li);
			return li;
		});
		requestAnimationFrame(() => requestAnimationFrame(() => added.forEach((li) => li.classList.add('shown'))));
	}, 800);
})();</script>`;

/** The case's page (Google Flights) with the fade's style sheet and the page's script that brings its cards in. */
export function fadeInPage(c: PaintCase, css: string): string {
	const html = paintPage(c);
	const head = html.search(/<\/head>/i);
	const body = html.search(/<\/body>/i);
	return `${html.slice(0, head)}<style>${css}</style>${html.slice(head, body)}${FADE_IN_SCRIPT}${html.slice(body)}`;
}

/**
 * Click layers over a card, as results pages make a whole card one link: a transparent box or pseudo-element over the
 * card's content. The badge under one is seen through it, but the layer would take its clicks. Google Flights' own
 * layer (`.JMc5Xc`, an empty positioned box before the content) is under the badge as the page comes: given a
 * z-index, it is over it; a stretched link (a link's `::after` stretched over the card, with a z-index, as Bootstrap's
 * `stretched-link`); a layer after the content in the card, without a z-index; a layer over the card's first 140 px
 * only (a link over the airline's column), which covers the badge's pill (its first 141 px, from 9 px into the card)
 * but not the centre of the badge's 336 px box, where the placement check looks as the badge is placed.
 */
export const LAYERS = {
	'the site’s own layer taking the clicks, with a z-index': 'li.pIav2d .JMc5Xc { z-index: 1; pointer-events: auto }',
	'a stretched link': 'li.pIav2d .zxVSec::after { content: ""; position: absolute; inset: 0; z-index: 1 }',
	'a layer after the content': 'li.pIav2d .gQ6yfe::after { content: ""; position: absolute; inset: 0 }',
	'a narrow layer (the first column: the pill, not the centre of the badge’s box)':
		'li.pIav2d .gQ6yfe::after { content: ""; position: absolute; left: 0; top: 0; bottom: 0; width: 140px; z-index: 1 }',
};

/**
 * A veil the page lays over a card's content (an opaque pseudo-element over the box the badge is first put in, as a
 * "sold out" panel or a loading shimmer): it hides the badge's first place and leaves the card's end, past it.
 */
export const VEIL =
	'li.pIav2d .yR1fYc { position: relative } li.pIav2d .yR1fYc::after { content: ""; position: absolute; inset: 0; z-index: 1; background: #f1f3f4 }';

/** The page with a style sheet of its own at the end of its head. */
export function withStyle(html: string, css: string): string {
	const head = html.search(/<\/head>/i);
	return `${html.slice(0, head)}<style>${css}</style>${html.slice(head)}`;
}

/**
 * In the page (Google Flights, `page.evaluate`): the hidden tab panel's badges sit in the box of their card's times,
 * their first place; each such box is made a 20 px box that clips, and marked for the test (an inline style and an
 * attribute: nothing the extension hears as a change of the page). Gives the number of boxes other than a card.
 */
export function clipHiddenPanelBadges(): number {
	const hidden = [...document.querySelectorAll<HTMLElement>('[role="tabpanel"]')].find((panel) => panel.style.display === 'none');
	const boxes = [...(hidden?.querySelectorAll('[data-ctc-badge]') ?? [])].map((host) => host.parentElement!);
	for (const box of boxes) {
		box.setAttribute('style', 'height: 20px !important; overflow: hidden !important');
		box.setAttribute('data-test-clips', '');
	}
	return boxes.filter((box) => !box.matches('li')).length;
}

/** In the page: every tab panel shown (the hidden one below the other, which stays where it is). */
export function showEveryPanel(): void {
	for (const panel of document.querySelectorAll<HTMLElement>('[role="tabpanel"]')) panel.style.display = '';
}

/** In the page: the badges still in a box that clipHiddenPanelBadges made clip. */
export function badgesInClippingBoxes(): number {
	return document.querySelectorAll('[data-test-clips] > [data-ctc-badge]').length;
}
