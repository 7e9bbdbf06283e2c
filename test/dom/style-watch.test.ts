// @vitest-environment jsdom
/**
 * The watch on the page's styles (lib/scan/style-watch.ts): which changes ask for the placement checks again, how
 * often, and that a page's own events do not. A real late sheet clipping a real badge, and the badge found again, is
 * in test/e2e/paint.spec.ts (a sheet link's load, which jsdom never fires; rules put in through the CSSOM, and a sheet
 * the document adopts) and test/firefox/extension.test.ts (a <style>, its text, and insertRule).
 */
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {watchStyles} from '../../lib/scan/style-watch';

const DELAY = 30;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let calls: number;
let stop: () => void;

beforeEach(() => {
	document.head.replaceChildren();
	calls = 0;
	stop = watchStyles(document, () => calls++, DELAY);
});
afterEach(() => stop());

const link = (rel: string) => Object.assign(document.createElement('link'), {rel, href: 'https://example.test/x.css'});

describe('watchStyles', () => {
	it('asks again once, no sooner than the delay, when a <style> goes into the head', async () => {
		let at = 0;
		stop();
		stop = watchStyles(document, () => ((at = Date.now()), calls++), DELAY);
		const appended = Date.now();
		document.head.append(document.createElement('style'));
		await wait(DELAY * 2);
		expect(calls).toBe(1);
		// Timers may run a millisecond early by the wall clock.
		expect(at - appended).toBeGreaterThanOrEqual(DELAY - 2);
	});

	it('asks once for a burst of changes', async () => {
		document.head.append(document.createElement('style'), link('stylesheet'));
		// The observer has reported the first ones (a microtask) before the next goes in; no timer can run in between.
		await Promise.resolve();
		await Promise.resolve();
		document.head.append(document.createElement('style'));
		await wait(DELAY * 2);
		expect(calls).toBe(1);
	});

	it('asks when a style sheet leaves the head; a new sheet link, only once it has loaded', async () => {
		const sheet = link('preload stylesheet');
		document.head.append(sheet);
		await wait(DELAY * 2);
		// jsdom loads no sheet: the link's load never comes.
		expect(calls).toBe(0);
		sheet.remove();
		await wait(DELAY * 2);
		expect(calls).toBe(1);
		const style = document.createElement('style');
		document.head.append(style);
		await wait(DELAY * 2);
		style.remove();
		await wait(DELAY * 2);
		expect(calls).toBe(3);
	});

	it('does not ask for what is not a style sheet, nor at once for what goes into the body (the poll below hears that)', async () => {
		document.head.append(document.createElement('script'), document.createElement('meta'), link('icon'), link('preconnect'));
		document.body.append(document.createElement('style'));
		await wait(DELAY * 2);
		expect(calls).toBe(0);
	});

	it("does not ask for a load event the page fired itself at a sheet link (only the browser's count)", async () => {
		const sheet = link('stylesheet');
		document.head.append(sheet);
		await wait(DELAY * 2);
		sheet.dispatchEvent(new Event('load'));
		await wait(DELAY * 2);
		expect(calls).toBe(0);
	});

	it('asks at most once per delay while the head keeps changing, and does not put it off', async () => {
		const times: number[] = [];
		stop();
		stop = watchStyles(document, () => void times.push(Date.now()), DELAY);
		const started = Date.now();
		// The head changes every few milliseconds; the checks still come (a delay that restarted would never end).
		while (times.length < 3 && Date.now() - started < 5000) {
			document.head.append(document.createElement('style'));
			await wait(3);
		}
		expect(times).toHaveLength(3);
		// Timers may run a millisecond early by the wall clock.
		for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(DELAY - 2);
	});

	it("asks when a head <style>'s text changes in place, one there before the watch began included", async () => {
		stop();
		const early = document.createElement('style');
		early.textContent = 'li { color: red; }';
		document.head.append(early);
		stop = watchStyles(document, () => calls++, DELAY);
		// A library that styles the page from its scripts appends each component's rules as it first renders.
		early.append(document.createTextNode('li .times { overflow: hidden; }'));
		await wait(DELAY * 2);
		expect(calls).toBe(1);
		(early.firstChild as Text).data = 'li { height: 20px; }';
		await wait(DELAY * 2);
		expect(calls).toBe(2);
		const late = document.createElement('style');
		document.head.append(late);
		await wait(DELAY * 2);
		expect(calls).toBe(3);
		late.textContent = 'li { overflow: hidden; }';
		await wait(DELAY * 2);
		expect(calls).toBe(4);
	});

	it('asks when a head link becomes a stylesheet (a preload turned into one) or stops being one', async () => {
		const preload = link('preload');
		preload.setAttribute('as', 'style');
		document.head.append(preload);
		await wait(DELAY * 2);
		expect(calls).toBe(0);
		preload.rel = 'stylesheet';
		await wait(DELAY * 2);
		expect(calls).toBe(1);
		preload.rel = 'preload';
		await wait(DELAY * 2);
		expect(calls).toBe(2);
		// Neither a sheet before nor after: nothing applies or leaves.
		preload.rel = 'prefetch';
		await wait(DELAY * 2);
		expect(calls).toBe(2);
	});

	it("asks when a sheet's media or disabled state changes (a sheet loaded for print, then for every medium)", async () => {
		const sheet = link('stylesheet');
		sheet.media = 'print';
		document.head.append(sheet);
		await wait(DELAY * 2);
		expect(calls).toBe(0);
		sheet.media = 'all';
		await wait(DELAY * 2);
		expect(calls).toBe(1);
		sheet.setAttribute('disabled', '');
		await wait(DELAY * 2);
		expect(calls).toBe(2);
		const style = document.createElement('style');
		document.head.append(style);
		await wait(DELAY * 2);
		style.media = 'print';
		await wait(DELAY * 2);
		expect(calls).toBe(4);
	});

	it('does not ask for changes to what left the head or to other head elements, nor at once for styles in the body', async () => {
		const style = document.createElement('style');
		const script = document.createElement('script');
		const icon = link('icon');
		document.head.append(style, script, icon);
		await wait(DELAY * 2);
		style.remove();
		await wait(DELAY * 2);
		expect(calls).toBe(2);
		style.textContent = 'li { overflow: hidden; }';
		style.media = 'print';
		script.textContent = 'void 0;';
		icon.href = 'https://example.test/other.ico';
		icon.media = 'print';
		const inBody = document.createElement('style');
		document.body.append(inBody);
		await wait(DELAY * 2);
		inBody.textContent = 'li { overflow: hidden; }';
		await wait(DELAY * 2);
		expect(calls).toBe(2);
	});

	describe('the poll of the style sheets (what changes no node of the head)', () => {
		const POLL = 40;
		const restart = () => {
			stop();
			stop = watchStyles(document, () => calls++, DELAY, POLL);
		};
		const settle = () => wait(POLL + DELAY * 2);

		it('asks when a script adds or deletes rules through the CSSOM, in a <style> that was there before the watch', async () => {
			const style = document.createElement('style');
			style.textContent = 'li { color: red; }';
			document.head.append(style);
			restart();
			await settle();
			expect(calls).toBe(0);
			// A library that styles the page from its scripts, in production: rules go into the sheet, no node changes.
			style.sheet!.insertRule('li .times { height: 20px; overflow: hidden; }', 1);
			await settle();
			expect(calls).toBe(1);
			// Asked once for it, not at every poll after.
			await settle();
			expect(calls).toBe(1);
			style.sheet!.deleteRule(1);
			await settle();
			expect(calls).toBe(2);
		});

		it('asks when a sheet goes into or changes in the body, which the observer does not watch', async () => {
			restart();
			const style = document.createElement('style');
			document.body.append(style);
			await settle();
			expect(calls).toBe(1);
			style.textContent = 'li { overflow: hidden; }';
			await settle();
			expect(calls).toBe(2);
			style.remove();
			await settle();
			expect(calls).toBe(3);
		});

		it('asks once for a change the observer heard, not again at the next polls', async () => {
			restart();
			const style = document.createElement('style');
			style.textContent = 'li { overflow: hidden; }';
			document.head.append(style);
			await settle();
			await settle();
			expect(calls).toBe(1);
		});

		it('does not ask while nothing changes, nor for a node the page adds outside any sheet', async () => {
			const style = document.createElement('style');
			style.textContent = 'li { color: red; }';
			document.head.append(style);
			restart();
			document.body.append(document.createElement('div'));
			await settle();
			await settle();
			expect(calls).toBe(0);
		});

		it('does not read the sheets while the page is hidden, and hears what changed once it is shown', async () => {
			const style = document.createElement('style');
			document.head.append(style);
			restart();
			Object.defineProperty(document, 'visibilityState', {value: 'hidden', configurable: true});
			try {
				style.sheet!.insertRule('li { overflow: hidden; }', 0);
				await settle();
				expect(calls).toBe(0);
			} finally {
				delete (document as {visibilityState?: unknown}).visibilityState;
			}
			expect(document.visibilityState).toBe('visible');
			await settle();
			expect(calls).toBe(1);
		});

		it('stops polling when stopped', async () => {
			const style = document.createElement('style');
			document.head.append(style);
			restart();
			stop();
			style.sheet!.insertRule('li { overflow: hidden; }', 0);
			await settle();
			expect(calls).toBe(0);
		});
	});

	it('stops: no call after it, not even one already timed', async () => {
		document.head.append(document.createElement('style'));
		stop();
		document.head.append(document.createElement('style'));
		await wait(DELAY * 2);
		expect(calls).toBe(0);
	});
});
