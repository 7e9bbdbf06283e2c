/**
 * "Check a route": a form a person fills by hand (airports with autocomplete over the airport table, optional
 * local dates and times typed in the UI language's format (./DateTimeField.tsx), separate tickets) and the engine's
 * answer in the same details component as the badges. No
 * `browser.*` here: the popup hands in the passports and what the buttons do, so tests render it in jsdom.
 */
import type {ComponentChildren} from 'preact';
import {useEffect, useMemo, useRef, useState} from 'preact/hooks';
import {countriesFromInput} from '@/lib/i18n/countries';
import {t} from '@/lib/i18n/messages';
import type {Locale} from '@/lib/i18n/locale';
import {evaluateTrip} from '@/lib/rules/evaluate';
import type {RuleSet} from '@/lib/rules/load-rules';
import type {CheckResult, TripInput} from '@/lib/rules/types';
import {buildTrip, type RouteFormProblem} from '@/lib/ui/route-form';
import {DateTimeField, readWhen} from './DateTimeField';
import {VerdictDetails} from './VerdictDetails';
import type {RenderExtras} from './JudgedList';
import {buildDetails} from '@/lib/ui/details';
import {airportNameZh} from '@/lib/ui/format';

type RouteCheckProps = {
	rules: RuleSet;
	locale: Locale;
	/** The passports from the options: the form's passport field starts with them (an agent may check for a client). */
	passports: string[];
	/** YYYY-MM-DD: the engine's today (which rules are in force when the dates are left out). */
	today: string;
	onOpenSettings?: () => void;
	/** Extra parts under a result (copy as text, the map, the check-in card button), given the trip and its result. */
	renderExtras?: RenderExtras;
};

/** A problem of the form: one of lib/ui/route-form.ts', or one with a time box (`arrive-time`, `leave-time`). */
type FormProblem = RouteFormProblem | {field: 'arrive-time' | 'leave-time'; key: RouteFormProblem['key']; params?: Record<string, string>};

type When = {date: string; time: string};
const NO_TIME: When = {date: '', time: ''};

/** One datalist of every airport, shared by the airport fields: keyboard and screen-reader friendly autocomplete. */
function AirportList({rules, locale}: {rules: RuleSet; locale: Locale}) {
	const options = useMemo(
		() =>
			Object.entries(rules.airports).map(([code, a]) => {
				// In Chinese, the airport's Chinese name in the reader's script (上海浦東國際機場 in zh-TW) before its English one.
				const nameZh = locale === 'en' ? undefined : airportNameZh(a, locale);
				const name = nameZh ? `${nameZh.text} ${a.name}` : a.name;
				// The cities it also serves, so typing "Xian" or "Tokyo" finds XIY (in Xianyang) and NRT (in Narita); in
				// Chinese, a city outside the mainland by its Chinese name too (东京, 東京 in zh-TW: servedZh).
				const zh = locale === 'en' ? undefined : locale === 'zh-TW' ? (a.servedZh?.[1] ?? a.servedZh?.[0]) : a.servedZh?.[0];
				const cities = [zh, a.city, ...(a.served ?? [])].filter(Boolean).join(', ');
				return <option key={code} value={code} label={`${cities} — ${name}`} />;
			}),
		[rules, locale],
	);
	return <datalist id="airports">{options}</datalist>;
}

type AirportFieldProps = {
	label: ComponentChildren;
	name: string;
	value: string;
	onValue: (value: string) => void;
	locale: Locale;
	/** aria-invalid and aria-describedby while the form's problem is about this field. */
	invalid: Record<string, unknown>;
};

/** An airport field with autocomplete over the shared airport list. */
function AirportField({label, name, value, onValue, locale, invalid}: AirportFieldProps) {
	return (
		<label>
			{label}
			<input
				name={name}
				list="airports"
				autocomplete="off"
				placeholder={t('formAirportHint', locale)}
				value={value}
				onInput={(e) => onValue((e.target as HTMLInputElement).value)}
				{...invalid}
			/>
		</label>
	);
}

export function RouteCheck({rules, locale, passports, today, onOpenSettings, renderExtras}: RouteCheckProps) {
	const [from, setFrom] = useState('');
	const [via, setVia] = useState<string[]>(['']);
	const [to, setTo] = useState('');
	const [arrive, setArrive] = useState<When>(NO_TIME);
	const [leave, setLeave] = useState<When>(NO_TIME);
	const [separate, setSeparate] = useState(false);
	const [passportText, setPassportText] = useState(passports.join(', '));
	const [problem, setProblem] = useState<FormProblem>();
	const [checked, setChecked] = useState<{trip: TripInput; result: CheckResult}>();
	const formRef = useRef<HTMLFormElement>(null);
	const resultRef = useRef<HTMLElement>(null);
	/** A code was picked for a city asked about: check again once the field holds it, then show what it found. */
	const [picked, setPicked] = useState<'check' | 'focus'>();

	/** The dates and times as the engine's local times, shown back in their canonical form; or the first problem. */
	const readTimes = (): {arrive: string; leave: string} | FormProblem => {
		const ends = [
			['arrive', arrive, setArrive],
			['leave', leave, setLeave],
		] as const;
		const values = {arrive: '', leave: ''};
		for (const [field, when, set] of ends) {
			const read = readWhen(when.date, when.time);
			if (!read.ok)
				return {field: read.problem.part === 'date' ? field : `${field}-time`, key: read.problem.key, params: read.problem.params};
			if (read.date !== when.date || read.time !== when.time) set({date: read.date, time: read.time});
			values[field] = read.value;
		}
		return values;
	};

	const submit = (event: Event) => {
		event.preventDefault();
		const holders = countriesFromInput(passportText, locale);
		const times = readTimes();
		const built =
			'field' in times
				? ({ok: false, problem: times} as const)
				: holders.ok
					? buildTrip({from, via, to, ...times, passports: holders.codes, separateTickets: separate}, rules, locale)
					: ({ok: false, problem: {field: 'passports', key: 'passportUnknown', params: {text: holders.text}}} as const);
		if (!built.ok) {
			setProblem(built.problem);
			setChecked(undefined);
			// Keyboard and screen-reader users land on the field to fix.
			const field = built.problem.field === 'via' ? 'via-0' : built.problem.field;
			(event.currentTarget as HTMLFormElement | null)?.querySelector<HTMLInputElement>(`[name="${field}"]`)?.focus();
			return;
		}
		setProblem(undefined);
		setChecked({trip: built.trip, result: evaluateTrip(built.trip, rules, {today})});
	};
	/** The field asked about takes the code picked (a connection: the one that held the city's name). */
	const useCode = (field: FormProblem['field'], text: string, code: string) => {
		if (field === 'from') setFrom(code);
		else if (field === 'to') setTo(code);
		else if (field === 'via') setVia(via.map((x) => (x.trim() === text ? code : x)));
		setPicked('check');
	};
	useEffect(() => {
		if (picked === 'check') {
			setPicked('focus');
			formRef.current?.requestSubmit();
		} else if (picked === 'focus') {
			// Not over a pick made since (a second code clicked before this effect ran): that one's check still comes.
			setPicked((now) => (now === 'focus' ? undefined : now));
			// Checked: to what it found; asked again: the submit put the focus on the field to fix.
			if (checked) resultRef.current?.focus();
		}
	}, [picked]);
	const invalid = (field: FormProblem['field']) =>
		problem?.field === field ? {'aria-invalid': true, 'aria-describedby': 'form-problem'} : {};
	const whenField = (name: 'arrive' | 'leave', when: When, set: (next: When) => void) => {
		const mine = problem?.field === name ? 'date' : problem?.field === `${name}-time` ? 'time' : undefined;
		return (
			<DateTimeField
				name={name}
				label={t(name === 'arrive' ? 'formArrive' : 'formLeave', locale)}
				timeLabel={t(name === 'arrive' ? 'formArriveTime' : 'formLeaveTime', locale)}
				date={when.date}
				time={when.time}
				onChange={(date, time) => set({date, time})}
				locale={locale}
				invalid={mine}
				describedBy={mine ? 'form-problem form-when-hint' : 'form-when-hint'}
			/>
		);
	};
	const value = (set: (v: string) => void) => (e: Event) => set((e.target as HTMLInputElement).value);
	const routeEnd = (name: 'from' | 'to', label: string, current: string, set: (v: string) => void) => (
		<AirportField label={label} name={name} value={current} onValue={set} locale={locale} invalid={invalid(name)} />
	);
	/** The city asked about, with its airports' codes to pick from, where the problem is one. */
	const choices = problem && 'choices' in problem ? problem.choices : undefined;

	return (
		<>
			<section aria-labelledby="check-h">
				<h2 id="check-h">{t('popupCheckHeading', locale)}</h2>
				<AirportList rules={rules} locale={locale} />
				<form ref={formRef} onSubmit={submit} noValidate>
					{routeEnd('from', t('formFrom', locale), from, setFrom)}
					{via.map((v, i) => (
						<AirportField
							key={i}
							label={
								<>
									{t('formVia', locale)}
									{via.length > 1 ? ` ${i + 1}` : ''}
								</>
							}
							name={`via-${i}`}
							value={v}
							onValue={(next) => setVia(via.map((x, j) => (j === i ? next : x)))}
							locale={locale}
							invalid={invalid('via')}
						/>
					))}
					<button type="button" class="link" onClick={() => setVia([...via, ''])}>
						+ {t('formAddVia', locale)}
					</button>
					{routeEnd('to', t('formTo', locale), to, setTo)}
					{whenField('arrive', arrive, setArrive)}
					{whenField('leave', leave, setLeave)}
					<p class="hint" id="form-when-hint">
						{t('formWhenFormat', locale)}
						{locale === 'en' ? ' ' : ''}
						{t('formTimesOptional', locale)}
					</p>
					<label class="check">
						<input
							type="checkbox"
							name="separate"
							checked={separate}
							onChange={(e) => setSeparate((e.target as HTMLInputElement).checked)}
						/>{' '}
						{t('formSeparate', locale)}
					</label>
					<label>
						{t('formPassportsLabel', locale)}
						<input
							name="passports"
							autocomplete="off"
							placeholder={t('formPassportsHint', locale)}
							value={passportText}
							onInput={value(setPassportText)}
							aria-describedby={problem?.field === 'passports' ? 'form-problem' : 'form-passports'}
							aria-invalid={problem?.field === 'passports' || undefined}
						/>
					</label>
					<p class="hint" id="form-passports" data-testid="form-passports">
						{passportText.trim() ? t('formPassportsHelp', locale) : t('setPassportPrompt', locale)}
					</p>
					{problem ? (
						<p id="form-problem" class="problem" role="alert">
							{t(problem.key, locale, problem.params)}
						</p>
					) : null}
					{problem && choices ? (
						<p class="choices" data-testid="form-choices">
							{choices.codes.map((code) => (
								<button
									key={code}
									type="button"
									class="link"
									aria-label={t('pasteUseCode', locale, {code, name: choices.text})}
									onClick={() => useCode(problem.field, choices.text, code)}
								>
									{code}
								</button>
							))}
						</p>
					) : null}
					<button type="submit" class="primary">
						{t('formCheck', locale)}
					</button>
				</form>
			</section>
			{checked ? (
				<section aria-live="polite" data-testid="result" class="result" ref={resultRef} tabIndex={-1}>
					{checked.result.stops.length === 0 ? (
						<p>{t('noMainlandStop', locale)}</p>
					) : (
						<>
							<VerdictDetails details={buildDetails(checked.result, rules, locale)} onOpenSettings={onOpenSettings} />
							{renderExtras?.(checked.trip, checked.result, false)}
						</>
					)}
				</section>
			) : null}
		</>
	);
}
