import {useId} from 'preact/hooks';
import type {RuleSet} from '@/lib/rules/load-rules';
import type {Locale} from '@/lib/i18n/locale';
import {joinList, mapText} from '@/lib/i18n/map-text';
import {chinaMap} from '@/lib/ui/china-map-data';
import {nameInScript} from '@/lib/ui/zh-hant';

type ChinaMapProps = {
	rules: RuleSet;
	locale: Locale;
	/** IATA codes of the stay's airports; codes the map does not know are left out. */
	airports?: string[];
};

type Status = 'whole' | 'listed' | 'none';
type Point = [number, number];

/** Marker radius and label size in viewBox units (the 800-unit map shows at about 340 px: 1 unit ≈ 0.43 px). */
const MARKER_R = 9;
const LABEL_SIZE = 26;
const LABEL_W = 58;

/**
 * Places each label beside its marker where it overlaps no earlier label (PEK and PKX, PVG and SHA are close
 * neighbours): right, left, below, above, in that order. Deterministic, so tests and screenshots are stable.
 */
function placeLabels(points: Point[]): {x: number; y: number; anchor: 'start' | 'end' | 'middle'}[] {
	const boxes: [number, number, number, number][] = [];
	return points.map(([x, y]) => {
		const gap = MARKER_R + 3;
		const options = [
			{x: x + gap, y: y + LABEL_SIZE * 0.35, anchor: 'start' as const, box: [x + gap, y - LABEL_SIZE / 2, LABEL_W, LABEL_SIZE]},
			{
				x: x - gap,
				y: y + LABEL_SIZE * 0.35,
				anchor: 'end' as const,
				box: [x - gap - LABEL_W, y - LABEL_SIZE / 2, LABEL_W, LABEL_SIZE],
			},
			{x, y: y + gap + LABEL_SIZE * 0.8, anchor: 'middle' as const, box: [x - LABEL_W / 2, y + gap, LABEL_W, LABEL_SIZE]},
			{
				x,
				y: y - gap - LABEL_SIZE * 0.2,
				anchor: 'middle' as const,
				box: [x - LABEL_W / 2, y - gap - LABEL_SIZE, LABEL_W, LABEL_SIZE],
			},
		];
		const overlaps = (b: number[]) =>
			boxes.some((o) => b[0]! < o[0] + o[2] && o[0] < b[0]! + b[2]! && b[1]! < o[1] + o[3] && o[1] < b[1]! + b[3]!);
		const pick = options.find((o) => !overlaps(o.box)) ?? options[0]!;
		boxes.push(pick.box as [number, number, number, number]);
		return {x: pick.x, y: pick.y, anchor: pick.anchor};
	});
}

/**
 * "Where can I go?": mainland China's provinces with the 240-hour policy's permitted areas highlighted (whole
 * provinces filled, provinces where only listed cities count hatched, so colour is not the only cue), the stay's
 * airports marked, and beside it the same facts as a list, which is what screen readers get: the SVG is one image
 * with a one-line summary. Pure: everything comes from props and bundled data.
 */
export function ChinaMap({rules, locale, airports = []}: ChinaMapProps) {
	const map = chinaMap();
	const uid = useId();
	const titleId = `${uid}-title`;
	const hatchId = `${uid}-hatch`;
	const listHeadingId = `${uid}-list`;
	const zh = locale !== 'en';

	const areas = rules.data.transit240Areas;
	const statusOf = (code: string): Status => rules.areasByProvince.get(code)?.area ?? 'none';
	const statusText = {
		whole: mapText('statusWhole', locale),
		listed: mapText('statusListed', locale),
		none: mapText('statusNone', locale),
	};

	const stay = [...new Set(airports.map((a) => a.trim().toUpperCase()))];
	const markers = stay.flatMap((iata) => {
		const at = map.airports[iata];
		return at ? [{iata, at}] : [];
	});
	const labels = placeLabels(markers.map((m) => m.at));
	// Which permitted areas hold a stay airport: from the airport table, so airports the map does not place count too.
	const stayByProvince = new Map<string, string[]>();
	for (const iata of stay) {
		const province = rules.airports[iata]?.country === 'CN' ? rules.airports[iata].province : undefined;
		if (province) stayByProvince.set(province, [...(stayByProvince.get(province) ?? []), iata]);
	}

	const summary = [
		mapText('svgSummary', locale, {count: areas.length}),
		markers.length > 0
			? mapText('svgAirports', locale, {
					airports: joinList(
						markers.map((m) => m.iata),
						locale,
					),
				})
			: '',
	]
		.filter(Boolean)
		.join(zh ? '' : ' ');
	const [vx, vy, vw, vh] = map.viewBox;
	// Prefecture names exist in Chinese only (GB/T 2260): in an English list, mark their language for screen readers;
	// in Chinese they are in the reader's script (nameInScript).
	const placesLang = locale === 'en' ? 'zh-CN' : undefined;

	return (
		<div class="ctc-map">
			<figure class="ctc-map__figure">
				<svg class="ctc-map__svg" viewBox={`${vx} ${vy} ${vw} ${vh}`} role="img" aria-labelledby={titleId}>
					<title id={titleId}>{summary}</title>
					<defs>
						<pattern id={hatchId} width="12" height="12" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
							<rect class="ctc-map__hatch-bg" width="12" height="12" />
							<rect class="ctc-map__hatch-line" width="5" height="12" />
						</pattern>
					</defs>
					<g class="ctc-map__provinces">
						{map.provinces.map((p) => {
							const status = statusOf(p.code);
							return (
								<path
									key={p.code}
									d={p.d}
									class={`ctc-map__province ctc-map__province--${status}`}
									data-code={p.code}
									data-status={status}
									fill={status === 'listed' ? `url(#${hatchId})` : undefined}
								>
									<title>{`${zh ? nameInScript(p.nameZh, locale) : p.name}: ${statusText[status]}`}</title>
								</path>
							);
						})}
					</g>
					<g class="ctc-map__airports">
						{markers.map((m, i) => (
							<g key={m.iata} class="ctc-map__airport" data-iata={m.iata}>
								<circle cx={m.at[0]} cy={m.at[1]} r={MARKER_R} />
								<text x={labels[i]!.x} y={labels[i]!.y} text-anchor={labels[i]!.anchor} font-size={LABEL_SIZE}>
									{m.iata}
								</text>
							</g>
						))}
					</g>
				</svg>
				<ul class="ctc-map__legend">
					<li>
						<LegendSwatch status="whole" hatchId={hatchId} />
						{mapText('legendWhole', locale)}
					</li>
					<li>
						<LegendSwatch status="listed" hatchId={hatchId} />
						{mapText('legendListed', locale)}
					</li>
					<li>
						<LegendSwatch status="none" hatchId={hatchId} />
						{mapText('legendNone', locale)}
					</li>
					{markers.length > 0 && (
						<li>
							<svg class="ctc-map__swatch" viewBox="0 0 30 30" aria-hidden="true">
								<g class="ctc-map__airport">
									<circle cx="15" cy="15" r={MARKER_R} />
								</g>
							</svg>
							{mapText('legendAirport', locale)}
						</li>
					)}
				</ul>
				<figcaption class="ctc-map__caption">
					{mapText('caption', locale)} {/* The attribution is the licence's wording, kept in English. */}
					<span class="ctc-map__credit" lang={zh ? 'en' : undefined}>
						{map.source.attribution}
					</span>
				</figcaption>
			</figure>
			<section class="ctc-map__areas" aria-labelledby={listHeadingId}>
				<h3 id={listHeadingId}>{mapText('listHeading', locale, {count: areas.length})}</h3>
				<ul>
					{areas.map((a) => {
						const here = stayByProvince.get(a.province);
						const places = (a.area === 'listed' ? (a.prefectures ?? []) : []).map((code) =>
							nameInScript(rules.divisions[code] ?? map.prefectures[code] ?? code, locale),
						);
						return (
							<li
								key={a.province}
								data-province={a.province}
								data-status={a.area}
								class={here ? 'ctc-map__area ctc-map__area--stay' : 'ctc-map__area'}
							>
								<LegendSwatch status={a.area} hatchId={hatchId} />
								<span class="ctc-map__area-name">{zh ? nameInScript(a.nameZh, locale) : a.name}</span>
								{places.length > 0 && (
									<span class="ctc-map__places">
										{` ${mapText('listedOnly', locale)}${zh ? '' : ' '}`}
										<span lang={placesLang}>{joinList(places, locale)}</span>
									</span>
								)}
								{here && (
									<span class="ctc-map__stay">
										{' '}
										<span aria-hidden="true">✈ </span>
										{mapText('stayHere', locale, {airports: joinList(here, locale)})}
									</span>
								)}
							</li>
						);
					})}
				</ul>
			</section>
		</div>
	);
}

/** The map's fill as a small square, so the legend and the list carry the same cue (fill, hatching or grey). */
function LegendSwatch({status, hatchId}: {status: Status; hatchId: string}) {
	return (
		<svg class="ctc-map__swatch" viewBox="0 0 30 30" aria-hidden="true">
			<rect
				class={`ctc-map__province ctc-map__province--${status}`}
				x="1"
				y="1"
				width="28"
				height="28"
				fill={status === 'listed' ? `url(#${hatchId})` : undefined}
			/>
		</svg>
	);
}
