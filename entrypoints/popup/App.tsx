import {browser} from '#imports';
import {useEffect, useMemo, useState} from 'preact/hooks';
import {useSettings} from '@/components/settings-store';
import {VerdictDetails} from '@/components/VerdictDetails';
import {adapters} from '@/lib/adapters';
import {resolveLocale, t} from '@/lib/i18n/messages';
import type {Locale} from '@/lib/i18n/reason-text';
import {evaluateTrip} from '@/lib/rules/evaluate';
import {loadRules, type RuleSet} from '@/lib/rules/load-rules';
import type {CheckResult, SegmentInput} from '@/lib/rules/types';
import {buildTrip, type RouteFormProblem} from '@/lib/ui/route-form';
import {detectText} from '@/lib/detect';

type PageStatus =
	| {adapter: string | null; itineraries: number; withStops: number; layoutUnrecognised?: boolean; generic?: SegmentInput[][]}
	| 'unsupported'
	| undefined;

function today(): string {
	const d = new Date();
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** One datalist of every airport, shared by the airport fields: keyboard and screen-reader friendly autocomplete. */
function AirportList({rules, locale}: {rules: RuleSet; locale: Locale}) {
	const options = useMemo(
		() =>
			Object.entries(rules.airports).map(([code, a]) => {
				const name = locale !== 'en' && a.nameZh ? `${a.nameZh} ${a.name}` : a.name;
				return <option key={code} value={`${code}`} label={`${a.city ?? ''} — ${name}`} />;
			}),
		[rules, locale],
	);
	return <datalist id="airports">{options}</datalist>;
}

function ThisPage({locale}: {locale: Locale}) {
	const [status, setStatus] = useState<PageStatus>();
	useEffect(() => {
		void (async () => {
			try {
				const [tab] = await browser.tabs.query({active: true, currentWindow: true});
				if (tab?.id === undefined) return setStatus('unsupported');
				const reply = (await browser.tabs.sendMessage(tab.id, {type: 'page-status'})) as PageStatus;
				setStatus(reply ?? 'unsupported');
			} catch {
				setStatus('unsupported'); // no content script in this tab: not a supported site
			}
		})();
	}, []);
	if (status === undefined) return null;
	const label = (id: string | null) => adapters.find((a) => a.id === id)?.label ?? id ?? '';
	let text: string;
	if (status === 'unsupported' || !status.adapter) text = t('popupPageUnsupported', locale);
	else if (status.layoutUnrecognised) text = t('popupLayoutUnrecognised', locale, {adapter: label(status.adapter)});
	else if (status.itineraries === 0) text = t('popupPageNothing', locale);
	else text = t('popupPageFound', locale, {itineraries: status.itineraries, withStops: status.withStops, adapter: label(status.adapter)});
	const generic = status !== 'unsupported' && status.layoutUnrecognised ? (status.generic ?? []) : [];
	return (
		<section aria-labelledby="page-h">
			<h2 id="page-h">{t('popupThisPage', locale)}</h2>
			<p data-testid="page-status">{text}</p>
			{generic.length > 0 ? <GenericFindings itineraries={generic} locale={locale} /> : null}
		</section>
	);
}

/** What the generic text detector saw on a page whose layout is not recognised: judged, but never a plain ✓. */
function GenericFindings({itineraries, locale}: {itineraries: SegmentInput[][]; locale: Locale}) {
	const rules = loadRules();
	const [settings] = useSettings();
	const results = itineraries.map((segments) => evaluateTrip({passports: settings?.passports ?? [], segments}, rules, {today: today()})).filter((r) => r.stops.length > 0);
	if (results.length === 0) return null;
	return (
		<div data-testid="generic-findings">
			{results.map((r, i) => (
				<VerdictDetails key={i} result={r} rules={rules} locale={locale} heuristic />
			))}
		</div>
	);
}

/** For agents: a GDS/PNR display, an e-ticket or copied page text, judged with the same engine. */
function PasteItinerary({locale, passports}: {locale: Locale; passports: string[]}) {
	const rules = loadRules();
	const [text, setText] = useState('');
	const [found, setFound] = useState<{results: CheckResult[]; heuristic: boolean; count: number}>();
	const submit = (event: Event) => {
		event.preventDefault();
		const detection = detectText(text, today(), rules, (html) => new DOMParser().parseFromString(html, 'text/html'));
		const results = detection.itineraries.map((it) => evaluateTrip({passports, segments: it.segments}, rules, {today: today()}));
		setFound({results, heuristic: detection.itineraries.some((it) => it.confidence === 'heuristic'), count: detection.itineraries.length});
	};
	return (
		<section aria-labelledby="paste-h">
			<h2 id="paste-h">{t('pasteHeading', locale)}</h2>
			<form onSubmit={submit}>
				<label>
					{t('pasteLabel', locale)}
					<textarea name="paste" rows={5} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
				</label>
				<button type="submit" class="primary">
					{t('pasteCheck', locale)}
				</button>
			</form>
			{found ? (
				<div data-testid="paste-result" aria-live="polite">
					<p>{t('pasteFound', locale, {count: found.count, stops: found.results.filter((r) => r.stops.length > 0).length})}</p>
					{found.results
						.filter((r) => r.stops.length > 0)
						.map((r, i) => (
							<VerdictDetails key={i} result={r} rules={rules} locale={locale} heuristic={found.heuristic} />
						))}
				</div>
			) : null}
		</section>
	);
}

export function App() {
	const rules = loadRules();
	const [settings] = useSettings();
	const locale = resolveLocale(settings?.language ?? 'auto', navigator.language);
	const [from, setFrom] = useState('');
	const [via, setVia] = useState<string[]>(['']);
	const [to, setTo] = useState('');
	const [arrive, setArrive] = useState('');
	const [leave, setLeave] = useState('');
	const [separate, setSeparate] = useState(false);
	const [problem, setProblem] = useState<RouteFormProblem>();
	const [result, setResult] = useState<CheckResult>();
	const passports = settings?.passports ?? [];

	const submit = (event: Event) => {
		event.preventDefault();
		const built = buildTrip({from, via, to, arrive, leave, passports, separateTickets: separate}, rules);
		if (!built.ok) {
			setProblem(built.problem);
			setResult(undefined);
			return;
		}
		setProblem(undefined);
		setResult(evaluateTrip(built.trip, rules, {today: today()}));
	};
	const invalid = (field: RouteFormProblem['field']) => (problem?.field === field ? {'aria-invalid': true, 'aria-describedby': 'form-problem'} : {});
	const openSettings = () => void browser.runtime.openOptionsPage();

	return (
		<main lang={locale}>
			<header>
				<h1>{t('appName', locale)}</h1>
				<button type="button" class="link" onClick={openSettings}>
					{t('openSettings', locale)}
				</button>
			</header>
			<ThisPage locale={locale} />
			<section aria-labelledby="check-h">
				<h2 id="check-h">{t('popupCheckHeading', locale)}</h2>
				<AirportList rules={rules} locale={locale} />
				<form onSubmit={submit} noValidate>
					<label>
						{t('formFrom', locale)}
						<input name="from" list="airports" autocomplete="off" placeholder={t('formAirportHint', locale)} value={from} onInput={(e) => setFrom((e.target as HTMLInputElement).value)} {...invalid('from')} />
					</label>
					{via.map((v, i) => (
						<label key={i}>
							{t('formVia', locale)}
							{via.length > 1 ? ` ${i + 1}` : ''}
							<input
								name={`via-${i}`}
								list="airports"
								autocomplete="off"
								placeholder={t('formAirportHint', locale)}
								value={v}
								onInput={(e) => setVia(via.map((x, j) => (j === i ? (e.target as HTMLInputElement).value : x)))}
								{...invalid('via')}
							/>
						</label>
					))}
					<button type="button" class="link" onClick={() => setVia([...via, ''])}>
						+ {t('formAddVia', locale)}
					</button>
					<label>
						{t('formTo', locale)}
						<input name="to" list="airports" autocomplete="off" placeholder={t('formAirportHint', locale)} value={to} onInput={(e) => setTo((e.target as HTMLInputElement).value)} {...invalid('to')} />
					</label>
					<div class="row">
						<label>
							{t('formArrive', locale)}
							<input name="arrive" type="datetime-local" value={arrive} onInput={(e) => setArrive((e.target as HTMLInputElement).value)} {...invalid('arrive')} />
						</label>
						<label>
							{t('formLeave', locale)}
							<input name="leave" type="datetime-local" value={leave} onInput={(e) => setLeave((e.target as HTMLInputElement).value)} {...invalid('leave')} />
						</label>
					</div>
					<p class="hint">{t('formTimesOptional', locale)}</p>
					<label class="check">
						<input type="checkbox" name="separate" checked={separate} onChange={(e) => setSeparate((e.target as HTMLInputElement).checked)} /> {t('formSeparate', locale)}
					</label>
					<p class="hint" data-testid="form-passports">
						{passports.length > 0 ? t('formPassports', locale, {list: passports.join(', ')}) : t('setPassportPrompt', locale)}
					</p>
					{problem ? (
						<p id="form-problem" class="problem" role="alert">
							{t(problem.key, locale, problem.params)}
						</p>
					) : null}
					<button type="submit" class="primary">
						{t('formCheck', locale)}
					</button>
				</form>
			</section>
			{result ? (
				<section aria-live="polite" data-testid="result" class="result">
					{result.stops.length === 0 ? <p>{t('noBest', locale)}</p> : <VerdictDetails result={result} rules={rules} locale={locale} onOpenSettings={openSettings} />}
				</section>
			) : null}
			<PasteItinerary locale={locale} passports={passports} />
			<p class="hint" data-testid="rules-info">
				{t('rulesAsOf', locale, {date: rules.data.reviewedAt})} · {t('disclaimer', locale)}
			</p>
		</main>
	);
}
