/**
 * The machine codes the engine returns. Text for people comes from lib/i18n, never from the engine.
 */
export const REASON_CODES = [
	// what holds
	'third-region',
	'within-24h',
	'within-24h-earliest-arrival',
	'inspection-exempt',
	'inspection-required',
	'nationality-listed',
	'port-listed',
	'inside-permitted-area',
	'within-240h',
	'within-limit-earliest-arrival',
	'layover-within-limit',
	'regime-in-force',
	'within-stay-limit',
	'counting-unverified',
	'earlier-scheme',
	'inside-scheme-area',
	'within-scheme-limit',
	'regional-regime',
	'group-scheme-available',
	// what fails
	'policy-not-in-force',
	'domestic-leg',
	'airport-change',
	'onward-same-region',
	'over-24h',
	'nationality-not-listed',
	'nationality-not-yet-listed',
	'nationality-removed',
	'port-not-listed',
	'port-not-yet-open',
	'port-closed',
	'outside-permitted-area',
	'over-240h',
	'no-visa-free-regime',
	'regime-ended',
	'regime-not-yet',
	'over-stay-limit',
	'outside-scheme-area',
	'over-scheme-limit',
	// what is missing or doubtful
	'no-passport',
	'passport-not-covered',
	'origin-not-shown',
	'onward-not-shown',
	'entry-not-shown',
	'times-missing',
	'exit-time-not-shown',
	'separate-tickets',
	'temporary-entry-needed',
	'nationality-date-unverified',
	'port-date-unverified',
	'policy-date-unverified',
	'exit-port-not-listed',
	'area-unverified',
	'regime-date-unverified',
	'regime-unverified',
	'stay-limit-unknown',
	'stay-limit-unverified',
	'regime-ends-during-stay',
	'leave-by-scheduled-end',
	'scheduled-end-passed',
	'scheme-history-unverified',
	'travel-agency-required',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** Things no itinerary can show; listed with every verdict, never turned into doubt. */
export const REMINDER_CODES = [
	'passport-validity',
	'onward-ticket',
	'purpose',
	'register-accommodation',
	'leaving-airport-needs-permit',
	'arrival-card',
	'arrival-card-airside-exempt',
] as const;
export type ReminderCode = (typeof REMINDER_CODES)[number];

export const NOTICE_CODES = ['data-review-old', 'trip-starts-in-mainland', 'rules-may-have-changed'] as const;
export type NoticeCode = (typeof NOTICE_CODES)[number];
