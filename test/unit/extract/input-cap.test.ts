/**
 * The detectors read at most MAX_TEXT_CHARS of one input (issue #17: input size capped with a clear message). A PNR
 * pasted with a long chat log after it is still read; what lies past the cap is not, and the detection says so.
 */
import {describe, expect, it} from 'vitest';
import {detectText, MAX_TEXT_CHARS} from '../../../lib/detect';
import {loadRules} from '../../../lib/rules/load-rules';

const rules = loadRules();
// Two sell lines in the layout of test/fixtures/gds/wnbjke__PNR-converter__notes.txt.
const PNR = ['1 KE  12Q 18MAR 1 LAXICN*SS1  2340  0510   20MAR 3 /DCKE /E', ' 2 KE 663Q 20MAR 3 ICNHKT*SS1  1655  2140  /DCKE /E'].join(
	'\n',
);
const filler = (chars: number) => 'chat chat chat chat chat chat chat chat\n'.repeat(Math.ceil(chars / 40)).slice(0, chars);

describe('the detectors read at most MAX_TEXT_CHARS of an input', () => {
	it('reads a short text whole and says nothing about it', () => {
		const d = detectText(PNR, '2026-01-10', rules);
		expect(d.adapter).toBe('gds');
		expect(d.itineraries).toHaveLength(1);
		expect(d.truncated).toBeUndefined();
	});

	it('reads the beginning of a longer one and says it was cut', () => {
		const d = detectText(`${PNR}\n${filler(MAX_TEXT_CHARS)}`, '2026-01-10', rules);
		expect(d.itineraries.map((i) => i.segments.map((s) => s.flight))).toEqual([['KE12', 'KE663']]);
		expect(d.truncated).toBe(true);
	});

	it('does not read what lies past the cap', () => {
		const d = detectText(`${filler(MAX_TEXT_CHARS)}\n${PNR}`, '2026-01-10', rules);
		expect(d.itineraries).toEqual([]);
		expect(d.truncated).toBe(true);
	});
});
