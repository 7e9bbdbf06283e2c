/** The fixed mix of itineraries the engine benchmarks run (bench:rules and bench): every policy, with and without passports. */
import type {TripInput} from '../lib/rules/types.ts';

export const BENCH_MIX: TripInput[] = [
	{
		passports: ['US'],
		segments: [
			{from: 'JFK', to: 'PEK', departure: '2026-03-15T13:00', arrival: '2026-03-16T16:00'},
			{from: 'PEK', to: 'NRT', departure: '2026-03-16T18:30', arrival: '2026-03-16T22:45'},
		],
	},
	{
		passports: ['FR', 'US'],
		segments: [
			{from: 'CDG', to: 'PVG', departure: '2026-05-01T13:00', arrival: '2026-05-02T07:00'},
			{from: 'PVG', to: 'CTU', departure: '2026-05-03T09:00', arrival: '2026-05-03T12:00'},
			{from: 'CTU', to: 'CDG', departure: '2026-05-09T01:00', arrival: '2026-05-09T07:00'},
		],
	},
	{
		passports: ['IN'],
		segments: [
			{from: 'DEL', to: 'CAN'},
			{from: 'CAN', to: 'SYD'},
		],
	},
	{
		passports: [],
		segments: [
			{from: 'SFO', to: 'HKG', departure: '2026-03-15T13:00', arrival: '2026-03-16T19:00'},
			{from: 'HKG', to: 'NRT', departure: '2026-03-16T22:00', arrival: '2026-03-17T03:30'},
		],
	},
	{
		passports: ['GB'],
		segments: [
			{from: 'LHR', to: 'PEK', departure: '2026-06-01T20:00', arrival: '2026-06-02T13:00'},
			{from: 'PEK', to: 'URC', departure: '2026-06-04T09:00', arrival: '2026-06-04T14:00'},
			{from: 'URC', to: 'IST', departure: '2026-06-08T09:00', arrival: '2026-06-08T14:00'},
		],
	},
];
