/**
 * Small pieces several adapters share: reading text, reading a card's leg rows into an itinerary, a guard around
 * `extract`, and the usual badge places (after or inside one part of the card, else the end of the card).
 */
import type {BadgePlacement, Extraction, PageContext} from './types';
import type {RawTime} from '../itinerary';
import {legSegments} from '../extract/leg';

/** An element's text with its white space folded; '' when there is no element. */
export function text(el: Element | null | undefined): string {
	return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** One leg as a results list shows it: its airports (with any stops), its first departure and last arrival clock. */
export type LegView = {from: string; to: string; stops: string[]; departs: string; arrives: string; arrivalOffset: number};

/**
 * Every leg row of a card (`selector`, or a function listing them), read by `readLeg` (which returns a string saying
 * what it could not read); an Extraction instead when the card has no legs yet (incomplete) or one is not understood
 * (failed).
 */
export function readLegRows(
	card: Element,
	selector: string | ((card: Element) => Element[]),
	readLeg: (row: Element) => LegView | string,
): LegView[] | Extraction {
	const rows = typeof selector === 'string' ? [...card.querySelectorAll(selector)] : selector(card);
	if (rows.length === 0) return {status: 'incomplete', missing: ['legs']};
	const legs: LegView[] = [];
	for (const row of rows) {
		const leg = readLeg(row);
		if (typeof leg === 'string') return {status: 'failed', reason: `leg not understood: ${leg}`};
		legs.push(leg);
	}
	return legs;
}

/** The card's itinerary: each leg's airports in order, as segments, with the departure and arrival `times` gives it. */
export function legsItinerary(legs: LegView[], times: (leg: LegView, i: number) => {departs: RawTime; arrives: RawTime}): Extraction {
	const segments = legs.flatMap((leg, i) => {
		const {departs, arrives} = times(leg, i);
		return legSegments([leg.from, ...leg.stops, leg.to], departs, arrives);
	});
	return {status: 'ok', itinerary: {segments}};
}

/** `extract` that never throws: a card that breaks it is `failed`, with `what` and the error as the reason. */
export function guardExtract(
	extract: (card: Element, page: PageContext) => Extraction,
	what = 'unexpected',
): (card: Element, page: PageContext) => Extraction {
	return (card, page) => {
		try {
			return extract(card, page);
		} catch (error) {
			return {status: 'failed', reason: `${what}: ${String(error)}`};
		}
	};
}

/** The badge at `append` of the card's first `selector` when it has one, else (and as the fallback) the end of the card. */
export function placementsAt(card: Element, selector: string, append: BadgePlacement['append']): BadgePlacement[] {
	const anchor = card.querySelector(selector);
	return anchor
		? [
				{anchor, append},
				{anchor: card, append: 'last'},
			]
		: [{anchor: card, append: 'last'}];
}
