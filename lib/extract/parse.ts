/**
 * Small pure parsers for what booking pages and GDS displays print. Each returns undefined when it cannot read
 * its input; none guesses.
 */

const MONTHS: Record<string, number> = {
	jan: 1,
	feb: 2,
	mar: 3,
	apr: 4,
	may: 5,
	jun: 6,
	jul: 7,
	aug: 8,
	sep: 9,
	sept: 9,
	oct: 10,
	nov: 11,
	dec: 12,
	january: 1,
	february: 2,
	march: 3,
	april: 4,
	june: 6,
	july: 7,
	august: 8,
	september: 9,
	october: 10,
	november: 11,
	december: 12,
};

/** Minutes after midnight from `23:40`, `7:05`, `11:30 PM`, `11:30\u202fpm`, `615A`, `1159P`, `0510`, `12N`, `12M`. */
export function parseClock(text: string): number | undefined {
	const quick = plainClock(text);
	if (quick !== null) return quick;
	const t = text
		.replace(/[\u202f\u00a0]/g, ' ')
		.trim()
		.toUpperCase();
	let m = /^(\d{1,2}):(\d{2})\s*(AM|PM|A\.M\.|P\.M\.)?$/.exec(t);
	if (m) return to24(Number(m[1]), Number(m[2]), m[3]?.[0]);
	m = /^(\d{1,2})(\d{2})\s*([APNM])$/.exec(t); // GDS 12-hour: 615A, 1159P, 1200N (noon), 1200M (midnight)
	if (m) {
		const suffix = m[3]!;
		if (suffix === 'N') return Number(m[1]) === 12 && m[2] === '00' ? 720 : undefined;
		if (suffix === 'M') return Number(m[1]) === 12 && m[2] === '00' ? 0 : undefined;
		return to24(Number(m[1]), Number(m[2]), suffix);
	}
	m = /^(\d{2})(\d{2})$/.exec(t); // GDS 24-hour: 2340, 0510
	if (m) return valid(Number(m[1]), Number(m[2]));
	m = /^(\d{1,2})\s*(AM|PM)$/.exec(t);
	if (m) return to24(Number(m[1]), 0, m[2]![0]);
	return undefined;
}

/**
 * The shapes nearly every card prints, read without patterns: `7:05`, `23:40`, `11:30 PM`, `11:30pm`, with one
 * space, U+202F or U+00A0 before AM or PM. null for any other shape (parseClock's patterns read those); the same
 * minutes as the patterns otherwise, undefined where they refuse the clock too.
 */
function plainClock(text: string): number | undefined | null {
	const n = text.length;
	const colon = text.charCodeAt(1) === 58 ? 1 : text.charCodeAt(2) === 58 ? 2 : -1;
	if (colon < 0 || n < colon + 3) return null;
	let h = 0;
	for (let i = 0; i < colon; i++) {
		const d = text.charCodeAt(i) - 48;
		if (d < 0 || d > 9) return null;
		h = h * 10 + d;
	}
	const m1 = text.charCodeAt(colon + 1) - 48;
	const m2 = text.charCodeAt(colon + 2) - 48;
	if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9) return null;
	const min = m1 * 10 + m2;
	let i = colon + 3;
	if (i === n) return to24(h, min);
	const gap = text.charCodeAt(i);
	if (gap === 32 || gap === 0x202f || gap === 0xa0) i++;
	if (n - i !== 2) return null;
	// Lower-cased by setting bit 5: only A/a, P/p and M/m give these codes.
	const meridiem = text.charCodeAt(i) | 32;
	if ((text.charCodeAt(i + 1) | 32) !== 109 || (meridiem !== 97 && meridiem !== 112)) return null;
	return to24(h, min, meridiem === 112 ? 'P' : 'A');
}

function valid(h: number, min: number): number | undefined {
	return h <= 23 && min <= 59 ? h * 60 + min : undefined;
}

function to24(h: number, min: number, meridiem?: string): number | undefined {
	if (!meridiem) return valid(h, min);
	if (h < 1 || h > 12 || min > 59) return undefined;
	const base = h % 12;
	return (meridiem === 'P' ? base + 12 : base) * 60 + min;
}

export type PartialDate = {year?: number; month: number; day: number};

/**
 * Reads a date as pages print it: `2026-04-02`, `Thursday, April 2`, `Apr 2, 2026`, `2 Apr`, `Tue 4 Mar`, `18MAR`,
 * `18MAR26`, `07 JUN`, `20-Jul`, `20-Jul-26`, `15.06.2017` (day first: dots are never month first), `fre 3 jul 2009`,
 * `4月2日`, `06月03日`, `2026年4月2日`; `4/2` is refused (ambiguous).
 */
export function parseDateText(text: string): PartialDate | undefined {
	const t = text.replace(/[\u202f\u00a0]/g, ' ').trim();
	let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
	if (m) return checkDate({year: Number(m[1]), month: Number(m[2]), day: Number(m[3])});
	m = /(?:(\d{4})年)?\s*(\d{1,2})月\s*(\d{1,2})日/.exec(t);
	if (m) return checkDate({...(m[1] ? {year: Number(m[1])} : {}), month: Number(m[2]), day: Number(m[3])});
	m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t); // 15.06.2017
	if (m) return checkDate({year: Number(m[3]), month: Number(m[2]), day: Number(m[1])});
	m = /^(\d{1,2})-([A-Za-z]{3,9})(?:-(\d{4}|\d{2}))?$/.exec(t); // 20-Jul, 20-Jul-26, 20-July-2026
	if (m) {
		const month = MONTHS[m[2]!.toLowerCase()];
		if (!month) return undefined;
		const year = m[3] ? Number(m[3]) + (m[3].length === 2 ? 2000 : 0) : undefined;
		return checkDate({...(year ? {year} : {}), month, day: Number(m[1])});
	}
	m = /^(\d{1,2})([A-Za-z]{3})(\d{2})?$/.exec(t.replace(/\s+/g, '')); // 18MAR, 18MAR26 (no `i` flag: see parseDuration)
	if (m) {
		const month = MONTHS[m[2]!.toLowerCase()];
		if (!month) return undefined;
		return checkDate({...(m[3] ? {year: 2000 + Number(m[3])} : {}), month, day: Number(m[1])});
	}
	const words = t.toLowerCase().replace(/[,.]/g, ' ').split(/\s+/).filter(Boolean);
	let month: number | undefined;
	let day: number | undefined;
	let year: number | undefined;
	for (const w of words) {
		if (MONTHS[w] !== undefined && month === undefined) month = MONTHS[w];
		else if (/^\d{4}$/.test(w)) year = Number(w);
		else if (/^\d{1,2}(st|nd|rd|th)?$/.test(w) && day === undefined) day = parseInt(w, 10);
	}
	if (month === undefined || day === undefined) return undefined;
	return checkDate({...(year ? {year} : {}), month, day});
}

function checkDate(d: PartialDate): PartialDate | undefined {
	if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) return undefined;
	const probeYear = d.year ?? 2024; // a leap year, so 29 Feb passes when the year is unknown
	const probe = new Date(Date.UTC(probeYear, d.month - 1, d.day));
	if (probe.getUTCMonth() !== d.month - 1) return undefined;
	return d;
}

/**
 * Gives a year-less date the year that puts it nearest after the reference date (pages show upcoming flights):
 * up to 60 days before the reference date counts as the same year's past, anything earlier rolls to next year.
 */
export function resolveYear(d: PartialDate, referenceDate: string): string | undefined {
	const [ry, rm, rd] = referenceDate.split('-').map(Number) as [number, number, number];
	const iso = (y: number) => `${String(y).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
	const valid = (y: number) => {
		const probe = new Date(Date.UTC(y, d.month - 1, d.day));
		return probe.getUTCMonth() === d.month - 1;
	};
	if (d.year !== undefined) return valid(d.year) ? iso(d.year) : undefined;
	const ref = Date.UTC(ry, rm - 1, rd);
	for (const y of [ry, ry + 1, ry + 2, ry + 3, ry + 4]) {
		if (!valid(y)) continue;
		if (Date.UTC(y, d.month - 1, d.day) >= ref - 60 * 86_400_000) return iso(y);
	}
	return undefined;
}

/** `+1`, `+1天`, `+2 days`, `#` (GDS next day) → days; 0 for none. */
export function parseDayOffset(text: string | undefined): number {
	if (!text) return 0;
	const m = /([+-])\s*(\d)/.exec(text);
	if (m) return (m[1] === '-' ? -1 : 1) * Number(m[2]);
	if (/#/.test(text)) return 1;
	return 0;
}

/**
 * Minutes from `13 hr 10 min`, `2h 30m`, `1 hr`, `45 min`, `3小时15分`, `3h15m`, `PT2H30M`.
 *
 * Lower-cased first rather than matched with the `i` flag: a case-insensitive pattern with Chinese characters in it
 * costs V8 a fresh compile after garbage collections (0.4 ms each in Chromium), and a results page reads this once
 * per layover of every card.
 */
export function parseDuration(text: string): number | undefined {
	const t = text.trim().toLowerCase();
	let m = /^pt(?:(\d+)h)?(?:(\d+)m)?$/.exec(t);
	if (m && (m[1] || m[2])) return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
	// "9h 55" (minutes without a unit after hours) is how some sites print durations.
	m = /(\d+)\s*(?:hours?|hrs?|h|小时|小時)\s*(?:(\d+)\s*(?:minutes?|mins?|m|分钟|分鐘|分)?)?/.exec(t);
	if (m) return Number(m[1]) * 60 + Number(m[2] ?? 0);
	m = /(\d+)\s*(?:minutes?|mins?|m|分钟|分鐘|分)/.exec(t);
	if (m) return Number(m[1]);
	return undefined;
}

/** A flight number as airlines print it: `CA 982`, `CA982`, `ca0982` → `CA982`. */
export function normalizeFlightNumber(text: string): string | undefined {
	if (isPlainFlightNumber(text)) return text;
	const m = /^\s*([A-Za-z0-9]{2}|[A-Za-z]{3})\s*0*(\d{1,4}[A-Za-z]?)\s*$/.exec(text);
	if (!m || !/[A-Za-z]/.test(m[1]!)) return undefined;
	return `${m[1]!.toUpperCase()}${m[2]!.toUpperCase()}`;
}

const letter = (c: number) => c >= 65 && c <= 90;
const digit = (c: number) => c >= 48 && c <= 57;

/**
 * Already as normalizeFlightNumber writes it (`CA982`, `3U8501`, `LH1355`): two capitals or digits with at least one
 * capital, then one to four digits, the first not 0. No pattern: nearly every flight number on a results page is.
 */
function isPlainFlightNumber(text: string): boolean {
	const n = text.length;
	if (n < 3 || n > 6) return false;
	const a = text.charCodeAt(0);
	const b = text.charCodeAt(1);
	if (!(letter(a) || digit(a)) || !(letter(b) || digit(b)) || !(letter(a) || letter(b))) return false;
	if (text.charCodeAt(2) === 48) return false;
	for (let i = 2; i < n; i++) if (!digit(text.charCodeAt(i))) return false;
	return true;
}
