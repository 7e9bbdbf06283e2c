// @vitest-environment jsdom
/**
 * The placement check's geometry, with the rectangles a browser would report set by hand (jsdom has no layout).
 * The same check runs on real saved pages with the sites' CSS in the paint tests (test/e2e/paint.spec.ts).
 */
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {afterAnimations, checkPlacement, liftOver} from '../../lib/scan/placement-check';

type Rect = {left: number; top: number; width: number; height: number};

function box(el: Element, r: Rect) {
	const rect = {...r, x: r.left, y: r.top, right: r.left + r.width, bottom: r.top + r.height, toJSON: () => r};
	el.getBoundingClientRect = () => rect as DOMRect;
	Object.defineProperty(el, 'clientWidth', {value: r.width, configurable: true});
	Object.defineProperty(el, 'clientHeight', {value: r.height, configurable: true});
}

let card: HTMLElement;
let line: HTMLElement;
let host: HTMLElement;

beforeEach(() => {
	// A card 600 × 80 at y = -500 (off screen: the covering check is for on-screen badges only), holding a one-line
	// times box 300 × 20 that clips, as on Google Flights.
	document.body.innerHTML =
		'<li id="card"><div id="line" style="overflow: hidden; white-space: nowrap; text-overflow: ellipsis"><span>12:05 AM – 1:40 PM+1</span></div></li>';
	card = document.getElementById('card')!;
	line = document.getElementById('line')!;
	host = document.createElement('span');
	box(card, {left: 100, top: -500, width: 600, height: 80});
	box(line, {left: 110, top: -490, width: 300, height: 20});
});

describe('placement check', () => {
	it('a badge inside a one-line box that it overflows is clipped (the ellipsis takes it)', () => {
		line.append(host);
		box(host, {left: 260, top: -490, width: 236, height: 20});
		expect(checkPlacement(host, card)).toBe('clipped');
	});

	it('a badge that fits inside the clipping box is painted', () => {
		line.append(host);
		box(host, {left: 150, top: -490, width: 100, height: 20});
		expect(checkPlacement(host, card)).toBe('painted');
	});

	it('a badge on a line of its own in the card is painted', () => {
		card.append(host);
		box(host, {left: 110, top: -466, width: 236, height: 26});
		expect(checkPlacement(host, card)).toBe('painted');
	});

	it('a badge outside the card, or of no size, is not shown', () => {
		card.append(host);
		box(host, {left: 110, top: -410, width: 236, height: 26});
		expect(checkPlacement(host, card)).toBe('clipped');
		box(host, {left: 110, top: -466, width: 0, height: 0});
		expect(checkPlacement(host, card)).toBe('clipped');
	});

	it('a badge under a transparent box of its card is not shown; in a transparent card, its place is judged as in any', () => {
		line.append(host);
		box(host, {left: 150, top: -490, width: 100, height: 20});
		line.style.opacity = '0';
		expect(checkPlacement(host, card)).toBe('clipped');
		// The whole card unseen (fading in, say): the badge shows when the card does, where it is.
		line.style.opacity = '';
		card.style.opacity = '0';
		expect(checkPlacement(host, card)).toBe('painted');
		box(host, {left: 260, top: -490, width: 236, height: 20});
		expect(checkPlacement(host, card)).toBe('clipped');
	});

	it('a badge hidden by `visibility` (which its host inherits): in a hidden box of its card not shown; in a hidden card, its place is judged as in any', () => {
		line.append(host);
		box(host, {left: 150, top: -490, width: 100, height: 20});
		expect(checkPlacement(host, card)).toBe('painted');
		line.style.visibility = 'hidden';
		expect(checkPlacement(host, card)).toBe('clipped');
		line.style.visibility = '';
		card.style.visibility = 'hidden';
		expect(checkPlacement(host, card)).toBe('painted');
		box(host, {left: 260, top: -490, width: 236, height: 20});
		expect(checkPlacement(host, card)).toBe('clipped');
		box(host, {left: 150, top: -490, width: 100, height: 20});
		// A box the page shows again inside its hidden card shows the badge in it.
		line.style.visibility = 'visible';
		expect(checkPlacement(host, card)).toBe('painted');
	});

	describe('while the page animates the boxes around the badge (Web Animations, which jsdom lacks, given by hand)', () => {
		type Fake = {playState: string; endTime: number; finish: () => void; cancel: () => void; finished: Promise<unknown>};
		/** An animation on `el`, as getAnimations gives it: running until finish() or cancel(). */
		function animate(el: Element, endTime = 600): Fake {
			let settle: {resolve: (v: unknown) => void; reject: (e: unknown) => void} | undefined;
			const finished = new Promise((resolve, reject) => (settle = {resolve, reject}));
			finished.catch(() => undefined);
			const fake: Fake = {
				playState: 'running',
				endTime,
				finished,
				finish: () => ((fake.playState = 'finished'), settle!.resolve(fake)),
				cancel: () => ((fake.playState = 'idle'), settle!.reject(new Error('AbortError'))),
			};
			const animation = {
				get playState() {
					return fake.playState;
				},
				effect: {getComputedTiming: () => ({endTime: fake.endTime})},
				finished,
			};
			const own = el as Animated;
			const before = own.getAnimations?.() ?? [];
			own.getAnimations = () => [...before, animation];
			return fake;
		}
		/** An element as jsdom makes it (no getAnimations), given one by hand. */
		type Animated = Omit<Element, 'getAnimations'> & {getAnimations?: () => unknown[]};
		afterEach(() => {
			for (const el of [card, line]) delete (el as Animated).getAnimations;
		});

		it('a card growing in (of no size as it starts) is settling, then checked as it ends; one fading in is judged at once', async () => {
			card.append(host);
			box(host, {left: 110, top: -466, width: 236, height: 26});
			box(card, {left: 100, top: -500, width: 600, height: 0});
			const grow = animate(card);
			expect(checkPlacement(host, card)).toBe('settling');
			let ended = false;
			afterAnimations(host, card, () => (ended = true));
			await Promise.resolve();
			expect(ended).toBe(false);
			grow.finish();
			box(card, {left: 100, top: -500, width: 600, height: 80});
			await new Promise((resolve) => setTimeout(resolve, 0));
			expect(ended).toBe(true);
			expect(checkPlacement(host, card)).toBe('painted');
			// Transparent as its fade begins: the badge shows with the card, where it is.
			card.style.opacity = '0';
			animate(card);
			expect(checkPlacement(host, card)).toBe('painted');
		});

		it('a box of the card sliding open (clipping the badge as it starts) is settling; a cancelled animation ends it too', async () => {
			line.append(host);
			box(host, {left: 260, top: -490, width: 236, height: 20});
			const slide = animate(line);
			expect(checkPlacement(host, card)).toBe('settling');
			let ended = false;
			afterAnimations(host, card, () => (ended = true));
			slide.cancel();
			await new Promise((resolve) => setTimeout(resolve, 0));
			expect(ended).toBe(true);
			// Still clipped once it is still: the badge moves on.
			expect(checkPlacement(host, card)).toBe('clipped');
		});

		it('an animation that never ends (a spinner) or has ended does not hold the check, nor one on a painted badge', () => {
			line.append(host);
			box(host, {left: 260, top: -490, width: 236, height: 20});
			animate(line, Number.POSITIVE_INFINITY);
			expect(checkPlacement(host, card)).toBe('clipped');
			animate(card).finish();
			expect(checkPlacement(host, card)).toBe('clipped');
			box(host, {left: 150, top: -490, width: 100, height: 20});
			animate(line);
			expect(checkPlacement(host, card)).toBe('painted');
		});
	});

	it('a card that is not laid out (display: none, a collapsed tab) cannot be judged yet', () => {
		card.append(host);
		box(card, {left: 0, top: 0, width: 0, height: 0});
		expect(checkPlacement(host, card)).toBe('not-rendered');
	});

	it('a badge covered by another element of the card (an overlay) is not shown, when on screen', () => {
		box(card, {left: 100, top: 100, width: 600, height: 80});
		card.append(host);
		box(host, {left: 110, top: 140, width: 236, height: 26});
		const overlay = document.createElement('div');
		card.prepend(overlay);
		document.elementFromPoint = () => overlay;
		expect(checkPlacement(host, card)).toBe('clipped');
		document.elementFromPoint = () => host;
		expect(checkPlacement(host, card)).toBe('painted');
	});

	describe('what is painted over a badge on screen', () => {
		/** The browser's hit test at the badge's centre: these elements, topmost first. */
		const hits = (...stack: Element[]) => {
			document.elementFromPoint = () => stack[0] ?? null;
			document.elementsFromPoint = () => stack;
		};
		beforeEach(() => {
			box(card, {left: 100, top: 100, width: 600, height: 80});
			card.append(host);
			box(host, {left: 110, top: 140, width: 236, height: 26});
		});
		afterEach(() => {
			delete (document as Partial<Document>).elementFromPoint;
			delete (document as Partial<Document>).elementsFromPoint;
		});

		it('a transparent layer of the card (a click layer making it one link) lets the badge show: covered, to be lifted over it', () => {
			const layer = document.createElement('a');
			layer.style.backgroundColor = 'transparent';
			card.prepend(layer);
			hits(layer, host, card, document.body);
			expect(checkPlacement(host, card)).toBe('covered');
			// A layer that paints, or a picture, hides it.
			layer.style.backgroundColor = 'rgb(255, 255, 255)';
			expect(checkPlacement(host, card)).toBe('clipped');
			layer.style.backgroundColor = 'rgba(255, 255, 255, 0)';
			expect(checkPlacement(host, card)).toBe('covered');
			layer.style.backgroundImage = 'url(shimmer.png)';
			expect(checkPlacement(host, card)).toBe('clipped');
			const picture = document.createElement('img');
			card.prepend(picture);
			hits(picture, host, card, document.body);
			expect(checkPlacement(host, card)).toBe('clipped');
		});

		it('where the pointer found something over the badge: a transparent layer there is covered, anything else is judged by the centre', () => {
			// The host's box: 110–346 × 140–166; a layer of the card over its left end only, where the pill begins.
			const layer = document.createElement('a');
			card.prepend(layer);
			const stacks = (x: number) => (x < 150 ? [layer, host, card, document.body] : [host, card, document.body]);
			document.elementFromPoint = (x: number) => stacks(x)[0] ?? null;
			document.elementsFromPoint = (x: number) => stacks(x);
			const edge = {x: 120, y: 150};
			expect(checkPlacement(host, card)).toBe('painted');
			expect(checkPlacement(host, card, edge)).toBe('covered');
			expect(liftOver(host, card, edge)).toBe(1);
			layer.style.zIndex = '3';
			expect(liftOver(host, card, edge)).toBe(4);
			expect(liftOver(host, card)).toBe(1); // at the centre alone, nothing over it
			// Something there that paints (a label over the box beside the pill) never moves the badge: the centre says.
			layer.style.backgroundColor = 'rgb(255, 255, 255)';
			expect(checkPlacement(host, card, edge)).toBe('painted');
			// A point outside the badge's box is not asked.
			layer.style.backgroundColor = 'transparent';
			expect(checkPlacement(host, card, {x: 20, y: 150})).toBe('painted');
		});

		it('what lies outside the card over it (a sticky header over the list) covers the card alike: painted', () => {
			const header = document.createElement('header');
			header.style.backgroundColor = 'rgb(255, 255, 255)';
			document.body.prepend(header);
			hits(header, host, card, document.body);
			expect(checkPlacement(host, card)).toBe('painted');
		});

		it('a badge the hit test passes over, under a box of the card cut to a shape (clip-path), is hidden', () => {
			hits(card, document.body);
			expect(checkPlacement(host, card)).toBe('painted'); // as ever: found under a box of its own card
			const cut = document.createElement('div');
			cut.style.clipPath = 'inset(50%)';
			card.append(cut);
			cut.append(host);
			expect(checkPlacement(host, card)).toBe('clipped');
		});
	});

	describe('where the browser has checkVisibility (Chromium, Firefox)', () => {
		/** Counts the computed styles read, and answers checkVisibility as a browser would for these inline styles. */
		function withBrowserApis() {
			const read: Element[] = [];
			const view = document.defaultView!;
			const real = view.getComputedStyle.bind(view);
			view.getComputedStyle = (el: Element) => (read.push(el), real(el));
			host.checkVisibility = (options?: {opacityProperty?: boolean}) => {
				if (!options?.opacityProperty) return true;
				for (let el: HTMLElement | null = host; el; el = el.parentElement) if (el.style.opacity === '0') return false;
				return true;
			};
			return read;
		}
		const original = window.getComputedStyle;
		afterEach(() => {
			window.getComputedStyle = original;
		});

		it('reads no style of a box that holds the badge whole, and still finds the box it overflows', () => {
			const read = withBrowserApis();
			card.append(host);
			box(host, {left: 110, top: -466, width: 236, height: 26});
			expect(checkPlacement(host, card)).toBe('painted');
			expect(read).toEqual([]);
			line.append(host);
			box(host, {left: 260, top: -490, width: 236, height: 20});
			expect(checkPlacement(host, card)).toBe('clipped');
			expect(read).toEqual([line]);
		});

		it('a badge under a transparent ancestor that holds it whole is not shown', () => {
			withBrowserApis();
			line.append(host);
			box(host, {left: 150, top: -490, width: 100, height: 20});
			expect(checkPlacement(host, card)).toBe('painted');
			line.style.opacity = '0';
			expect(checkPlacement(host, card)).toBe('clipped');
		});
	});
});
