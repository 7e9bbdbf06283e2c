import type {RawSegment, RawTime} from '../itinerary';

/**
 * The segments of one leg when a card shows only its ends' clocks and the stops between them (a "1 stop" leg with
 * the stop's code): the first segment gets the departure, the last the arrival, the stops' clocks stay unknown.
 */
export function legSegments(points: string[], departs: RawTime | undefined, arrives: RawTime | undefined): RawSegment[] {
	const segments: RawSegment[] = [];
	for (let s = 0; s < points.length - 1; s++) {
		const segment: RawSegment = {from: points[s]!, to: points[s + 1]!};
		if (s === 0 && departs) segment.departs = departs;
		if (s === points.length - 2 && arrives) segment.arrives = arrives;
		segments.push(segment);
	}
	return segments;
}
