/**
 * The shared runner for saved texts, GDS displays, e-tickets and e-mails (test/fixtures/{text,gds,email,etickets}):
 * every input with a `<name>.hand-read.json` beside it goes through the pipeline (lib/detect) and is checked, fact by
 * fact, against the segments read off it by hand (route, flight, local departure, local arrival): every fact must be
 * found, and nothing may be found that the input does not hold (no segment from a date or a price alone). The
 * per-kind figures over these and the site pages: `npm run facts`.
 */
import {describe, expect, it} from 'vitest';
import {fixtureCases, factsOf, unread} from './fixture-facts';

const cases = fixtureCases();

it('has real fixtures, read by hand, of GDS displays, e-tickets and e-mails', () => {
	const kinds = new Set(cases.filter((c) => !c.expected.synthetic).map((c) => c.expected.kind));
	for (const kind of ['gds', 'e-ticket', 'e-mail']) expect(kinds).toContain(kind);
});

it('has every saved input read by hand (or, for a copy kept as another parser’s negative example, its original)', () => {
	expect(unread()).toEqual([]);
});

describe.each(cases.map((c) => ({...c, id: c.input})))('$id', (c) => {
	it('finds every fact read by hand, and no segment the input does not hold', () => {
		const facts = factsOf(c);
		console.info(`${c.input}: ${facts.found} of ${facts.total} hand-read facts found`);
		const known = c.expected.knownMisses ?? {};
		expect(facts.missing.filter((m) => !(m in known))).toEqual([]);
		// A known miss that is found now comes off the list.
		expect(Object.keys(known).filter((m) => !facts.missing.includes(m))).toEqual([]);
	});
});
