// @vitest-environment jsdom
/**
 * The cards' size watch (lib/scan/page-session.ts sizeWatchIn) over a ResizeObserver whose reports the test makes: what
 * it hears of an element's first report and of its changes, for browsers that report an element without a box as
 * 0 × 0 when the watch starts (Chromium, Firefox) and for an observer that says nothing until the box exists.
 */
import {beforeEach, describe, expect, it} from 'vitest';
import {sizeWatchIn} from '@/lib/scan/page-session';

class TestObserver {
	static last: TestObserver | undefined;
	readonly observed = new Set<Element>();
	observeCalls = 0;
	constructor(private readonly callback: (entries: ResizeObserverEntry[]) => void) {
		TestObserver.last = this;
	}
	observe(element: Element) {
		this.observed.add(element);
		this.observeCalls++;
	}
	unobserve(element: Element) {
		this.observed.delete(element);
	}
	disconnect() {
		this.observed.clear();
	}
	/** The observer's report of the element's border box after a layout. */
	report(element: Element, width: number, height: number) {
		const entry = {target: element, borderBoxSize: [{inlineSize: width, blockSize: height}]};
		this.callback([entry as unknown as ResizeObserverEntry]);
	}
}

const doc = {defaultView: {ResizeObserver: TestObserver}} as unknown as Document;
let heard: Element[][];
let card: Element;

function watch() {
	heard = [];
	const sizes = sizeWatchIn(doc)!((elements) => void heard.push(elements));
	return {sizes, observer: TestObserver.last!};
}

beforeEach(() => {
	card = document.createElement('li');
});

describe('the size watch', () => {
	it('there is none without ResizeObserver', () => {
		expect(sizeWatchIn({defaultView: {}} as unknown as Document)).toBeUndefined();
	});

	it('notes the first size of an element with a box, and hears a change of it', () => {
		const {sizes, observer} = watch();
		sizes.observe(card);
		observer.report(card, 800, 120);
		expect(heard).toEqual([]);
		observer.report(card, 800, 150);
		expect(heard).toEqual([[card]]);
	});

	it('an element without a box, reported as 0 × 0 as the watch starts (Chromium, Firefox): heard once it has one', () => {
		const {sizes, observer} = watch();
		sizes.observe(card);
		observer.report(card, 0, 0);
		sizes.awaitShown!(card); // its badge's check found no box: nothing to start again
		expect(observer.observeCalls).toBe(1);
		expect(heard).toEqual([]);
		observer.report(card, 800, 120); // its tab panel shown
		expect(heard).toEqual([[card]]);
	});

	it('an element the observer says nothing of until it has a box (as the specification has it): after awaitShown, its first report is heard', () => {
		const {sizes, observer} = watch();
		sizes.observe(card);
		sizes.awaitShown!(card);
		observer.report(card, 800, 120);
		expect(heard).toEqual([[card]]);
		observer.report(card, 800, 120); // the same size again: nothing new
		expect(heard).toEqual([[card]]);
	});

	it('after awaitShown, a first report without a box (under a pixel) is only noted; its box then is heard', () => {
		const {sizes, observer} = watch();
		sizes.observe(card);
		sizes.awaitShown!(card);
		observer.report(card, 0.5, 120);
		expect(heard).toEqual([]);
		observer.report(card, 800, 120);
		expect(heard).toEqual([[card]]);
	});

	it('awaitShown on an element the observer has seen with a box (a transform scales it to nothing) starts nothing again: no report is heard for it, frame after frame', () => {
		const {sizes, observer} = watch();
		sizes.observe(card);
		observer.report(card, 800, 120);
		for (let frame = 0; frame < 3; frame++) sizes.awaitShown!(card);
		expect(observer.observeCalls).toBe(1);
		expect(observer.observed.has(card)).toBe(true);
		expect(heard).toEqual([]);
	});

	it('an element no longer watched is forgotten: watched again, its first report only noted', () => {
		const {sizes, observer} = watch();
		sizes.observe(card);
		sizes.awaitShown!(card);
		sizes.unobserve(card);
		expect(observer.observed.has(card)).toBe(false);
		sizes.observe(card);
		observer.report(card, 800, 120);
		expect(heard).toEqual([]);
	});
});
