/**
 * Which cards to read (./scanner.ts): every card on the page for the first scan, then only the cards in or around
 * what changed (./page-observer.ts); cards that left the page are forgotten, and new settings judge every card again.
 */
import {apply} from './card-reading';
import {guarded} from './guard';
import type {PageChange} from './page-observer';
import type {Run} from './scan-run';

/** Every card on the page found again, and all read (the first scan, or more changes than are worth following). */
export function rescan(run: Run): void {
	const found = new Set(findCards(run, run.options.doc));
	for (const card of run.cards) if (!found.has(card)) forget(run, card);
	for (const card of found) {
		track(run, card);
		run.queue.add(card);
	}
}

/** Only what changed: gone cards forgotten, changed cards read again, new cards found in or around what changed. */
export function follow(run: Run, change: PageChange): void {
	if (change.removed) sweep(run);
	// First, where each change lies: in a known card (read again) or in none. No card is added meanwhile, so an
	// ancestor found in none stays so: the walks up from a batch of added siblings stop where the first one's went.
	const clear = new Set<Element>();
	const outside: [Element, boolean][] = [];
	for (const el of change.touched) {
		if (!change.subtrees.has(el) && el.isConnected && !inCard(run, el, clear)) outside.push([el, false]);
	}
	for (const el of change.subtrees) if (el.isConnected && !inCard(run, el, clear)) outside.push([el, true]);
	for (const [el, search] of outside) look(run, el, search);
}

/** Whether `el` lies in a known card, which is queued to be read again. `clear`: elements known to lie in no card. */
function inCard(run: Run, el: Element, clear: Set<Element>): boolean {
	const path: Element[] = [];
	for (let e: Element | null = el; e && !clear.has(e); e = e.parentElement) {
		if (run.cards.has(e)) {
			run.queue.add(e);
			return true;
		}
		path.push(e);
	}
	for (const e of path) clear.add(e);
	return false;
}

/**
 * A changed element in no known card: the cards in it (`search`: an added subtree) and the one it lies in (the
 * adapter's `cardOf`) are new cards.
 */
function look(run: Run, el: Element, search: boolean): void {
	const found = search ? findCards(run, el) : [];
	if (!found.some((card) => card.contains(el))) {
		const around = guarded('cardOf', () => run.adapter.cardOf?.(el), undefined, run.logOnce);
		if (around) found.push(around);
	}
	for (const card of found) {
		if (run.cards.has(card)) continue;
		// Read in the next frames wherever it lies (./scanner.ts readAdded): no need to ask where.
		track(run, card, false);
		run.added.push(card);
	}
}

function findCards(run: Run, root: ParentNode): Element[] {
	return guarded('findCards', () => run.adapter.findCards(root), [], run.logOnce);
}

/** A card seen for the first time: followed from now on, and queued to be read (`watch`: see ReadQueue.add). */
function track(run: Run, card: Element, watch = true): void {
	if (run.cards.has(card)) return;
	run.cards.add(card);
	run.queue.add(card, watch);
}

/** A card that left the page: its badge goes; should the node come back, it is a new card. */
function forget(run: Run, card: Element): void {
	run.badges.forget(card, run.states.get(card));
	run.states.delete(card);
	run.live.delete(card);
	run.cards.delete(card);
	run.queue.forget(card);
	run.deferred.delete(card);
	run.gate?.forget(card);
}

/** Something left the page: the cards that went with it are forgotten, and badges the page removed are put back. */
function sweep(run: Run): void {
	for (const card of run.cards) if (!card.isConnected) forget(run, card);
	for (const card of run.live) {
		const state = run.states.get(card);
		if (state) run.badges.restore(card, state);
	}
}

/** New passports or language: every card's stored itinerary judged again, none read again. */
export function rejudge(run: Run): void {
	for (const card of run.cards) {
		const state = run.states.get(card);
		if (state?.segments && state.settingsKey !== run.settingsKey) apply(run, card, state, false);
	}
}
