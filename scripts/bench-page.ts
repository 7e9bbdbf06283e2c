/**
 * The results page `npm run bench` serves at a Google Flights URL: the saved SFO → NRT capture
 * (test/fixtures/google-flights/sfo-nrt-2025-styled.html) with the site's own CSS and `ds:1` data kept and its cards
 * taken out, and a script that renders 500 distinct itineraries into the "Other flights" list the way the site does:
 * a batch of 20 cards every 50 ms.
 *
 * Every card is the capture's Cathay Pacific card (CX851 SFO → HKG, CX526 HKG → NRT) with what differs between two
 * results changed, in every place a card says it: the segment data (`data-travelimpactmodelwebsiteurl`, three times),
 * the `role="link"` sentence and the times line's aria-label (departure and arrival times, arrival date, total
 * duration, layover length and airport), the times, the hidden codes row and "1 stop in …", the flight numbers in the
 * price's `data-gs`, the airline's name and logo, the price, and the card's ids. The layover airport is drawn from a
 * fixed list (seeded, so every run serves the same page): about one card in five connects in mainland China (PVG,
 * PEK, CAN, CTU, SZX), the others at HKG, ICN, TPE, MNL, DXB, DOH, FRA or YVR. Clock times follow from the time
 * zones, so the dates and the "+1" agree with the sentence. These are not flights Google showed. When every card is
 * in, the page hides its loading indicators, as the site does: the capture was saved while they ran, and left running
 * their animations would repaint the whole list every frame.
 *
 * The page observes itself; nothing here knows how the extension works. What it records, in `window.__bench`:
 * - `frame`, `frameStart[]`: an animation-frame counter (installed by the bench with addInitScript);
 * - per card: the frame it was first laid out (a ResizeObserver's first report, delivered in the rendering step of the
 *   frame that paints it), the frame it first came within one screen of the viewport (an IntersectionObserver with a
 *   100 % root margin; its entry's time is mapped to the frame it was computed in), and the frame its badge was first
 *   laid out: the bench page never changes a card after inserting it, so any element that appears inside a card is
 *   the extension's, and a ResizeObserver on it reports the frame that paints it. This works for release builds,
 *   which mark nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import {seededRandom} from './seeded-random.ts';

export const BENCH_FIXTURE = 'test/fixtures/google-flights/sfo-nrt-2025-styled.html';
/** The URL the page is served at: the capture's search (SFO → NRT, 20 Aug 2025). */
export const BENCH_URL = 'https://www.google.com/travel/flights/search?tfs=CBwQAhoeEgoyMDI1LTA4LTIwagcIARIDU0ZPcgcIARIDTlJU&hl=en';
/** The mainland China airports the generator routes through. */
export const CHINA_HUBS = ['PVG', 'PEK', 'CAN', 'CTU', 'SZX'];

type Hub = {code: string; name: string; city: string; utc: number; carrier: string; airline: string; legs: [number, number]};

// Flight times in minutes, SFO → hub and hub → NRT; UTC offsets in August.
const HUBS: Hub[] = [
	{
		code: 'PVG',
		name: 'Shanghai Pudong International Airport',
		city: 'Shanghai',
		utc: 8,
		carrier: 'MU',
		airline: 'China Eastern',
		legs: [790, 180],
	},
	{
		code: 'PEK',
		name: 'Beijing Capital International Airport',
		city: 'Beijing',
		utc: 8,
		carrier: 'CA',
		airline: 'Air China',
		legs: [765, 205],
	},
	{
		code: 'CAN',
		name: 'Guangzhou Baiyun International Airport',
		city: 'Guangzhou',
		utc: 8,
		carrier: 'CZ',
		airline: 'China Southern',
		legs: [890, 260],
	},
	{
		code: 'CTU',
		name: 'Chengdu Tianfu International Airport',
		city: 'Chengdu',
		utc: 8,
		carrier: '3U',
		airline: 'Sichuan Airlines',
		legs: [840, 280],
	},
	{
		code: 'SZX',
		name: "Shenzhen Bao'an International Airport",
		city: 'Shenzhen',
		utc: 8,
		carrier: 'ZH',
		airline: 'Shenzhen Airlines',
		legs: [900, 270],
	},
	{
		code: 'HKG',
		name: 'Hong Kong International Airport',
		city: 'Hong Kong',
		utc: 8,
		carrier: 'CX',
		airline: 'Cathay Pacific',
		legs: [905, 265],
	},
	{code: 'ICN', name: 'Incheon International Airport', city: 'Seoul', utc: 9, carrier: 'KE', airline: 'Korean Air', legs: [720, 140]},
	{
		code: 'TPE',
		name: 'Taiwan Taoyuan International Airport',
		city: 'Taipei',
		utc: 8,
		carrier: 'BR',
		airline: 'EVA Air',
		legs: [805, 190],
	},
	{
		code: 'MNL',
		name: 'Ninoy Aquino International Airport',
		city: 'Manila',
		utc: 8,
		carrier: 'PR',
		airline: 'Philippine Airlines',
		legs: [850, 250],
	},
	{code: 'DXB', name: 'Dubai International Airport', city: 'Dubai', utc: 4, carrier: 'EK', airline: 'Emirates', legs: [940, 575]},
	{code: 'DOH', name: 'Hamad International Airport', city: 'Doha', utc: 3, carrier: 'QR', airline: 'Qatar Airways', legs: [950, 600]},
	{code: 'FRA', name: 'Frankfurt Airport', city: 'Frankfurt', utc: 2, carrier: 'LH', airline: 'Lufthansa', legs: [670, 710]},
	{
		code: 'YVR',
		name: 'Vancouver International Airport',
		city: 'Vancouver',
		utc: -7,
		carrier: 'AC',
		airline: 'Air Canada',
		legs: [140, 600],
	},
];
const SFO_UTC = -7;
const NRT_UTC = 9;
/** The search date: Wednesday 20 August 2025. */
const DEPARTURE_DAY = Date.UTC(2025, 7, 20);

/** One generated itinerary, for checks: what the card says. */
export type BenchItinerary = {china: boolean; hub: string; flights: [string, string]; departs: string; layoverMinutes: number};

export type BenchPageOptions = {cards: number; batch: number; everyMs: number; firstMs: number; seed?: number};

export type BenchPage = {
	html: string;
	itineraries: BenchItinerary[];
	/** The markup of card i, as the page's script renders it (for checking the page in Node). */
	cardHtml: (i: number) => string;
};

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number) => String(n).padStart(2, '0');
/** Local wall-clock parts of a UTC instant (minutes since epoch) at a UTC offset. */
const local = (utcMinutes: number, offset: number) => new Date((utcMinutes + offset * 60) * 60_000);
const clock12 = (d: Date, sep: string) =>
	`${((d.getUTCHours() + 11) % 12) + 1}:${pad(d.getUTCMinutes())}${sep}${d.getUTCHours() < 12 ? 'AM' : 'PM'}`;
const longDate = (d: Date) => `${DAYS[d.getUTCDay()]}, ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
const shortDate = (d: Date) => `${DAYS[d.getUTCDay()]!.slice(0, 3)}, ${MONTHS[d.getUTCMonth()]!.slice(0, 3)} ${d.getUTCDate()}`;
const ymd = (d: Date) => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
const duration = (minutes: number) => `${Math.floor(minutes / 60)} hr${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
const dayIndex = (d: Date) => Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) / 86_400_000);

/** The card the others are made from, and its values. */
const TEMPLATE = {
	trip: 'SFO-HKG-CX-851-20250820,HKG-NRT-CX-526-20250821',
	flights: 'CX851|CX526',
	id: 'WsCKhf',
	describedBy: 'gEvJbfi9',
	price: '542',
	airline: 'Cathay Pacific',
	logo: '/CX.png',
	departs: '12:05',
	arrives: '1:40',
	arrivalDay: 'Thursday, August 21',
	arrivalDayShort: 'Thu, Aug 21',
	plusDays: '<span class="bOzv6">+1</span>',
	duration: '21 hr 35 min',
	layover: '3 hr 5 min',
	hubName: 'Hong Kong International Airport',
	hubCity: 'in Hong Kong.',
	hub: 'HKG',
};
const SLOT = '\u0000';

/** The template card cut into literal parts and slot names (odd indices), and the template's `data-gs`. */
function templateParts(card: string): {parts: string[]; gs: string; timeSep: string} {
	const gs = /data-gs="([^"]+)"/.exec(card)?.[1];
	const timeSep = new RegExp(`${TEMPLATE.departs}(\\s|\\u202f)AM`).exec(card)?.[1];
	if (!gs || !timeSep) throw new Error('bench page: the template card has no data-gs or no departure time');
	const slot = (name: string) => `${SLOT}${name}${SLOT}`;
	let t = card;
	const swap = (from: string, name: string, expect?: number) => {
		const n = t.split(from).length - 1;
		if (n === 0 || (expect !== undefined && n !== expect))
			throw new Error(`bench page: "${from}" found ${n} times in the template card`);
		t = t.replaceAll(from, slot(name));
	};
	// Most specific first: the segment data and data-gs hold codes and flight numbers that later swaps also match.
	swap(`itinerary=${TEMPLATE.trip}`, 'trip', 3);
	swap(`data-gs="${gs}"`, 'gs', 3);
	swap(TEMPLATE.id, 'id');
	swap(TEMPLATE.describedBy, 'describedBy');
	swap(`${TEMPLATE.departs}${timeSep}AM`, 'departs');
	swap(`${TEMPLATE.arrives}${timeSep}PM`, 'arrives');
	swap(TEMPLATE.arrivalDay, 'arrivalDay');
	swap(TEMPLATE.arrivalDayShort, 'arrivalDayShort');
	swap(TEMPLATE.plusDays, 'plusDays');
	swap(TEMPLATE.duration, 'duration');
	swap(TEMPLATE.layover, 'layover');
	swap(TEMPLATE.hubName, 'hubName');
	swap(TEMPLATE.hubCity, 'hubCity');
	swap(TEMPLATE.hub, 'hub');
	swap(TEMPLATE.airline, 'airline');
	swap(TEMPLATE.logo, 'logo');
	swap(TEMPLATE.price, 'price');
	for (const left of ['HKG', 'Hong Kong', 'CX851', 'CX-', '/CX.', 'Cathay', '12:05', '1:40', 'August 21', 'Aug 21', '542']) {
		if (t.includes(left)) throw new Error(`bench page: "${left}" is left in the template card`);
	}
	return {parts: t.split(SLOT), gs, timeSep};
}

/** `data-gs` with the template's flight numbers replaced (same length: two-letter carrier, three digits). */
function dataGs(gs: string, flights: string): string {
	const bytes = Buffer.from(gs, 'base64').toString('latin1');
	if (!bytes.includes(TEMPLATE.flights) || flights.length !== TEMPLATE.flights.length)
		throw new Error('bench page: data-gs not understood');
	return Buffer.from(bytes.replace(TEMPLATE.flights, flights), 'latin1').toString('base64');
}

export function buildBenchPage(root: string, options: BenchPageOptions): BenchPage {
	const capture = fs.readFileSync(path.join(root, BENCH_FIXTURE), 'utf8');
	const cardRe = /<li class="pIav2d"(?:(?!<li class="pIav2d").)*?<\/li>(?=<li class="pIav2d"|<\/ul>)/gs;
	const card = [...capture.matchAll(cardRe)].map((m) => m[0]).find((c) => c.includes(TEMPLATE.trip));
	if (!card) throw new Error(`bench page: the CX851 card is missing from ${BENCH_FIXTURE}`);
	const {parts, gs, timeSep} = templateParts(card);
	const shell = capture.replace(cardRe, '');
	if ((shell.match(/<ul class="Rk10dc">/g) ?? []).length < 2) throw new Error('bench page: the capture has no "Other flights" list');
	const ds1 = /<script class="ds:1"[^>]*>.*?<\/script>/s.exec(shell)?.[0] ?? '';

	// Seeded, so every run serves the same page.
	const rand = seededRandom(options.seed ?? 20250820);
	const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
	const china = HUBS.filter((h) => CHINA_HUBS.includes(h.code));
	const elsewhere = HUBS.filter((h) => !CHINA_HUBS.includes(h.code));
	const usedFlights = new Set<string>();
	const itineraries: BenchItinerary[] = [];
	const values: Record<string, string>[] = [];
	for (let i = 0; i < options.cards; i++) {
		const hub = rand() < 0.2 ? pick(china) : pick(elsewhere);
		let flights: [string, string];
		do {
			const n = 100 + Math.floor(rand() * 800);
			flights = [`${hub.carrier}${n}`, `${hub.carrier}${n + 1 + Math.floor(rand() * 99)}`];
			// Never a pair the page's embedded data holds: the card must read as itself, not as an itinerary of ds:1.
		} while (
			usedFlights.has(flights.join('|')) ||
			flights.some((f) => ds1.includes(`"${f.slice(0, 2)}","${f.slice(2)}"`)) ||
			flights[1].length !== 5
		);
		usedFlights.add(flights.join('|'));
		const layoverMinutes = 55 + 5 * Math.floor(rand() * 110);
		const departLocal = 5 * Math.floor(rand() * 288); // minutes after midnight in San Francisco
		const depart = DEPARTURE_DAY / 60_000 + departLocal - SFO_UTC * 60; // UTC minutes
		const atHub = depart + hub.legs[0];
		const leaveHub = atHub + layoverMinutes;
		const arrive = leaveHub + hub.legs[1];
		const arrivesLocal = local(arrive, NRT_UTC);
		const departsLocal = local(depart, SFO_UTC);
		const days = dayIndex(arrivesLocal) - dayIndex(departsLocal);
		const trip = `SFO-${hub.code}-${hub.carrier}-${flights[0].slice(2)}-${ymd(departsLocal)},${hub.code}-NRT-${hub.carrier}-${flights[1].slice(2)}-${ymd(local(leaveHub, hub.utc))}`;
		itineraries.push({
			china: CHINA_HUBS.includes(hub.code),
			hub: hub.code,
			flights,
			departs: clock12(departsLocal, ' '),
			layoverMinutes,
		});
		values.push({
			trip: `itinerary=${trip}`,
			gs: `data-gs="${dataGs(gs, flights.join('|'))}"`,
			id: `b${i.toString(36).padStart(5, '0')}`,
			describedBy: `bench${i}x`,
			departs: clock12(departsLocal, timeSep),
			arrives: clock12(arrivesLocal, timeSep),
			arrivalDay: longDate(arrivesLocal),
			arrivalDayShort: shortDate(arrivesLocal),
			plusDays: days > 0 ? `<span class="bOzv6">+${days}</span>` : '',
			duration: duration(arrive - depart),
			layover: duration(layoverMinutes),
			hubName: hub.name,
			hubCity: `in ${hub.city}.`,
			hub: hub.code,
			airline: hub.airline,
			logo: `/${hub.carrier}.png`,
			price: String(380 + Math.floor(rand() * 1200)),
		});
	}
	// What the page's script does for card i; the same join, so Node checks the markup the browser renders.
	const fill = (v: Record<string, string>) => parts.map((p, k) => (k % 2 ? v[p]! : p)).join('');
	const data = JSON.stringify({parts, values, china: itineraries.map((t) => (t.china ? 1 : 0))}).replaceAll('</', '<\\/');
	const script = `<script>${pageScript(options)}(${data});</script>`;
	return {html: shell.replace('</body>', `${script}</body>`), itineraries, cardHtml: (i) => fill(values[i]!)};
}

/** The page's own script: renders the cards in batches and records what the bench reads (see the header). */
function pageScript({batch, everyMs, firstMs}: BenchPageOptions): string {
	return `((data) => {
	const B = (window.__bench ??= {frame: 0, frameStart: []});
	const {parts, values, china} = data;
	const n = values.length;
	const list = document.querySelectorAll('ul.Rk10dc')[1];
	const fill = (v) => parts.map((p, k) => (k % 2 ? v[p] : p)).join('');
	const cards = (B.cards = {
		china,
		insertTime: new Array(n).fill(-1),
		paintFrame: new Array(n).fill(-1),
		paintTime: new Array(n).fill(-1),
		zoneFrame: new Array(n).fill(-1),
		zoneTime: new Array(n).fill(-1),
		badgeFrame: new Array(n).fill(-1),
		badgeTime: new Array(n).fill(-1),
		added: new Array(n).fill(0),
	});
	B.inserted = 0;
	B.longTasks = [];
	try {
		new PerformanceObserver((l) => { for (const e of l.getEntries()) B.longTasks.push(e.duration); }).observe({type: 'longtask', buffered: true});
	} catch {}
	const index = new Map();
	const badgeOf = new Map();
	// The frame an IntersectionObserver entry was computed in: the last frame whose rAF ran before it.
	const frameAt = (t) => {
		let lo = 0, hi = B.frameStart.length - 1, f = 0;
		while (lo <= hi) { const mid = (lo + hi) >> 1; if (B.frameStart[mid] <= t) { f = mid + 1; lo = mid + 1; } else hi = mid - 1; }
		return f;
	};
	const ro = new ResizeObserver((entries) => {
		const now = performance.now();
		for (const e of entries) {
			const el = e.target;
			const i = index.get(el);
			if (i !== undefined) {
				if (cards.paintFrame[i] < 0) { cards.paintFrame[i] = B.frame; cards.paintTime[i] = now; }
				ro.unobserve(el);
				continue;
			}
			const j = badgeOf.get(el);
			if (j === undefined || !el.isConnected) continue;
			if (cards.badgeFrame[j] < 0) { cards.badgeFrame[j] = B.frame; cards.badgeTime[j] = now; }
			ro.unobserve(el);
		}
	});
	const io = new IntersectionObserver((entries) => {
		for (const e of entries) {
			if (!e.isIntersecting) continue;
			const i = index.get(e.target);
			if (i === undefined || cards.zoneFrame[i] >= 0) continue;
			cards.zoneFrame[i] = frameAt(e.time);
			cards.zoneTime[i] = e.time;
			io.unobserve(e.target);
		}
	}, {rootMargin: '100% 0px 100% 0px'});
	new MutationObserver((records) => {
		for (const r of records) {
			if (r.target === list || r.addedNodes.length === 0) continue;
			let card = r.target;
			while (card && card.parentElement !== list) card = card.parentElement;
			const i = card ? index.get(card) : undefined;
			if (i === undefined) continue;
			for (const node of r.addedNodes) {
				if (node.nodeType !== 1) continue;
				cards.added[i]++;
				badgeOf.set(node, i);
				ro.observe(node);
			}
		}
	}).observe(list, {childList: true, subtree: true});
	let next = 0;
	const tpl = document.createElement('template');
	function insert() {
		const end = Math.min(n, next + ${batch});
		let html = '';
		for (let i = next; i < end; i++) html += fill(values[i]);
		tpl.innerHTML = html;
		const added = [...tpl.content.children];
		list.append(tpl.content);
		const now = performance.now();
		added.forEach((li, k) => {
			const i = next + k;
			index.set(li, i);
			cards.insertTime[i] = now;
			ro.observe(li);
			io.observe(li);
		});
		next = end;
		B.inserted = next;
		if (next < n) setTimeout(insert, ${everyMs});
		// Results complete: the site takes its loading indicators away (the capture was saved while they ran).
		else for (const bar of document.querySelectorAll('[role="progressbar"]')) bar.style.display = 'none';
	}
	setTimeout(insert, ${firstMs});
})`;
}
