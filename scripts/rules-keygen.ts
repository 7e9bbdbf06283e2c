/**
 * `npm run rules:keygen -- --out FILE`: makes an Ed25519 key pair for signing rules updates. The private key goes to
 * FILE (PKCS#8 PEM, readable by its owner only), which must be outside the repository; the public key is added to
 * data/rules-keys.json, which ships in the extension. Keep the private key in the maintainers' secret store; a new key
 * is trusted by the releases that ship it, so rotate by adding the new key a release before signing with it.
 */
import fs from 'node:fs';
import path from 'node:path';
import {failer, parseArgs, type Fail} from './cli-io.ts';
import {generateKeyPair, insideRepository, keyIdOf, KEYS_FILE} from './rules-signing.ts';

const fail: Fail = failer('rules:keygen');
let out: string | undefined;
let date = new Date().toISOString().slice(0, 10);
parseArgs(
	process.argv.slice(2),
	{
		options: {'--out': {set: (v) => (out = v), inline: true}, '--date': {set: (v) => (date = v), inline: true}},
		usage: 'usage: npm run rules:keygen -- --out FILE   (FILE: where the private key goes, outside the repository)',
	},
	fail,
);
if (!out) fail('--out FILE is required: where to write the private key (outside the repository)');
if (insideRepository(out)) fail(`${out} is inside the repository: a private key must never be committed; choose a path outside it`);
if (fs.existsSync(out)) fail(`${out} exists: not overwriting a key`);
if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) fail('--date must be YYYY-MM-DD');

const {privatePem, publicKey} = generateKeyPair();
const id = keyIdOf(publicKey, date);
fs.mkdirSync(path.dirname(path.resolve(out)), {recursive: true, mode: 0o700});
fs.writeFileSync(out, privatePem, {mode: 0o600, flag: 'wx'});
const file = JSON.parse(fs.readFileSync(KEYS_FILE, 'utf8')) as {
	description: string;
	keys: {id: string; publicKey: string; added: string}[];
};
file.keys.push({id, publicKey, added: date});
fs.writeFileSync(KEYS_FILE, `${JSON.stringify(file, null, '\t')}\n`);
console.log(`private key: ${path.resolve(out)} (keep it secret, outside the repository)`);
console.log(`public key ${id} added to data/rules-keys.json: ${publicKey}`);
console.log('Commit data/rules-keys.json; releases built from then on accept updates signed with this key.');
