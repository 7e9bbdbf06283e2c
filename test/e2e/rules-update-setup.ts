/**
 * What the end-to-end tests of signed rules updates share (Chromium: rules-updates.spec.ts; Firefox:
 * test/firefox/extension.test.ts): the local update server the `--mode e2e` build points at (wxt.config.ts
 * E2E_RULES_URL), the signed files it serves, and an agent page whose one itinerary the update's two changes decide.
 */
import fs from 'node:fs';
import http from 'node:http';
import {E2E_RULES_PORT} from '../../scripts/e2e-constants';
import {privateKeyFrom, signedUpdateFor} from '../../scripts/rules-signing';

const KEY = JSON.parse(fs.readFileSync('test/fixtures/rules/e2e-signing-key.json', 'utf8')) as {id: string; privateKeyPem: string};
const BUNDLED = JSON.parse(fs.readFileSync('data/transit-rules.json', 'utf8')) as Record<string, unknown> & {
	rulesVersion: string;
	transit240Ports: {id: string}[];
	visaFree: {country: string; until?: string}[];
};

/** The airport the update makes a 240-hour port: Changzhou (Jiangsu, a whole permitted province), not a port today. */
export const ADDED_PORT = 'CZX';
/** The nationality whose visa-free end date the update moves (2026-12-31 in the bundled rules). */
export const MOVED_COUNTRY = 'FR';
export const BUNDLED_END = '2026-12-31';

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The trip's first day: two months from today, so always after the bundled end date (2026-12-31) and before the moved one. */
export function tripStart(today = new Date()): Date {
	return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 60));
}

/**
 * The rules of the update: the bundled rules, a newer version, Changzhou as a 240-hour port (since today), and
 * France's visa-free entry extended to the end of the year after the trip. Test data only: these are not facts.
 */
export function updatedRules(today = new Date()): Record<string, unknown> {
	const rules = structuredClone(BUNDLED);
	rules.rulesVersion = '2099.01.01';
	rules.reviewedAt = iso(today);
	rules.transit240Ports = [
		...rules.transit240Ports,
		{
			id: ADDED_PORT,
			name: 'Changzhou Benniu International Airport',
			nameZh: '常州奔牛国际机场口岸',
			type: 'airport',
			iata: ADDED_PORT,
			province: '320000',
			city: 'Changzhou',
			since: iso(today),
			sources: ['S7'],
		},
	].sort((a, b) => (a.id < b.id ? -1 : 1));
	const until = `${tripStart(today).getUTCFullYear() + 1}-12-31`;
	rules.visaFree = rules.visaFree.map((v) => (v.country === MOVED_COUNTRY && v.until === BUNDLED_END ? {...v, until} : v));
	return rules;
}

/** The published file for `rules`, signed with the test key the e2e build trusts. */
export function signedFile(rules: Record<string, unknown>): string {
	return signedUpdateFor(rules as {rulesVersion: string; reviewedAt: string}, privateKeyFrom(KEY.privateKeyPem), KEY.id, {
		minExtensionVersion: '0.1.0',
		publishedAt: iso(new Date()),
	});
}

/** The same file with one character of the signed bundle changed (a port's name): the signature no longer matches. */
export function tamperedFile(rules: Record<string, unknown>): string {
	const file = JSON.parse(signedFile(rules)) as {bundle: string};
	file.bundle = file.bundle.replace('Changzhou Benniu', 'Changzhou Bennia');
	return JSON.stringify(file);
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const gdsDate = (d: Date) => `${String(d.getUTCDate()).padStart(2, '0')}${MONTHS[d.getUTCMonth()]} ${d.getUTCDay() || 7}`;
const plus = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);

/**
 * The saved agent workspace (test/fixtures/agent/pnr-workspace-composite.html) with its current PNR replaced: JFK →
 * Changzhou → Tokyo, 26 h 30 at Changzhou (too long for 24-hour transit), two months from today. With a US passport
 * only a 240-hour port there makes it visa-free; with a French one, visa-free entry past 2026-12-31.
 */
export function agentPage(html: string, today = new Date()): string {
	const d = tripStart(today);
	const pnr = [
		` 1 MU 588Y ${gdsDate(d)} JFK${ADDED_PORT} HK1  1300  1600  ${gdsDate(plus(d, 1))}`,
		` 2 MU 523Y ${gdsDate(plus(d, 2))} ${ADDED_PORT}NRT HK1  1830  2245`,
	].join('\n');
	const out = html.replace(
		/<section><h2>Current PNR<\/h2><pre>[^<]*<\/pre><\/section>/,
		`<section><h2>Current PNR</h2><pre>${pnr}</pre></section>`,
	);
	if (out === html) throw new Error('the agent page has no current PNR to replace');
	return out;
}

export type ServedRequest = {method: string; url: string; headers: http.IncomingHttpHeaders};

/** The update host: serves `body` (404 while it is undefined) and records every request. */
export async function startRulesServer(): Promise<{
	serve: (body: string | undefined) => void;
	requests: ServedRequest[];
	close: () => Promise<void>;
}> {
	let body: string | undefined;
	const requests: ServedRequest[] = [];
	const server = http.createServer((req, res) => {
		requests.push({method: req.method ?? '', url: req.url ?? '', headers: req.headers});
		if (req.url === '/rules-update.json' && body !== undefined) {
			res.writeHead(200, {'content-type': 'application/json'});
			res.end(body);
		} else {
			res.writeHead(404);
			res.end();
		}
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(E2E_RULES_PORT, '127.0.0.1', resolve);
	});
	return {
		serve: (next) => (body = next),
		requests,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
