/**
 * Itineraries judged at once in the popup (a pasted text, a page's record, what the generic detector read): one
 * itinerary's details as they are; several, each folded under one line saying which itinerary it is and its verdict
 * in the badge's words, so an agent with five bookings in a text sees five answers before reading any details.
 */
import type {ComponentChildren} from 'preact';
import type {Locale} from '@/lib/i18n/locale';
import type {RuleSet} from '@/lib/rules/load-rules';
import type {CheckResult, TripInput} from '@/lib/rules/types';
import {buildDetails} from '@/lib/ui/details';
import {itineraryLine, type Judged} from '@/lib/ui/popup';
import {VerdictDetails} from './VerdictDetails';

/**
 * Extra parts under a judged itinerary (copy as text; for one read from structured data, the check-in card and the
 * map), given the trip as judged and its result; `heuristic`: read from text, not from structured data.
 */
export type RenderExtras = (trip: TripInput, result: CheckResult, heuristic: boolean) => ComponentChildren;

type JudgedListProps<J extends Judged> = {
	items: readonly J[];
	rules: RuleSet;
	locale: Locale;
	/** A heuristic reading (generic text): the details say so, and no line gets a ✓. */
	heuristic: boolean;
	/** Extra parts under an itinerary's details (the map, the check-in card button). */
	renderExtras?: (item: J) => ComponentChildren;
};

/**
 * A verdict's words with the ✓ of an eligible one seen but not said (a screen reader would say “check mark” inside
 * them; the words say it), as the badge's accessible name leaves it out.
 */
function spokenWithoutTick(text: string): ComponentChildren {
	const [before, after] = text.split(' ✓');
	return after === undefined ? (
		text
	) : (
		<>
			{before}
			<span aria-hidden="true"> ✓</span>
			{after}
		</>
	);
}

export function JudgedList<J extends Judged>({items, rules, locale, heuristic, renderExtras}: JudgedListProps<J>) {
	const body = (item: J) => (
		<>
			<VerdictDetails details={buildDetails(item.result, rules, locale, {heuristic})} />
			{renderExtras?.(item)}
		</>
	);
	if (items.length === 1) return <div>{body(items[0]!)}</div>;
	return (
		<div class="judged-list">
			{items.map((item, i) => {
				const line = itineraryLine(item, heuristic, locale);
				return (
					<details key={i} class="itinerary">
						<summary>
							{line ? (
								<>
									<span class="itinerary-label" aria-hidden="true">
										{line.label}
									</span>
									<span class="visually-hidden">{line.spoken}</span>
								</>
							) : null}{' '}
							{line ? (
								<span class={`itinerary-verdict tone-pill tone-${line.verdict.tone}`}>
									{line.verdict.icon ? <span aria-hidden="true">{line.verdict.icon} </span> : null}
									{spokenWithoutTick(line.verdict.text)}
								</span>
							) : null}
						</summary>
						{body(item)}
					</details>
				);
			})}
		</div>
	);
}
