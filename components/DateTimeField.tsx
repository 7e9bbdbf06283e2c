/**
 * A local date and time typed as text, in the reader's language: a date box (`YYYY-MM-DD`, placeholder and hint in
 * the UI language) and a time box (`HH:mm`, 24-hour), instead of the browser's pickers, which follow the browser's
 * locale rather than the one chosen in the options. What people write is read leniently (full-width digits, `/` or
 * `.` between the parts, `2026年3月16日`, `16 March 2026`, `4:30 pm`, `下午4点半`) and shown back in the canonical form
 * once the box is left; anything else is refused with a message that names what was typed and the form to use.
 * A full `2026-03-16T16:00` (or with a space) typed or pasted into the date box fills both boxes.
 */
import {t, type MessageKey} from '@/lib/i18n/messages';
import type {Locale} from '@/lib/i18n/locale';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = [
	'january',
	'february',
	'march',
	'april',
	'may',
	'june',
	'july',
	'august',
	'september',
	'october',
	'november',
	'december',
];

const pad = (n: number) => String(n).padStart(2, '0');

/** Full-width digits and punctuation (typed with a Chinese input method) as ASCII, spaces collapsed. */
const clean = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ').trim();

function monthOf(word: string): number | undefined {
	const w = word.toLowerCase().replace(/\.$/, '');
	const i = MONTHS.indexOf(w.slice(0, 3));
	return i >= 0 && w.length >= 3 && MONTH_NAMES[i]!.startsWith(w) ? i + 1 : undefined;
}

function isoDate(y: number, m: number, d: number): string | undefined {
	if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2999) return undefined;
	return new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : undefined;
}

/** A date, and what follows it in the same box (a time, or nothing). */
function readDate(text: string): {date: string; rest: string} | undefined {
	const s = clean(text);
	let m = /^(\d{4}) ?[-/.] ?(\d{1,2}) ?[-/.] ?(\d{1,2})(?:(?:T| )(.*))?$/i.exec(s);
	if (m) {
		const date = isoDate(+m[1]!, +m[2]!, +m[3]!);
		return date ? {date, rest: (m[4] ?? '').trim()} : undefined;
	}
	m = /^(\d{4}) ?年 ?(\d{1,2}) ?月 ?(\d{1,2}) ?[日号號]?(.*)$/.exec(s);
	if (m) {
		const date = isoDate(+m[1]!, +m[2]!, +m[3]!);
		return date ? {date, rest: m[4]!.trim()} : undefined;
	}
	// 16 March 2026 · March 16, 2026 (an English month name leaves no doubt about which number is the day)
	m = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+\.?),? (\d{4})(?:,? (.*))?$/i.exec(s);
	const n = m ? undefined : /^([a-z]+\.?) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})(?:,? (.*))?$/i.exec(s);
	const [day, word, year, rest] = m ? [m[1], m[2], m[3], m[4]] : n ? [n[2], n[1], n[3], n[4]] : [];
	const month = word ? monthOf(word) : undefined;
	if (!month) return undefined;
	const date = isoDate(+year!, month, +day!);
	return date ? {date, rest: (rest ?? '').trim()} : undefined;
}

const hhmm = (h: number, min: number) => (h >= 0 && h <= 23 && min >= 0 && min <= 59 ? `${pad(h)}:${pad(min)}` : undefined);

/** A time of day as `HH:mm`: 16:30, 1630, 16.30, 4:30 pm, 4pm, 16时30分, 下午4点半. */
export function readTime(text: string): string | undefined {
	const s = clean(text).toLowerCase();
	let m = /^(\d{1,2})(?:[:.h](\d{2}))?$/.exec(s) ?? /^(\d{2})(\d{2})$/.exec(s);
	if (m) return hhmm(+m[1]!, +(m[2] ?? 0));
	m = /^(\d{1,2})(?:[:.](\d{2}))? ?([ap])\.? ?m\.?$/.exec(s);
	if (m) {
		const h = +m[1]!;
		if (h < 1 || h > 12) return undefined;
		return hhmm((h % 12) + (m[3] === 'p' ? 12 : 0), +(m[2] ?? 0));
	}
	m = /^(凌晨|早上|早晨|上午|中午|下午|傍晚|晚上)? ?(\d{1,2}) ?(?:[点點时時:] ?(?:(\d{1,2}) ?分?|(半))?)$/.exec(s);
	if (m) {
		const [, part, hour, minute, half] = m;
		let h = +hour!;
		if ((part === '下午' || part === '傍晚' || part === '晚上') && h < 12) h += 12;
		else if (part === '中午' && h < 11) h += 12;
		else if (part && /凌晨|早/.test(part) && h === 12) h = 0;
		return hhmm(h, half ? 30 : +(minute ?? 0));
	}
	return undefined;
}

/** A date typed in full with its time (`2026-03-16T16:00`, `2026-03-16 16:00`): split into the two boxes as it is typed. */
function fullDateTime(text: string): {date: string; time: string} | undefined {
	const m = /^\s*(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})\s*$/i.exec(text);
	const date = m ? readDate(m[1]!)?.date : undefined;
	const time = m ? readTime(m[2]!) : undefined;
	return date && time ? {date, time} : undefined;
}

type WhenProblem = {part: 'date' | 'time'; key: MessageKey; params?: Record<string, string>};

/**
 * The two boxes as the engine's local time: `YYYY-MM-DDTHH:mm`, `YYYY-MM-DD`, or '' for neither; with the boxes'
 * canonical text (a time written in the date box moves to the time box). Or the first problem, and in which box.
 */
export function readWhen(
	dateText: string,
	timeText: string,
): {ok: true; value: string; date: string; time: string} | {ok: false; problem: WhenProblem} {
	const dateIn = dateText.trim();
	const timeIn = timeText.trim();
	if (!dateIn && !timeIn) return {ok: true, value: '', date: '', time: ''};
	if (!dateIn) return {ok: false, problem: {part: 'date', key: 'formTimeNeedsDate'}};
	const read = readDate(dateIn);
	if (!read) return {ok: false, problem: {part: 'date', key: 'formBadDate', params: {text: dateIn}}};
	// A time in the date box was typed there last: it wins over the time box.
	const timeSource = read.rest || timeIn;
	if (!timeSource) return {ok: true, value: read.date, date: read.date, time: ''};
	const time = readTime(timeSource);
	if (!time) return {ok: false, problem: {part: read.rest ? 'date' : 'time', key: 'formBadTime', params: {text: timeSource}}};
	return {ok: true, value: `${read.date}T${time}`, date: read.date, time};
}

type DateTimeFieldProps = {
	/** The date box's name and id (`arrive`, `leave`); the time box is `<name>-time`. */
	name: string;
	/** The visible label, which names the date box (the time box is named by `timeLabel`). */
	label: string;
	timeLabel: string;
	date: string;
	time: string;
	onChange: (date: string, time: string) => void;
	locale: Locale;
	/** Which box the form's problem is about, if it is about this field. */
	invalid?: 'date' | 'time';
	/** The ids of the format hint and, while there is one, of the problem. */
	describedBy: string;
};

export function DateTimeField({name, label, timeLabel, date, time, onChange, locale, invalid, describedBy}: DateTimeFieldProps) {
	const typeDate = (text: string) => {
		const full = fullDateTime(text);
		if (full) onChange(full.date, full.time);
		else onChange(text, time);
	};
	// Leaving a box shows what was understood, in the canonical form; text that cannot be read stays as typed.
	const tidy = () => {
		const read = readWhen(date, time);
		if (read.ok && (read.date !== date || read.time !== time)) onChange(read.date, read.time);
		else if (!read.ok && read.problem.part === 'time' && readDate(date)) onChange(readDate(date)!.date, time);
	};
	const id = `when-${name}`;
	const box = {autocomplete: 'off', spellcheck: false, 'aria-describedby': describedBy} as const;
	return (
		<div class="when">
			<label for={id}>{label}</label>
			<div class="when-inputs">
				<input
					{...box}
					id={id}
					name={name}
					class="when-date"
					placeholder={t('formDatePlaceholder', locale)}
					value={date}
					aria-invalid={invalid === 'date' || undefined}
					onInput={(e) => typeDate((e.target as HTMLInputElement).value)}
					onBlur={tidy}
				/>
				<input
					{...box}
					id={`${id}-time`}
					name={`${name}-time`}
					class="when-time"
					placeholder={t('formTimePlaceholder', locale)}
					aria-label={timeLabel}
					value={time}
					aria-invalid={invalid === 'time' || undefined}
					onInput={(e) => onChange(date, (e.target as HTMLInputElement).value)}
					onBlur={tidy}
				/>
			</div>
		</div>
	);
}
