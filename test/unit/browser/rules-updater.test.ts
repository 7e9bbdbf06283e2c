/**
 * The background's rules updates (lib/browser/rules-updater.ts) with in-memory storage, a fake network and a clock:
 * when it asks, what it keeps, and that nothing but a verified newer update ever replaces the rules in use. Then the
 * background's 'rules-update-check' message (lib/browser/background-handler.ts).
 */
import {beforeEach, describe, expect, it, vi} from 'vitest';
import {createBackgroundHandler, type BackgroundDeps, type Sender} from '../../../lib/browser/background-handler';
import {CHECK_INTERVAL_MS, createRulesUpdater, type UpdaterDeps} from '../../../lib/browser/rules-updater';
import {compactRulesInUse} from '../../../lib/rules/compact-bundled';
import {validateRulesUpdate} from '../../../lib/rules/load-rules';
import {bundledRules, ruleSetInUse} from '../../../lib/rules/rule-set';
import {MAX_UPDATE_BYTES, type TrustedKey} from '../../../lib/rules/signed-update';
import {RULES_UPDATE_ITEMS, type StoredCompact, type StoredUpdate, type UpdateStatus} from '../../../lib/rules/update-state';
import {generateKeyPair, privateKeyFrom, signedUpdateFor} from '../../../scripts/rules-signing';
import {ADDED_PORT, BUNDLED_RULES_VERSION, bundledRulesCopy, rulesWithAddedPort} from '../rules/rules-update-data';

const UPDATE_URL = 'https://rules.example.test/rules-update.json';
const KEY_ID = 'test-updater-key';
const pair = generateKeyPair();
const key = privateKeyFrom(pair.privatePem);
const KEYS: TrustedKey[] = [{id: KEY_ID, publicKey: pair.publicKey, added: '2026-12-01'}];
const HOUR = 60 * 60 * 1000;

const signed = (rules: {rulesVersion: string; reviewedAt: string}) =>
	signedUpdateFor(rules, key, KEY_ID, {minExtensionVersion: '0.1.0', publishedAt: '2026-12-05'});
const V1 = '2026.12.05';
const V2 = '2026.12.19';
const FILE_V1 = signed(rulesWithAddedPort(V1).rules);
const FILE_V2 = signed(rulesWithAddedPort(V2).rules);
/** FILE_V2 with one character of its signed bundle changed. */
const TAMPERED = (() => {
	const file = JSON.parse(FILE_V2) as {bundle: string};
	if (!file.bundle.includes('"Nantong"')) throw new Error('the test dataset changed');
	file.bundle = file.bundle.replace('"Nantong"', '"Nantonh"');
	return JSON.stringify(file);
})();

type Response = {status: number; text: string};

function fakeBackground() {
	const items = new Map<string, unknown>();
	let clock = Date.UTC(2026, 11, 6, 9);
	let respond: () => Promise<Response> = async () => ({status: 200, text: FILE_V1});
	const flags = {enabled: true, permitted: true};
	const storage = {
		get: vi.fn(async (keys: string[]) =>
			Object.fromEntries(keys.filter((k) => items.has(k)).map((k) => [k, structuredClone(items.get(k))])),
		),
		set: vi.fn(async (values: Record<string, unknown>) => {
			for (const [k, v] of Object.entries(values)) items.set(k, structuredClone(v));
		}),
		remove: vi.fn(async (keys: string[]) => {
			for (const k of keys) items.delete(k);
		}),
	};
	const deps = {
		url: UPDATE_URL,
		keys: KEYS,
		extensionVersion: '0.1.0',
		bundled: bundledRules(),
		storage,
		fetchText: vi.fn((_url: string, _maxBytes: number) => respond()),
		enabled: vi.fn(async () => flags.enabled),
		permitted: vi.fn(async () => flags.permitted),
		validate: validateRulesUpdate,
		now: () => clock,
	} satisfies UpdaterDeps;
	return {
		deps,
		items,
		flags,
		updater: createRulesUpdater(deps),
		advance: (ms: number) => (clock += ms),
		now: () => clock,
		serve: (r: Response | (() => Promise<Response>)) => (respond = typeof r === 'function' ? r : async () => r),
		update: () => items.get(RULES_UPDATE_ITEMS.update) as StoredUpdate | undefined,
		compact: () => items.get(RULES_UPDATE_ITEMS.compact) as StoredCompact | undefined,
		status: () => items.get(RULES_UPDATE_ITEMS.status) as UpdateStatus | undefined,
	};
}

/** A promise and its resolve, to hold a request open. */
function deferred<T>() {
	let resolve!: (value: T) => void;
	const promise = new Promise<T>((r) => (resolve = r));
	return {promise, resolve};
}

let b: ReturnType<typeof fakeBackground>;
beforeEach(() => {
	b = fakeBackground();
});

describe('when the updater asks', () => {
	it('never while updates are switched off', async () => {
		b.flags.enabled = false;
		expect(await b.updater.checkIfDue()).toBeUndefined();
		b.advance(10 * CHECK_INTERVAL_MS);
		expect(await b.updater.checkIfDue()).toBeUndefined();
		expect(b.deps.fetchText).not.toHaveBeenCalled();
		expect(b.deps.storage.set).not.toHaveBeenCalled();
	});

	it('never while the update host is not permitted, even when asked now', async () => {
		b.flags.permitted = false;
		expect(await b.updater.checkIfDue()).toBeUndefined();
		expect(await b.updater.checkNow()).toMatchObject({outcome: 'failed', problem: 'permission'});
		b.flags.permitted = true;
		b.flags.enabled = false;
		expect(await b.updater.checkNow()).toMatchObject({outcome: 'failed', problem: 'permission'});
		expect(b.deps.fetchText).not.toHaveBeenCalled();
		expect(b.update()).toBeUndefined();
		// Asked while off: nothing stored, not even a status (switching off leaves no trace of the update host).
		expect(b.deps.storage.set).not.toHaveBeenCalled();
	});

	it('the first time: one request for the update URL, and the update, its compact rules and the status kept', async () => {
		const status = await b.updater.checkIfDue();
		expect(status).toEqual({checkedAt: b.now(), outcome: 'updated'});
		expect(b.deps.fetchText).toHaveBeenCalledTimes(1);
		expect(b.deps.fetchText).toHaveBeenCalledWith(UPDATE_URL, MAX_UPDATE_BYTES);
		expect([...b.items.keys()].sort()).toEqual(Object.values(RULES_UPDATE_ITEMS).sort());
		expect(b.status()).toEqual(status);
		expect(b.update()).toMatchObject({format: 1, rulesVersion: V1, reviewedAt: '2026-12-05', keyId: KEY_ID, fetchedAt: b.now()});
		expect(b.update()!.rules.transit240Ports.some((p) => p.id === ADDED_PORT)).toBe(true);
		expect(b.compact()).toMatchObject({format: 1, rulesVersion: V1});
		expect(b.compact()!.rules.transit240Ports.some((p) => p.iata === ADDED_PORT)).toBe(true);
		// The compact part carries no names: it is what every results page reads.
		expect(JSON.stringify(b.compact())).not.toContain('Nantong');
		// What each context then judges with.
		expect(ruleSetInUse(b.update()).portsByIata.has(ADDED_PORT)).toBe(true);
		expect(compactRulesInUse(b.compact()).portsByIata.has(ADDED_PORT)).toBe(true);
		expect(bundledRules().portsByIata.has(ADDED_PORT)).toBe(false);
	});

	it('once a day: not again within 24 hours, then again, and the same version again is "current"', async () => {
		await b.updater.checkIfDue();
		const first = b.update();
		const firstAt = b.now();
		b.advance(CHECK_INTERVAL_MS - 1);
		expect(await b.updater.checkIfDue()).toBeUndefined();
		expect(b.deps.fetchText).toHaveBeenCalledTimes(1);
		b.advance(1);
		expect(await b.updater.checkIfDue()).toEqual({checkedAt: firstAt + CHECK_INTERVAL_MS, outcome: 'current'});
		expect(b.deps.fetchText).toHaveBeenCalledTimes(2);
		expect(b.update()).toEqual(first);
		expect(b.update()!.fetchedAt).toBe(firstAt);
		expect(b.status()).toEqual({checkedAt: firstAt + CHECK_INTERVAL_MS, outcome: 'current'});
	});

	it('again when the clock was set back before the last check', async () => {
		await b.updater.checkIfDue();
		b.advance(-HOUR);
		expect(await b.updater.checkIfDue()).toMatchObject({outcome: 'current'});
		expect(b.deps.fetchText).toHaveBeenCalledTimes(2);
	});

	it('a newer update replaces the stored one', async () => {
		await b.updater.checkIfDue();
		b.serve({status: 200, text: FILE_V2});
		b.advance(CHECK_INTERVAL_MS);
		expect(await b.updater.checkIfDue()).toMatchObject({outcome: 'updated'});
		expect(b.update()).toMatchObject({rulesVersion: V2, fetchedAt: b.now()});
		expect(b.compact()?.rulesVersion).toBe(V2);
	});

	it('only one request for two checks at once', async () => {
		const held = deferred<Response>();
		b.serve(() => held.promise);
		const one = b.updater.checkNow();
		const two = b.updater.checkNow();
		const due = b.updater.checkIfDue();
		held.resolve({status: 200, text: FILE_V1});
		const statuses = await Promise.all([one, two, due]);
		expect(b.deps.fetchText).toHaveBeenCalledTimes(1);
		for (const s of statuses) expect(s).toEqual({checkedAt: b.now(), outcome: 'updated'});
		// Once it ended, the next ask asks again.
		expect(await b.updater.checkNow()).toMatchObject({outcome: 'current'});
		expect(b.deps.fetchText).toHaveBeenCalledTimes(2);
	});
});

describe('what a failed check leaves', () => {
	beforeEach(async () => {
		await b.updater.checkIfDue();
		expect(b.update()?.rulesVersion).toBe(V1);
		b.advance(HOUR);
	});

	const keepsTheUpdate = (before: {update?: StoredUpdate; compact?: StoredCompact}) => {
		expect(b.update()).toEqual(before.update);
		expect(b.compact()).toEqual(before.compact);
	};

	it('a tampered file: failed, bad signature, and the stored update as it was', async () => {
		const before = {update: b.update(), compact: b.compact()};
		b.serve({status: 200, text: TAMPERED});
		expect(await b.updater.checkNow()).toEqual({checkedAt: b.now(), outcome: 'failed', problem: 'bad-signature'});
		expect(b.status()).toEqual({checkedAt: b.now(), outcome: 'failed', problem: 'bad-signature'});
		keepsTheUpdate(before);
	});

	it('an HTTP error: failed, http, with its status', async () => {
		const before = {update: b.update(), compact: b.compact()};
		b.serve({status: 404, text: 'Not Found'});
		expect(await b.updater.checkNow()).toEqual({checkedAt: b.now(), outcome: 'failed', problem: 'http', detail: 'HTTP 404'});
		keepsTheUpdate(before);
	});

	it('a network failure: failed, network', async () => {
		const before = {update: b.update(), compact: b.compact()};
		b.serve(() => Promise.reject(new TypeError('Failed to fetch')));
		expect(await b.updater.checkNow()).toEqual({checkedAt: b.now(), outcome: 'failed', problem: 'network', detail: 'Failed to fetch'});
		expect(b.status()).toMatchObject({outcome: 'failed', problem: 'network'});
		keepsTheUpdate(before);
	});

	it('a dataset that fails the checks: failed with its problem', async () => {
		const before = {update: b.update(), compact: b.compact()};
		const broken = rulesWithAddedPort(V2).rules;
		broken.transit240Ports.find((p) => p.id === ADDED_PORT)!.sources = ['S999'];
		b.serve({status: 200, text: signed(broken)});
		expect(await b.updater.checkNow()).toMatchObject({outcome: 'failed', problem: 'inconsistent'});
		keepsTheUpdate(before);
	});

	it('updates switched off while the request ran: nothing kept', async () => {
		const before = {update: b.update(), compact: b.compact()};
		const held = deferred<Response>();
		b.serve(() => held.promise);
		const check = b.updater.checkNow();
		await vi.waitFor(() => expect(b.deps.fetchText).toHaveBeenCalledTimes(2), {timeout: 5000});
		b.flags.enabled = false;
		held.resolve({status: 200, text: FILE_V2});
		expect(await check).toMatchObject({outcome: 'failed', problem: 'permission'});
		keepsTheUpdate(before);
	});
});

describe('forget and tidy', () => {
	it('forget: no update, compact rules or status left', async () => {
		await b.updater.checkIfDue();
		b.items.set('settings', {rulesUpdates: false});
		expect(b.items.size).toBe(4);
		await b.updater.forget();
		expect([...b.items.keys()]).toEqual(['settings']);
	});

	it('forget during a check: waits for it, so nothing it fetched is stored after', async () => {
		const held = deferred<Response>();
		b.serve(() => held.promise);
		const check = b.updater.checkNow();
		await vi.waitFor(() => expect(b.deps.fetchText).toHaveBeenCalledTimes(1), {timeout: 5000});
		const forgot = b.updater.forget();
		held.resolve({status: 200, text: FILE_V1});
		await Promise.all([check, forgot]);
		expect(b.items.size).toBe(0);
	});

	it('tidy: removes a stored update the bundled rules caught up with, and keeps a newer one', async () => {
		await b.updater.checkIfDue();
		const kept = {update: b.update(), compact: b.compact()};
		await b.updater.tidy();
		expect({update: b.update(), compact: b.compact()}).toEqual(kept);

		for (const version of [BUNDLED_RULES_VERSION, '2026.01.01']) {
			const old = bundledRulesCopy(version);
			b.items.set(RULES_UPDATE_ITEMS.update, {...kept.update, rulesVersion: version, rules: old});
			b.items.set(RULES_UPDATE_ITEMS.compact, {...kept.compact, rulesVersion: version});
			await b.updater.tidy();
			expect(b.update()).toBeUndefined();
			expect(b.compact()).toBeUndefined();
			expect(b.status()).toMatchObject({outcome: 'updated'});
		}
	});
});

describe("the background's rules-update-check message", () => {
	const ID = 'abcdefghijklmnopabcdefghijklmnop';
	const ROOT = `chrome-extension://${ID}/`;
	const optionsPage: Sender = {id: ID, url: `${ROOT}options.html`, tab: {id: 3}};
	const popup: Sender = {id: ID, url: `${ROOT}popup.html`};
	const contentScript: Sender = {id: ID, url: 'https://www.google.com/travel/flights', tab: {id: 7}};
	const STATUS: UpdateStatus = {checkedAt: 1_000, outcome: 'current'};

	function handler(checkRules?: () => Promise<UpdateStatus>) {
		const unused = () => {
			throw new Error('not used by this message');
		};
		const deps: BackgroundDeps = {
			runtimeId: ID,
			extensionRoot: ROOT,
			tabs: {create: unused, update: unused, get: unused},
			session: {get: unused, set: unused, remove: unused},
			openOptionsPage: unused,
			tellFrame: unused,
			showVerdict: unused,
			syncUserSites: unused,
			now: () => 0,
			randomKey: () => 'key',
			explain: unused,
			compactText: unused,
			airportCodes: unused,
			airportZones: unused,
			...(checkRules ? {checkRules} : {}),
		};
		return createBackgroundHandler(deps);
	}

	it('from an extension page: runs the check and answers with its status', async () => {
		const checkRules = vi.fn(async () => STATUS);
		const handle = handler(checkRules);
		expect(await handle({type: 'rules-update-check'}, optionsPage)).toEqual({ok: true, status: STATUS});
		expect(await handle({type: 'rules-update-check'}, popup)).toEqual({ok: true, status: STATUS});
		expect(checkRules).toHaveBeenCalledTimes(2);
	});

	it('from a content script, another extension or with a payload: refused, and nothing checked', async () => {
		const checkRules = vi.fn(async () => STATUS);
		const handle = handler(checkRules);
		expect(await handle({type: 'rules-update-check'}, contentScript)).toEqual({ok: false, reason: 'forbidden'});
		expect(await handle({type: 'rules-update-check'}, {id: ID, tab: {id: 7}})).toEqual({ok: false, reason: 'forbidden'});
		expect(await handle({type: 'rules-update-check'}, {...optionsPage, id: 'otherextensionidotherextensionid'})).toEqual({
			ok: false,
			reason: 'forbidden',
		});
		expect(await handle({type: 'rules-update-check', url: 'https://evil.example/'}, optionsPage)).toEqual({
			ok: false,
			reason: 'invalid',
		});
		expect(checkRules).not.toHaveBeenCalled();
	});

	it('in a build without an update URL (no checkRules): forbidden', async () => {
		expect(await handler()({type: 'rules-update-check'}, optionsPage)).toEqual({ok: false, reason: 'forbidden'});
	});

	it('a check that throws: failed', async () => {
		const handle = handler(() => Promise.reject(new Error('storage is gone')));
		expect(await handle({type: 'rules-update-check'}, optionsPage)).toEqual({ok: false, reason: 'failed'});
	});
});
