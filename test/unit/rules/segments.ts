/** A segment for the engine's tests: airports, optional local times, anything else in `extra`. */
import type {SegmentInput} from '../../../lib/itinerary';

export const seg = (from: string, to: string, departure?: string, arrival?: string, extra: Partial<SegmentInput> = {}): SegmentInput => ({
	from,
	to,
	...(departure ? {departure} : {}),
	...(arrival ? {arrival} : {}),
	...extra,
});
