import {z} from 'zod';
import type {SegmentInput} from '../itinerary';
import type {ReasonCode, ReminderCode, NoticeCode} from './reasons';

/** The rules engine's input: the traveller's passports and a normalised itinerary (lib/itinerary.ts). */
export type TripInput = {passports: string[]; segments: SegmentInput[]};

/** For input from outside the code (the command line, messages): checked against the itinerary model. */
export const SegmentInputSchema = z.strictObject({
	from: z.string(),
	to: z.string(),
	departure: z.string().optional(),
	arrival: z.string().optional(),
	flight: z.string().optional(),
	separateTickets: z.boolean().optional(),
	connectionMinutes: z.number().int().nonnegative().optional(),
	arrivalNotBefore: z.string().optional(),
}) satisfies z.ZodType<SegmentInput>;

export const TripInputSchema = z.strictObject({
	passports: z.array(z.string()),
	segments: z.array(SegmentInputSchema),
}) satisfies z.ZodType<TripInput>;

export type PolicyId = 'transit24' | 'transit240' | 'visaFree';
export type Status = 'eligible' | 'ineligible' | 'conditional' | 'unknown';

export type ReasonParams = Record<string, string | number>;
/** Why a verdict is what it is. `fails` marks a condition that is not met; `doubt` one that could not be settled. */
export type Reason = {code: ReasonCode; kind: 'ok' | 'fails' | 'doubt' | 'info'; params?: ReasonParams; sources: string[]};
export type Reminder = {code: ReminderCode; params?: ReasonParams; sources: string[]};
export type Notice = {code: NoticeCode; params?: ReasonParams; sources: string[]};

export type PolicyVerdict = {
	policy: PolicyId;
	status: Status;
	reasons: Reason[];
	/** The passport this verdict is for (transit240, visaFree). */
	passport?: string;
	/** transit24: the transfer airport lets eligible passengers skip border inspection on that date. */
	inspectionExempt?: boolean;
	/** Leave mainland China no later than this local time (transit240, visaFree). */
	deadline?: string;
	/** transit240 before 2024-12-17: the 72- or 144-hour scheme of the entry airport's city or region, and its hours. */
	scheme?: string;
	hours?: number;
	/** visaFree: the regime used. */
	regime?: {kind: 'unilateral' | 'mutual' | 'regional'; days?: number; until?: string};
	/** For transit240 and visaFree without passports: the nationalities that would qualify on that date. */
	qualifyingNationalities?: string[];
	/** With them: the nationalities whose scheme is past its scheduled end on that date (they qualify only if it was extended). */
	qualifyingIfExtended?: string[];
	/**
	 * The badge's fast path only (./badge-verdict.ts, whose verdicts have no reasons): how many of the reasons the full
	 * evaluation gives are doubts (`kind: 'doubt'`). Absent from a full evaluation: count its reasons there.
	 */
	doubts?: number;
};

export type Stop = {
	/** Mainland airports of the stay, in order: entry, domestic stops, exit. */
	airports: string[];
	arrival?: string;
	/** Where the arrival is not given: the earliest the flight in can land (its segment's `arrivalNotBefore`). */
	arrivalNotBefore?: string;
	departure?: string;
	/** Country or region flown in from / on to (HK, MO and TW are their own). Absent when the page does not show it. */
	from?: string;
	to?: string;
	/** Index of the segment that arrives in the mainland, and of the one that leaves it. */
	entrySegment?: number;
	exitSegment?: number;
	/** Whole hours and minutes between arrival and departure, when both clocks are known. */
	durationMinutes?: number;
	domesticLegs: number;
	verdicts: PolicyVerdict[];
	best: PolicyId | null;
	reminders: Reminder[];
};

export type CheckResult = {
	rules: {version: string; reviewedAt: string; latestRuleChange: string};
	stops: Stop[];
	notices: Notice[];
};
