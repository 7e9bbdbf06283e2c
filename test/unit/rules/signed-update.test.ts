/**
 * Signed rules updates (lib/rules/signed-update.ts): a file signed as `npm run rules:publish` signs it is taken, and
 * anything else is refused with its reason, in the documented order; then which rules each context uses once an
 * update is stored (lib/rules/update-state.ts, ruleSetInUse, compactRulesInUse).
 */
import {afterEach, describe, expect, it, vi} from 'vitest';
import compactJson from '../../../data/compact-rules.json';
import {compactDataset, type CompactDataset} from '../../../lib/rules/compact';
import {compactRules, compactRulesInUse} from '../../../lib/rules/compact-bundled';
import {validateRulesUpdate} from '../../../lib/rules/load-rules';
import {bundledRules, ruleSetInUse, type RuleSet} from '../../../lib/rules/rule-set';
import {
	BUNDLE_FORMAT,
	compareVersions,
	fromBase64,
	MAX_UPDATE_BYTES,
	signedFileText,
	toBase64,
	verifyUpdate,
	type TrustedKey,
	type Verified,
	type VerifyContext,
} from '../../../lib/rules/signed-update';
import {compactInUse, readStatus, storedUpdateNewerThan, type StoredCompact, type StoredUpdate} from '../../../lib/rules/update-state';
import {generateKeyPair, privateKeyFrom, sign, signedUpdateFor} from '../../../scripts/rules-signing';
import {
	airportPort,
	BUNDLED_RULES_VERSION,
	bundledRulesCopy,
	byId,
	rulesWithAddedPort,
	rulesWithExtendedVisaFree,
} from './rules-update-data';

const KEY_ID = 'test-signing-key';
const pair = generateKeyPair();
const key = privateKeyFrom(pair.privatePem);
const TRUSTED: TrustedKey = {id: KEY_ID, publicKey: pair.publicKey, added: '2026-12-01'};
const other = generateKeyPair();

const NEW_VERSION = '2026.12.05';
const context: VerifyContext<RuleSet> = {
	keys: [TRUSTED],
	inUseVersion: BUNDLED_RULES_VERSION,
	extensionVersion: '0.1.0',
	validate: validateRulesUpdate,
};
const OPTIONS = {minExtensionVersion: '0.1.0', publishedAt: '2026-12-05'};

/** A published file for `rules` (rulesWithAddedPort by default), signed with the test key. */
function published(rules: {rulesVersion: string; reviewedAt: string} = rulesWithAddedPort(NEW_VERSION).rules, options = {}): string {
	return signedUpdateFor(rules, key, KEY_ID, {...OPTIONS, ...options});
}
const GOOD = published();

/** The file's fields, changed by `change`, written back as the publisher writes them. */
function edited(text: string, change: (file: {keyId: string; signature: string; bundle: string}) => void): string {
	const file = JSON.parse(text) as {keyId: string; signature: string; bundle: string};
	change(file);
	return `${JSON.stringify(file, null, '\t')}\n`;
}

/** Refused for `problem`, and nothing of the update comes back with the refusal. */
function expectRefused(result: Verified, problem: string): void {
	expect(result.ok ? 'accepted' : result.problem, result.ok ? '' : result.detail).toBe(problem);
	expect(
		Object.keys(result).every((k) => ['ok', 'problem', 'detail'].includes(k)),
		Object.keys(result).join(),
	).toBe(true);
}

afterEach(() => vi.restoreAllMocks());

describe('verifyUpdate', () => {
	it('accepts a file signed with a trusted key: the bundle, the key and the rule set made from its dataset', async () => {
		const result = await verifyUpdate(GOOD, context);
		if (!result.ok) throw new Error(`refused: ${result.problem} ${result.detail}`);
		expect(result.keyId).toBe(KEY_ID);
		expect(result.bundle).toMatchObject({
			format: BUNDLE_FORMAT,
			rulesVersion: NEW_VERSION,
			reviewedAt: '2026-12-05',
			minExtensionVersion: '0.1.0',
			publishedAt: '2026-12-05',
		});
		expect(result.ruleSet.data.rulesVersion).toBe(NEW_VERSION);
		expect(result.ruleSet.portsByIata.get('NTG')).toMatchObject({province: '320000', since: '2026-12-01'});
		expect(bundledRules().portsByIata.has('NTG')).toBe(false);
	});

	it('accepts an update that extends visa-free regimes', async () => {
		const {rules, countries, until} = rulesWithExtendedVisaFree(NEW_VERSION);
		const result = await verifyUpdate(published(rules), context);
		if (!result.ok) throw new Error(`refused: ${result.problem} ${result.detail}`);
		expect(countries).toContain('FR');
		expect(result.ruleSet.visaFreeByCountry.get('FR')?.at(-1)?.until).toBe(until);
		expect(bundledRules().visaFreeByCountry.get('FR')?.at(-1)?.until).not.toBe(until);
	});

	it('accepts a file that starts with a byte-order mark', async () => {
		expect((await verifyUpdate(`\uFEFF${GOOD}`, context)).ok).toBe(true);
	});

	it('refuses a bundle changed after signing, even by one character', async () => {
		const changed = edited(GOOD, (f) => {
			expect(f.bundle).toContain('"Nantong"');
			f.bundle = f.bundle.replace('"Nantong"', '"Nantonh"');
		});
		expect(() => JSON.parse(changed) as unknown).not.toThrow();
		expectRefused(await verifyUpdate(changed, context), 'bad-signature');
		const later = edited(GOOD, (f) => (f.bundle = f.bundle.replaceAll(NEW_VERSION, '2026.12.06')));
		expectRefused(await verifyUpdate(later, context), 'bad-signature');
	});

	it('refuses a signature with one bit flipped', async () => {
		const flipped = edited(GOOD, (f) => {
			const bytes = fromBase64(f.signature)!;
			expect(bytes).toHaveLength(64);
			bytes[10] = bytes[10]! ^ 1;
			f.signature = toBase64(bytes);
		});
		expectRefused(await verifyUpdate(flipped, context), 'bad-signature');
	});

	it('refuses a signature that is not 64 bytes of base64', async () => {
		for (const signature of ['', 'not base64!', toBase64(new Uint8Array(63)), toBase64(new Uint8Array(65))]) {
			expectRefused(
				await verifyUpdate(
					edited(GOOD, (f) => (f.signature = signature)),
					context,
				),
				'bad-signature',
			);
		}
	});

	it('refuses a key id it does not ship, before looking at the signature', async () => {
		expectRefused(await verifyUpdate(GOOD, {...context, keys: [{...TRUSTED, id: 'another-key'}]}), 'unknown-key');
		expectRefused(
			await verifyUpdate(
				edited(GOOD, (f) => (f.keyId = 'another-key')),
				context,
			),
			'unknown-key',
		);
		expectRefused(await verifyUpdate(GOOD, {...context, keys: []}), 'unknown-key');
	});

	it('refuses a file signed by another key under a trusted id', async () => {
		expectRefused(await verifyUpdate(GOOD, {...context, keys: [{...TRUSTED, publicKey: other.publicKey}]}), 'bad-signature');
		const byOther = signedUpdateFor(rulesWithAddedPort(NEW_VERSION).rules, privateKeyFrom(other.privatePem), KEY_ID, OPTIONS);
		expectRefused(await verifyUpdate(byOther, context), 'bad-signature');
		// Only keys under the file's id are tried, every one of them (an id listed twice hides neither key).
		expect((await verifyUpdate(byOther, {...context, keys: [TRUSTED, {...TRUSTED, publicKey: other.publicKey}]})).ok).toBe(true);
		expectRefused(
			await verifyUpdate(byOther, {...context, keys: [TRUSTED, {...TRUSTED, id: 'other', publicKey: other.publicKey}]}),
			'bad-signature',
		);
		expect(
			(
				await verifyUpdate(byOther, {
					...context,
					keys: [
						{...TRUSTED, id: 'old'},
						{...TRUSTED, publicKey: other.publicKey},
					],
				})
			).ok,
		).toBe(true);
	});

	it('refuses rules that are not newer than those in use', async () => {
		for (const inUseVersion of [NEW_VERSION, '2026.12.06', '2027.01.01']) {
			expectRefused(await verifyUpdate(GOOD, {...context, inUseVersion}), 'not-newer');
		}
		expectRefused(await verifyUpdate(published(bundledRulesCopy()), context), 'not-newer');
		expect((await verifyUpdate(GOOD, {...context, inUseVersion: '2026.12.04'})).ok).toBe(true);
	});

	it('refuses a bundle format this extension does not read', async () => {
		expectRefused(await verifyUpdate(published(undefined, {format: BUNDLE_FORMAT + 1}), context), 'newer-format');
	});

	it('refuses rules meant for a newer extension, and takes them for that one', async () => {
		const text = published(undefined, {minExtensionVersion: '9.0.0'});
		expectRefused(await verifyUpdate(text, context), 'needs-newer-extension');
		expectRefused(await verifyUpdate(text, {...context, extensionVersion: '8.99.99'}), 'needs-newer-extension');
		expect((await verifyUpdate(text, {...context, extensionVersion: '9.0.0'})).ok).toBe(true);
	});

	it('refuses text that is not a signed rules file', async () => {
		const cases = [
			'',
			'{"keyId": "test-signing-key",',
			'null',
			'[]',
			'"text"',
			'42',
			JSON.stringify({keyId: KEY_ID, signature: JSON.parse(GOOD).signature}),
			JSON.stringify({...JSON.parse(GOOD), bundle: {rulesVersion: NEW_VERSION}}),
			JSON.stringify({...JSON.parse(GOOD), keyId: 7}),
			JSON.stringify({...JSON.parse(GOOD), signature: null}),
		];
		for (const text of cases) expectRefused(await verifyUpdate(text, context), 'malformed');
	});

	it('refuses a signed bundle that is not a bundle', async () => {
		const signedText = (text: string) => signedFileText(KEY_ID, sign(key, text), text);
		const good = JSON.parse(JSON.parse(GOOD).bundle) as Record<string, unknown>;
		const bundles = [
			'not JSON at all',
			'[1, 2]',
			JSON.stringify({...good, format: undefined}),
			JSON.stringify({...good, format: 0}),
			JSON.stringify({...good, format: 1.5}),
			JSON.stringify({...good, rulesVersion: 'latest'}),
			JSON.stringify({...good, reviewedAt: '5 December 2026'}),
			JSON.stringify({...good, minExtensionVersion: undefined}),
			JSON.stringify({...good, publishedAt: 20261205}),
		];
		for (const bundle of bundles) expectRefused(await verifyUpdate(signedText(bundle), context), 'malformed');
		// The same route with the bundle as signed: taken.
		expect((await verifyUpdate(signedText(JSON.stringify(good)), context)).ok).toBe(true);
	});

	it(`refuses a file over ${MAX_UPDATE_BYTES.toLocaleString('en')} bytes unread, counted as UTF-8`, async () => {
		const bytes = (text: string) => new TextEncoder().encode(text).length;
		// The dataset's Chinese names take three bytes a character: the limit is in bytes, as fetched.
		expect(bytes(GOOD)).toBeGreaterThan(GOOD.length);
		const padding = (n: number) => GOOD + ' '.repeat(n - bytes(GOOD));
		expect((await verifyUpdate(padding(MAX_UPDATE_BYTES), context)).ok).toBe(true);
		const parse = vi.spyOn(JSON, 'parse');
		expectRefused(await verifyUpdate(padding(MAX_UPDATE_BYTES + 1), context), 'too-large');
		// Fewer characters than the limit, more bytes.
		const chinese = GOOD + '中'.repeat(Math.ceil((MAX_UPDATE_BYTES - bytes(GOOD)) / 3) + 1);
		expect(chinese.length).toBeLessThan(MAX_UPDATE_BYTES);
		expectRefused(await verifyUpdate(chinese, context), 'too-large');
		expect(parse).not.toHaveBeenCalled();
	});

	it('refuses a signed dataset that fails the schemas', async () => {
		const noPorts: Record<string, unknown> = rulesWithAddedPort(NEW_VERSION).rules;
		delete noPorts.transit240Ports;
		const noPortsResult = await verifyUpdate(published(noPorts as {rulesVersion: string; reviewedAt: string}), context);
		expectRefused(noPortsResult, 'invalid-rules');
		expect(!noPortsResult.ok && noPortsResult.detail).toMatch(/transit240Ports/);

		const badType = rulesWithAddedPort(NEW_VERSION).rules;
		Object.assign(
			badType.transit240Ports.find((p) => p.id === 'NTG')!,
			{type: 'airfield'},
		);
		expectRefused(await verifyUpdate(published(badType), context), 'invalid-rules');

		const extraField = rulesWithAddedPort(NEW_VERSION).rules;
		Object.assign(extraField.transit240Ports[0]!, {script: 'alert(1)'});
		expectRefused(await verifyUpdate(published(extraField), context), 'invalid-rules');
	});

	it('refuses a signed dataset that passes the schemas but not the cross-file checks', async () => {
		// Urumqi (URC) is a mainland airport in Xinjiang (650000), which has no permitted area.
		const noArea = bundledRulesCopy(NEW_VERSION);
		noArea.transit240Ports = [
			...noArea.transit240Ports,
			airportPort('URC', '650000', 'Urumqi Diwopu International Airport', 'Urumqi'),
		].sort(byId);
		const noAreaResult = await verifyUpdate(published(noArea), context);
		expectRefused(noAreaResult, 'inconsistent');
		expect(!noAreaResult.ok && noAreaResult.detail).toContain('port URC: province 650000 has no permitted area');

		const unknownSource = rulesWithAddedPort(NEW_VERSION).rules;
		unknownSource.transit240Ports.find((p) => p.id === 'NTG')!.sources = ['S999'];
		expectRefused(await verifyUpdate(published(unknownSource), context), 'inconsistent');

		// In force before the last official count: the 65 ports of 2025-11-05 would be 66.
		const early = rulesWithAddedPort(NEW_VERSION).rules;
		early.transit240Ports.find((p) => p.id === 'NTG')!.since = '2025-01-01';
		expectRefused(await verifyUpdate(published(early), context), 'inconsistent');

		const unsorted = rulesWithAddedPort(NEW_VERSION).rules;
		unsorted.transit240Ports.reverse();
		expectRefused(await verifyUpdate(published(unsorted), context), 'inconsistent');
	});

	it('refuses a bundle whose version is not its dataset’s', async () => {
		const {rules} = rulesWithAddedPort(NEW_VERSION);
		const text = JSON.stringify({format: 1, ...OPTIONS, rulesVersion: NEW_VERSION, reviewedAt: '2026-12-06', rules});
		expectRefused(await verifyUpdate(signedFileText(KEY_ID, sign(key, text), text), context), 'inconsistent');
	});

	it("says so where this runtime's WebCrypto has no Ed25519", async () => {
		vi.spyOn(crypto.subtle, 'importKey').mockRejectedValue(new DOMException('Unrecognized algorithm name', 'NotSupportedError'));
		expectRefused(await verifyUpdate(GOOD, context), 'no-verifier');
	});
});

describe('compareVersions', () => {
	it.each([
		['2026.12.05', '2026.11.22', 1],
		['2026.11.22', '2026.12.05', -1],
		['2027.01.01', '2026.12.31', 1],
		['0.10.0', '0.9.1', 1],
		['0.9.1', '0.10.0', -1],
		['2026.12.05', '2026.12.05', 0],
		['1.0', '1.0.0', 0],
		['1', '1.0.1', -1],
		['1.0.1', '1', 1],
	] as const)('%s against %s: %i', (a, b, expected) => {
		expect(compareVersions(a, b)).toBe(expected);
	});
});

describe('the rules in use after an update', () => {
	const {rules} = rulesWithAddedPort(NEW_VERSION);
	const stored = (r = rules, fetchedAt = 1): StoredUpdate => ({
		format: 1,
		rulesVersion: r.rulesVersion,
		reviewedAt: r.reviewedAt,
		publishedAt: '2026-12-05',
		keyId: KEY_ID,
		fetchedAt,
		rules: r,
	});
	const ruleSet = validateRulesUpdate(rules);
	if (!ruleSet.ok) throw new Error(ruleSet.detail);
	const storedCompact: StoredCompact = {format: 1, rulesVersion: NEW_VERSION, rules: compactDataset(rules, ruleSet.ruleSet).rules};
	const bundledCompact = compactJson as CompactDataset;
	const garbage: unknown[] = [undefined, null, 'rules', 42, [], {}, {format: 2, rulesVersion: NEW_VERSION, rules: {}}];

	it('storedUpdateNewerThan: a stored update newer than the given version, else nothing', () => {
		const update = stored();
		expect(storedUpdateNewerThan(update, BUNDLED_RULES_VERSION)).toBe(update);
		expect(storedUpdateNewerThan(update, NEW_VERSION)).toBeUndefined();
		expect(storedUpdateNewerThan(update, '2027.01.01')).toBeUndefined();
		expect(storedUpdateNewerThan({...update, rulesVersion: '2026.12.06'}, BUNDLED_RULES_VERSION)).toBeUndefined();
		expect(storedUpdateNewerThan({...update, format: 2}, BUNDLED_RULES_VERSION)).toBeUndefined();
		expect(storedUpdateNewerThan({...update, fetchedAt: 'today'}, BUNDLED_RULES_VERSION)).toBeUndefined();
		for (const g of garbage) expect(storedUpdateNewerThan(g, BUNDLED_RULES_VERSION)).toBeUndefined();
	});

	it('compactInUse: the stored compact rules with the bundled airports where newer, else the bundled dataset itself', () => {
		const chosen = compactInUse(storedCompact, bundledCompact);
		expect(chosen.rulesVersion).toBe(NEW_VERSION);
		expect(chosen.rules).toBe(storedCompact.rules);
		expect(chosen.airports).toBe(bundledCompact.airports);
		expect(bundledCompact.rulesVersion).toBe(BUNDLED_RULES_VERSION);
		for (const version of [BUNDLED_RULES_VERSION, '2026.01.01']) {
			expect(compactInUse({...storedCompact, rulesVersion: version}, bundledCompact)).toBe(bundledCompact);
		}
		const noPorts: Record<string, unknown> = {...storedCompact.rules};
		delete noPorts.transit240Ports;
		expect(compactInUse({...storedCompact, rules: noPorts}, bundledCompact)).toBe(bundledCompact);
		expect(compactInUse({...storedCompact, rules: {...storedCompact.rules, policies: null}}, bundledCompact)).toBe(bundledCompact);
		for (const g of garbage) expect(compactInUse(g, bundledCompact)).toBe(bundledCompact);
	});

	it("compactRulesInUse: the content script judges with the stored update's ports", () => {
		const updated = compactRulesInUse(storedCompact);
		expect(updated.portsByIata.has('NTG')).toBe(true);
		expect(updated.data.rulesVersion).toBe(NEW_VERSION);
		expect(updated.airports.NTG).toEqual(compactRules().airports.NTG);
		expect(compactRulesInUse(undefined)).toBe(compactRules());
		expect(compactRulesInUse({...storedCompact, rulesVersion: BUNDLED_RULES_VERSION})).toBe(compactRules());
		expect(compactRules().portsByIata.has('NTG')).toBe(false);
	});

	it('readStatus: a stored status, else nothing', () => {
		expect(readStatus({checkedAt: 5, outcome: 'current'})).toEqual({checkedAt: 5, outcome: 'current'});
		expect(readStatus({checkedAt: 5, outcome: 'failed', problem: 'http', detail: 'HTTP 404', extra: 1})).toEqual({
			checkedAt: 5,
			outcome: 'failed',
			problem: 'http',
			detail: 'HTTP 404',
		});
		expect(readStatus({checkedAt: 5, outcome: 'failed', detail: 'x'.repeat(5000)})?.detail).toHaveLength(2000);
		for (const g of [...garbage, {checkedAt: '5', outcome: 'current'}, {checkedAt: 5, outcome: 'maybe'}, {outcome: 'updated'}]) {
			expect(readStatus(g)).toBeUndefined();
		}
	});

	it('ruleSetInUse: a newer stored update that passes the cross-file checks, else the bundled rules', () => {
		const inUse = ruleSetInUse(stored(rules, 100));
		expect(inUse).not.toBe(bundledRules());
		expect(inUse.data.rulesVersion).toBe(NEW_VERSION);
		expect(inUse.portsByIata.has('NTG')).toBe(true);
		expect(inUse.airports).toBe(bundledRules().airports);

		const noArea = bundledRulesCopy('2026.12.07');
		noArea.transit240Ports = [
			...noArea.transit240Ports,
			airportPort('URC', '650000', 'Urumqi Diwopu International Airport', 'Urumqi'),
		].sort(byId);
		expect(ruleSetInUse(stored(noArea, 200))).toBe(bundledRules());
		expect(ruleSetInUse(stored(bundledRulesCopy(), 300))).toBe(bundledRules());
		for (const g of garbage) expect(ruleSetInUse(g)).toBe(bundledRules());
	});
});
