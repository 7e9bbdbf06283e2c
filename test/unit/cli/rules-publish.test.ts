/**
 * `npm run rules:keygen` and `npm run rules:publish` (scripts/rules-keygen.ts, scripts/rules-publish.ts): where a
 * private key may be and which keys may sign, through the real commands; and, through the library functions they use
 * (scripts/rules-signing.ts), that what they sign is what an extension accepts. The production private key is not
 * here, and keygen writes data/rules-keys.json on success, so the commands are only run on paths they must refuse.
 */
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import rawKeys from '../../../data/rules-keys.json';
import e2eKey from '../../fixtures/rules/e2e-signing-key.json';
import {validateRulesUpdate} from '../../../lib/rules/load-rules';
import {RulesKeysSchema} from '../../../lib/rules/schema';
import {verifyUpdate} from '../../../lib/rules/signed-update';
import {checkDataForBuild} from '../../../scripts/build-check';
import {
	generateKeyPair,
	insideRepository,
	KEYS_FILE,
	keyIdOf,
	privateKeyFrom,
	rawPublicKey,
	REPO_ROOT,
	signedUpdateFor,
} from '../../../scripts/rules-signing';

type Run = {code: number | null; stdout: string; stderr: string};

/** Runs the real command, as `npm run --silent rules:… -- ARGS` would, with no signing key in its environment. */
function run(script: string, args: string[]): Promise<Run> {
	const env = {...process.env};
	delete env.CTC_RULES_SIGNING_KEY;
	delete env.CTC_RULES_SIGNING_KEY_FILE;
	return new Promise((resolve) => {
		const child = spawn('npx', ['tsx', script, ...args], {cwd: REPO_ROOT, env});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
		child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
		child.on('close', (code) => resolve({code, stdout, stderr}));
	});
}

let tmp: string;
let keysBefore: string;
/** The three commands, run side by side: each spawn costs a second or two. */
let keygenInRepo: Promise<Run>;
let publishKeyInRepo: Promise<Run>;
let publishUntrusted: Promise<Run>;

beforeAll(() => {
	tmp = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'ctc-rules-'));
	keysBefore = fs.readFileSync(KEYS_FILE, 'utf8');
	const untrusted = path.join(tmp, 'untrusted.pem');
	fs.writeFileSync(untrusted, generateKeyPair().privatePem, {mode: 0o600});
	// An existing file: were the repository check missing, keygen would still stop before writing anything.
	keygenInRepo = run('scripts/rules-keygen.ts', ['--out', 'data/rules-keys.json']);
	publishKeyInRepo = run('scripts/rules-publish.ts', ['--key', 'test/fixtures/rules/e2e-signing-key.json', '--out', path.join(tmp, 'a')]);
	publishUntrusted = run('scripts/rules-publish.ts', ['--key', untrusted, '--out', path.join(tmp, 'b')]);
});

afterAll(async () => {
	await Promise.allSettled([keygenInRepo, publishKeyInRepo, publishUntrusted]);
	fs.rmSync(tmp, {recursive: true, force: true});
});

describe('npm run rules:keygen', () => {
	it('refuses to write a private key inside the repository, and leaves data/rules-keys.json alone', async () => {
		const r = await keygenInRepo;
		expect(r.stderr).toMatch(/^rules:keygen: data\/rules-keys\.json is inside the repository: a private key must never be committed/);
		expect(r.code).toBe(2);
		expect(r.stdout).toBe('');
		expect(fs.readFileSync(KEYS_FILE, 'utf8')).toBe(keysBefore);
	}, 30_000);
});

describe('npm run rules:publish', () => {
	it('refuses a private key kept inside the repository', async () => {
		const r = await publishKeyInRepo;
		expect(r.stderr).toMatch(/^rules:publish: test\/fixtures\/rules\/e2e-signing-key\.json is inside the repository/);
		expect(r.code).toBe(2);
		expect(fs.existsSync(path.join(tmp, 'a'))).toBe(false);
	}, 30_000);

	it('refuses a key that data/rules-keys.json does not list, and writes nothing', async () => {
		const r = await publishUntrusted;
		expect(r.stderr).toMatch(/^rules:publish: this key is not in data\/rules-keys\.json: extensions would refuse what it signs/);
		expect(r.code).toBe(2);
		expect(r.stdout).toBe('');
		expect(fs.existsSync(path.join(tmp, 'b'))).toBe(false);
	}, 30_000);
});

describe('what the commands are made of', () => {
	it('insideRepository: the repository and everything in it, through symlinks too; nothing beside it', () => {
		for (const inside of [REPO_ROOT, path.join(REPO_ROOT, 'data/k.pem'), path.join(REPO_ROOT, 'no/such/folder/k.pem'), KEYS_FILE]) {
			expect(insideRepository(inside), inside).toBe(true);
		}
		for (const outside of [path.join(tmp, 'k.pem'), path.join(REPO_ROOT, '..', 'k.pem'), `${REPO_ROOT}-keys/k.pem`, '/k.pem']) {
			expect(insideRepository(outside), outside).toBe(false);
		}
		const link = path.join(tmp, 'link-to-repo');
		fs.symlinkSync(REPO_ROOT, link);
		expect(insideRepository(path.join(link, 'k.pem'))).toBe(true);
		expect(insideRepository(path.join(link, 'new-folder', 'k.pem'))).toBe(true);
	});

	it('a new key: an Ed25519 PEM, its raw public key and an id in the shape data/rules-keys.json takes', () => {
		const {privatePem, publicKey} = generateKeyPair();
		expect(privatePem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
		expect(rawPublicKey(privateKeyFrom(privatePem))).toBe(publicKey);
		const id = keyIdOf(publicKey, '2026-12-01');
		expect(id).toMatch(/^ctc-20261201-[0-9a-f]{8}$/);
		expect(RulesKeysSchema.safeParse({description: 'x', keys: [{id, publicKey, added: '2026-12-01'}]}).success).toBe(true);
		expect(keyIdOf(generateKeyPair().publicKey, '2026-12-01')).not.toBe(id);
	});

	it('privateKeyFrom refuses keys that are not Ed25519', async () => {
		const {generateKeyPairSync} = await import('node:crypto');
		const ec = generateKeyPairSync('ec', {namedCurve: 'P-256'}).privateKey.export({format: 'pem', type: 'pkcs8'}).toString();
		expect(() => privateKeyFrom(ec)).toThrow('not an Ed25519 key');
		expect(() => privateKeyFrom('not a key')).toThrow();
	});

	it('the e2e test key: its halves belong together, and only e2e builds trust it', () => {
		expect(rawPublicKey(privateKeyFrom(e2eKey.privateKeyPem))).toBe(e2eKey.publicKey);
		expect(rawKeys.keys.some((k) => k.id === e2eKey.id || k.publicKey === e2eKey.publicKey)).toBe(false);
		expect(RulesKeysSchema.safeParse(rawKeys).success).toBe(true);
	});

	it('what publish signs with a trusted key, an extension of that version accepts', async () => {
		// publish's own steps (scripts/rules-publish.ts), with a key made here standing in for the maintainers'.
		const checked = checkDataForBuild();
		const {privatePem, publicKey} = generateKeyPair();
		const trusted = {id: keyIdOf(publicKey, '2026-12-01'), publicKey, added: '2026-12-01'};
		const text = signedUpdateFor(checked.rules.data, privateKeyFrom(privatePem), trusted.id, {
			minExtensionVersion: '0.1.0',
			publishedAt: '2026-12-05',
		});
		const context = {
			keys: [...checked.keys.keys, trusted],
			inUseVersion: '0',
			extensionVersion: '0.1.0',
			validate: validateRulesUpdate,
		};
		const verified = await verifyUpdate(text, context);
		if (!verified.ok) throw new Error(`refused: ${verified.problem} ${verified.detail}`);
		expect(verified.keyId).toBe(trusted.id);
		expect(verified.bundle.rulesVersion).toBe(checked.rules.data.rulesVersion);
		expect(verified.bundle.rules).toEqual(checked.rules.data);
		// The same file against the shipped keys alone, which lack this one: refused.
		expect(await verifyUpdate(text, {...context, keys: checked.keys.keys})).toMatchObject({ok: false, problem: 'unknown-key'});
		// And against the bundled rules as the rules in use: nothing newer.
		expect(await verifyUpdate(text, {...context, inUseVersion: checked.rules.data.rulesVersion})).toMatchObject({
			ok: false,
			problem: 'not-newer',
		});
	});
});
