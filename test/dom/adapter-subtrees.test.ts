// @vitest-environment jsdom
/**
 * After its first scan the scanner looks for cards only in what changed (lib/scan/page-observer.ts): it hands an
 * adapter's `findCards` an added subtree, and asks its `cardOf` for the card around a changed element. On every saved
 * results page, each adapter finds each card from its container, from the card itself and from anything inside it,
 * and no card around what lies outside the cards; and the scanner finds every card again when the page puts them
 * back one by one.
 */
import {describe, expect, it} from 'vitest';
import type {SiteAdapter} from '../../lib/adapters/types';
import {loadRules} from '../../lib/rules/load-rules';
import {startScanner, type Mount} from '../../lib/scan/scanner';
import {expectationFiles, pageOfExpectation, savedPage} from './adapter-harness';

const pages = expectationFiles()
	.map(pageOfExpectation)
	.map((page) => ({page, ...savedPage(page)}))
	.filter(({expected}) => expected.cards > 0);

/** Where in a card the scanner may be handed an element: its first and last elements, and every tenth between. */
function insideOf(card: Element): Element[] {
	const all = [...card.querySelectorAll('*')];
	return all.filter((_, i) => i % 10 === 0 || i === all.length - 1);
}

const describeEl = (el: Element) => `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}">`;

describe.each(pages.map((p) => [p.page, p] as const))('%s', (_name, {adapter, load, expected}) => {
	it('finds each card from its container, from the card itself and from anything inside it', {timeout: 30_000}, () => {
		const cards = adapter.findCards(load());
		expect(cards).toHaveLength(expected.cards);
		expect(adapter.cardOf, 'an adapter whose cards the scanner must find from inside').toBeDefined();
		for (const parent of new Set(cards.map((card) => card.parentElement!))) {
			expect(adapter.findCards(parent)).toEqual(expect.arrayContaining(cards.filter((card) => card.parentElement === parent)));
		}
		for (const card of cards) {
			expect(adapter.cardOf!(card)).toBe(card);
			for (const el of insideOf(card)) expect(adapter.cardOf!(el), describeEl(el)).toBe(card);
		}
	});

	it('finds no card around what lies outside the cards, their containers included', {timeout: 30_000}, () => {
		const doc = load();
		const cards = adapter.findCards(doc);
		const outside = [...doc.documentElement.querySelectorAll('*')].filter((el) => !cards.some((card) => card.contains(el)));
		expect(outside).toContain(doc.body);
		for (const el of outside.slice(0, 300)) expect(adapter.cardOf!(el), describeEl(el)).toBeUndefined();
	});

	it('the scanner finds every card again when the page puts them back one by one', {timeout: 30_000}, async () => {
		document.documentElement.innerHTML = load().documentElement.innerHTML;
		const roots: ParentNode[] = [];
		const spied: SiteAdapter = {
			...adapter,
			findCards: (root) => {
				roots.push(root);
				return adapter.findCards(root);
			},
		};
		const scanner = startScanner({
			adapter: spied,
			doc: document,
			rules: loadRules(),
			referenceDate: expected.referenceDate,
			today: expected.referenceDate,
			settings: {passports: [], locale: 'en'},
			mount,
			log: () => undefined,
			schedule: (callback) => void setTimeout(callback, 0),
		});
		try {
			scanner.scan();
			const cards = adapter.findCards(document);
			expect(scanner.stats().cards).toBe(expected.cards);
			const placeholders = cards.map((card) => {
				const placeholder = document.createComment('card');
				card.replaceWith(placeholder);
				return placeholder;
			});
			await settle();
			expect(scanner.stats().cards).toBe(0);
			roots.length = 0;
			placeholders.forEach((placeholder, i) => placeholder.replaceWith(cards[i]!));
			await settle();
			expect(scanner.stats().cards).toBe(expected.cards);
			expect(roots).not.toContain(document); // found in what was added, not by searching the page
		} finally {
			scanner.stop();
		}
	});
});

const mount: Mount = (placement, view) => {
	const host = document.createElement('ctc-badge');
	host.textContent = view.summary.text;
	placement.anchor.append(host);
	return {update: () => undefined, remove: () => host.remove(), isConnected: () => host.isConnected, host};
};

/** The observer's callback (a microtask), then the frames it asked for. */
async function settle() {
	await Promise.resolve();
	await new Promise((resolve) => setTimeout(resolve, 10));
}
