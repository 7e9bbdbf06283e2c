/**
 * For agents: a GDS/PNR display, an e-ticket or copied page text, read by the same detectors as pages and judged
 * by the same engine. Pure props (no `browser.*`), so tests render it in jsdom.
 */
import {useEffect, useRef, useState} from 'preact/hooks';
import {detectText, MAX_TEXT_CHARS, type Detection} from '@/lib/detect';
import {t} from '@/lib/i18n/messages';
import {Arrows} from '@/components/Arrows';
import type {Locale} from '@/lib/i18n/locale';
import {evaluateTrip} from '@/lib/rules/evaluate';
import type {RuleSet} from '@/lib/rules/load-rules';
import type {CheckResult, TripInput} from '@/lib/rules/types';
import {JudgedList, type RenderExtras} from './JudgedList';
import {airportsOfCity, cityInName} from '@/lib/airports/names';
import {metroOf} from '@/lib/airports';
import {metroCityName} from '@/lib/i18n/country-name';
import {passengerNationalities} from '@/lib/extract/docs';
import {countryFromRecord, countryInSentence, countryList} from '@/lib/i18n/countries';
import type {PageSelection} from '@/lib/ui/popup';
import {leftOutSegments} from '@/lib/ui/left-out';

type PasteItineraryProps = {
	rules: RuleSet;
	locale: Locale;
	passports: string[];
	today: string;
	/** Extra parts under each judged itinerary (copy as text, the map, the check-in card button). */
	renderExtras?: RenderExtras;
	/**
	 * The text selected on the page the popup is about, read when the reader asks (lib/browser/tabs.ts selectedText),
	 * or why it cannot be read. Absent: no such button (the box is for text alone).
	 */
	readSelection?: () => Promise<PageSelection>;
	/** Checks the selection as soon as the box shows, as if its button were pressed: the page's context menu asked. */
	checkSelectionNow?: boolean;
};

type Found = {
	results: {trip: TripInput; result: CheckResult}[];
	heuristic: boolean;
	count: number;
	dropped: number;
	truncated: boolean;
	/** The detection, for what the text holds but was not checked (excluded segments, unknown airports, unread lines). */
	detection: Detection;
	/** The passengers' nationalities the record gives (its `SSR DOCS` passport entries), as ISO codes. */
	nationalities: string[];
	/** The one of them the reader chose to check with; undefined: checked with the settings' passports. */
	record?: string;
};

/** A line of what was not checked; `choice`: an unknown airport's name and the codes the reader may put in its place. */
type LeftOut = {text: string; choice?: {name: string; codes: string[]}};

/**
 * Everything a detection read but did not check, each in a sentence: an agent must see what is missing. An unknown
 * airport that is a city's name (`Tokyo`, `东京`) is followed by that city's airports, whose code the text needs; one
 * that begins with a city's name (`东京成田国际机场`), by the airports we know there, asked, not picked: each code is a
 * button that puts it in the name's place and checks again.
 */
function leftOutOf(detection: Detection, locale: Locale, rules: RuleSet): LeftOut[] {
	const cities = [...new Set((detection.unknownAirports ?? []).flatMap((u) => u.unknown))].flatMap((name): LeftOut[] => {
		const metro = metroOf(name, rules);
		if (metro) {
			const params = {code: metro.code, city: metroCityName(metro, locale), codes: metro.airports.join(', ')};
			return [{text: t('pasteCityCode', locale, params), choice: {name, codes: metro.airports}}];
		}
		const codes = airportsOfCity(name, rules);
		if (codes.length > 0) return [{text: t('pasteCityAirports', locale, {city: name, codes: codes.join(', ')}), choice: {name, codes}}];
		const inName = cityInName(name, rules);
		return inName
			? [
					{
						text: t('pasteCityInName', locale, {name, city: inName.city, codes: inName.codes.join(', ')}),
						choice: {name, codes: inName.codes},
					},
				]
			: [];
	});
	const line = (text: string): LeftOut => ({text});
	return [
		...leftOutSegments(detection, locale, rules).map(line),
		...cities,
		...(detection.unreadLines ?? []).map((r) => line(t('pasteUnreadLine', locale, {line: r.line}))),
	];
}

type SelectionProblem = 'pasteSelectionNone' | 'pasteSelectionOutOfReach' | 'pasteSelectionUnreadable' | 'pasteSelectionPdf';
const SELECTION_UNREADABLE: Record<'page' | 'pdf', SelectionProblem> = {page: 'pasteSelectionUnreadable', pdf: 'pasteSelectionPdf'};

/** What the box says where it checked nothing: no flights in the text, or flight lists none of which reads whole. */
const nothingRead = (dropped: number) => (dropped === 0 ? 'pasteNothing' : dropped === 1 ? 'pasteUnreadableOne' : 'pasteUnreadable');

export function PasteItinerary({rules, locale, passports, today, renderExtras, readSelection, checkSelectionNow}: PasteItineraryProps) {
	const [text, setText] = useState('');
	/** Why the page's selection gave nothing to check: none selected, a page the browser keeps from extensions, a PDF. */
	const [selection, setSelection] = useState<{busy: boolean; problem?: SelectionProblem}>({busy: false});
	const [found, setFound] = useState<Found>();
	const [empty, setEmpty] = useState(false);
	const [focusResult, setFocusResult] = useState(false);
	const resultRef = useRef<HTMLParagraphElement>(null);
	/**
	 * Reads and judges the text: with the settings' passports, or with the one nationality of the record the reader
	 * chose (`record`). Never with a nationality on its own accord, and never with several at once: each passenger is
	 * one traveller, and a record's code may not mean what its author meant.
	 */
	const check = (input: string, record?: string) => {
		setEmpty(false);
		const detection = detectText(input, today, rules, (html) => new DOMParser().parseFromString(html, 'text/html'));
		const used = record ? [record] : passports;
		const results = detection.itineraries.map((it) => {
			const trip: TripInput = {passports: used, segments: it.segments};
			return {trip, result: evaluateTrip(trip, rules, {today})};
		});
		const nationalities = [...new Set(passengerNationalities(input).flatMap((code) => countryFromRecord(code) ?? []))];
		setFound({
			results,
			heuristic: detection.itineraries.some((it) => it.confidence === 'heuristic'),
			count: detection.itineraries.length,
			dropped: detection.dropped ?? 0,
			truncated: detection.truncated === true,
			detection,
			nationalities,
			...(record ? {record} : {}),
		});
	};
	/** Checked again with a nationality of the record, or (undefined) with the settings' passports; focus on the result. */
	const checkWith = (record: string | undefined) => {
		check(text, record);
		setFocusResult(true);
	};
	const submit = (event: Event) => {
		event.preventDefault();
		setSelection({busy: false});
		if (!text.trim()) {
			setEmpty(true);
			setFound(undefined);
			(event.currentTarget as HTMLFormElement | null)?.querySelector('textarea')?.focus();
			return;
		}
		check(text);
	};
	/**
	 * The page's selection put in the box and checked, as if pasted; or why there is none. `fromMenu`: the page's context
	 * menu asked, which it offers on selected text only, so a selection read as empty is one out of the extension's reach
	 * (a frame of another site), not none.
	 */
	const checkSelection = async (read: () => Promise<PageSelection>, fromMenu = false) => {
		setSelection({busy: true});
		const got = await read().catch((): PageSelection => ({unreadable: 'page'}));
		const selected = 'text' in got ? got.text : '';
		if (!selected.trim()) {
			const none = fromMenu ? 'pasteSelectionOutOfReach' : 'pasteSelectionNone';
			setSelection({busy: false, problem: 'text' in got ? none : SELECTION_UNREADABLE[got.unreadable]});
			return;
		}
		setSelection({busy: false});
		setText(selected);
		check(selected);
		setFocusResult(true);
	};
	/** An unknown airport's name replaced by the code the reader chose, everywhere in the text, and checked again. */
	const useCode = (name: string, code: string) => {
		const next = text.split(name).join(code);
		setText(next);
		check(next, found?.record);
		// The button goes with the line it was on: the reader is taken to what the check found now.
		setFocusResult(true);
	};
	useEffect(() => {
		if (checkSelectionNow && readSelection) void checkSelection(readSelection, true);
	}, []); // once, when the popup opens
	useEffect(() => {
		if (!focusResult) return;
		resultRef.current?.focus();
		setFocusResult(false);
	}, [focusResult]);
	const withStops =
		found?.results.flatMap((r, i) => (r.result.stops.length > 0 ? [{...r, n: i + 1, segments: r.trip.segments}] : [])) ?? [];
	const leftOut = found ? leftOutOf(found.detection, locale, rules) : [];
	return (
		<section aria-labelledby="paste-h">
			<h2 id="paste-h">{t('pasteHeading', locale)}</h2>
			<form onSubmit={submit} noValidate>
				<label>
					{t('pasteLabel', locale)}
					<textarea
						name="paste"
						rows={5}
						value={text}
						aria-invalid={empty || undefined}
						aria-describedby={empty ? 'paste-problem' : undefined}
						onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
					/>
				</label>
				{empty ? (
					<p id="paste-problem" class="problem" role="alert">
						{t('pasteEmpty', locale)}
					</p>
				) : null}
				<div class="buttons">
					<button type="submit" class="primary">
						{t('pasteCheck', locale)}
					</button>
					{readSelection ? (
						<button type="button" disabled={selection.busy} onClick={() => void checkSelection(readSelection)}>
							{t('pasteFromSelection', locale)}
						</button>
					) : null}
				</div>
				{selection.problem ? (
					<p class="problem" role="alert" data-testid="selection-problem">
						{t(selection.problem, locale)}
					</p>
				) : null}
			</form>
			{found ? (
				<div data-testid="paste-result" aria-live="polite">
					{found.truncated ? (
						<p class="problem">{t('pasteTruncated', locale, {chars: MAX_TEXT_CHARS.toLocaleString(locale)})}</p>
					) : null}
					<p ref={resultRef} tabIndex={-1}>
						{found.count === 0
							? t(nothingRead(found.dropped), locale, {dropped: found.dropped})
							: t(found.count === 1 ? 'pasteFoundOne' : 'pasteFound', locale, {count: found.count, stops: withStops.length})}
					</p>
					{found.nationalities.length > 0 ? (
						<div class="record-passports" data-testid="record-passports">
							<p>
								{found.record
									? t('pasteRecordUsed', locale, {country: countryInSentence(found.record, locale)})
									: t(passports.length > 0 ? 'pasteRecordSettings' : 'pasteRecordNoPassport', locale, {
											countries: countryList(found.nationalities, locale),
											passports: countryList(passports, locale),
										})}
							</p>
							<p class="choices">
								{found.record
									? passports.length > 0 && (
											<button type="button" class="link" onClick={() => checkWith(undefined)}>
												{t('pasteRecordBack', locale)}
											</button>
										)
									: // Not the one passport the check already used.
										found.nationalities
											.filter((code) => !(passports.length === 1 && passports[0] === code))
											.map((code) => (
												<button key={code} type="button" class="link" onClick={() => checkWith(code)}>
													{t('pasteRecordUse', locale, {country: countryInSentence(code, locale)})}
												</button>
											))}
							</p>
						</div>
					) : null}
					{leftOut.length > 0 ? (
						<div class="left-out">
							<p>{t('pasteLeftOut', locale)}</p>
							<ul>
								{leftOut.map(({text, choice}) => (
									<li key={text}>
										<span class="left-out-text">
											<Arrows text={text} locale={locale} />
										</span>
										{choice ? (
											<span class="choices">
												{choice.codes.map((code) => (
													<button
														key={code}
														type="button"
														class="link"
														aria-label={t('pasteUseCode', locale, {code, name: choice.name})}
														onClick={() => useCode(choice.name, code)}
													>
														{code}
													</button>
												))}
											</span>
										) : null}
									</li>
								))}
							</ul>
						</div>
					) : null}
					{withStops.length > 0 ? (
						<JudgedList
							items={withStops}
							rules={rules}
							locale={locale}
							heuristic={found.heuristic}
							renderExtras={renderExtras ? ({trip, result}) => renderExtras(trip, result, found.heuristic) : undefined}
						/>
					) : null}
				</div>
			) : null}
		</section>
	);
}
