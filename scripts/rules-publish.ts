/**
 * `npm run rules:publish -- --key FILE`: checks data/ exactly as the build does, then writes the signed rules update
 * (lib/rules/signed-update.ts) to dist/rules-update/rules-update.json, the one file to upload to the update host.
 *
 * The private key comes from `--key FILE`, the file named by CTC_RULES_SIGNING_KEY_FILE, or the PEM text in
 * CTC_RULES_SIGNING_KEY; never from inside the repository. Its public key must be one of data/rules-keys.json's. The
 * written file is verified again as an extension would verify it before this reports success.
 */
import fs from 'node:fs';
import path from 'node:path';
import {failer, parseArgs, type Fail} from './cli-io.ts';
import {checkDataForBuild} from './build-check.ts';
import {insideRepository, privateKeyFrom, rawPublicKey, REPO_ROOT, signedUpdateFor} from './rules-signing.ts';
import {compareVersions, MAX_UPDATE_BYTES, verifyUpdate} from '../lib/rules/signed-update.ts';
import {validateRulesUpdate} from '../lib/rules/load-rules.ts';

const fail: Fail = failer('rules:publish');
const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {version: string};
let keyFile = process.env.CTC_RULES_SIGNING_KEY_FILE;
let out = path.join(REPO_ROOT, 'dist/rules-update');
let minExtensionVersion = pkg.version;
let publishedAt = new Date().toISOString().slice(0, 10);
parseArgs(
	process.argv.slice(2),
	{
		options: {
			'--key': {set: (v) => (keyFile = v), inline: true},
			'--out': {set: (v) => (out = path.resolve(v)), inline: true},
			'--min-extension': {set: (v) => (minExtensionVersion = v), inline: true},
			'--date': {set: (v) => (publishedAt = v), inline: true},
		},
		usage: [
			'usage: npm run rules:publish -- [--key FILE] [--out DIR] [--min-extension VERSION] [--date YYYY-MM-DD]',
			'  --key FILE               the Ed25519 private key (PEM), outside the repository; or CTC_RULES_SIGNING_KEY_FILE,',
			'                           or the PEM itself in CTC_RULES_SIGNING_KEY',
			'  --out DIR                where rules-update.json is written (default dist/rules-update)',
			`  --min-extension VERSION  the oldest extension that may use these rules (default ${pkg.version}, this one)`,
		].join('\n'),
	},
	fail,
);
if (!/^\d+(\.\d+){0,3}$/.test(minExtensionVersion)) fail('--min-extension must be a version like 0.2.0');
if (!/^\d{4}-\d{2}-\d{2}$/.test(publishedAt)) fail('--date must be YYYY-MM-DD');

let pem = process.env.CTC_RULES_SIGNING_KEY;
if (keyFile) {
	if (insideRepository(keyFile)) fail(`${keyFile} is inside the repository: keep the private key outside it`);
	try {
		pem = fs.readFileSync(keyFile, 'utf8');
	} catch (error) {
		fail(`cannot read ${keyFile}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
	}
}
if (!pem) fail('no signing key: give --key FILE, CTC_RULES_SIGNING_KEY_FILE or CTC_RULES_SIGNING_KEY');

let checked: ReturnType<typeof checkDataForBuild>;
try {
	checked = checkDataForBuild();
} catch (error) {
	fail(`data/ does not pass the build's checks:\n${(error as Error).message}`, 1);
}
let key: ReturnType<typeof privateKeyFrom>;
try {
	key = privateKeyFrom(pem);
} catch (error) {
	fail(`the signing key cannot be read: ${(error as Error).message}`);
}
const publicKey = rawPublicKey(key);
const trusted = checked.keys.keys.find((k) => k.publicKey === publicKey);
if (!trusted) fail('this key is not in data/rules-keys.json: extensions would refuse what it signs (npm run rules:keygen adds a key)');
if (compareVersions(minExtensionVersion, pkg.version) > 0)
	fail(`--min-extension ${minExtensionVersion} is newer than this extension (${pkg.version})`);

const rules = checked.rules.data;
const text = signedUpdateFor(rules, key, trusted.id, {minExtensionVersion, publishedAt});
const bytes = Buffer.byteLength(text, 'utf8');
if (bytes > MAX_UPDATE_BYTES) fail(`the update is ${bytes} bytes; extensions refuse more than ${MAX_UPDATE_BYTES}`, 1);
// Read back as an extension would (its own version, rules older than these), before anyone uploads it.
const verified = await verifyUpdate(text, {
	keys: checked.keys.keys,
	inUseVersion: '0',
	extensionVersion: minExtensionVersion,
	validate: validateRulesUpdate,
});
if (!verified.ok) fail(`the signed file does not verify (${verified.problem}${verified.detail ? `: ${verified.detail}` : ''})`, 1);

fs.mkdirSync(out, {recursive: true});
const file = path.join(out, 'rules-update.json');
fs.writeFileSync(file, text);
console.log(
	`${path.relative(process.cwd(), file) || file}: rules ${rules.rulesVersion} (reviewed ${rules.reviewedAt}), signed by ${trusted.id}`,
);
console.log(`${bytes} bytes; for extensions ${minExtensionVersion} and later; published ${publishedAt}`);
console.log('Upload this one file to the update URL (README: Releasing rules updates). Extensions take it within a day.');
