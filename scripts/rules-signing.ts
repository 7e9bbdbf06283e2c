/**
 * The maintainers' side of signed rules updates (lib/rules/signed-update.ts), in Node: making a key pair, reading the
 * private key from outside the repository, signing a bundle. `npm run rules:keygen` and `npm run rules:publish` use it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {BUNDLE_FORMAT, bundleText, signedFileText} from '../lib/rules/signed-update.ts';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..');
export const KEYS_FILE = path.join(REPO_ROOT, 'data/rules-keys.json');

/** Where a private key may not be: anywhere inside the repository, where a commit could take it along. */
export function insideRepository(file: string): boolean {
	const real = (p: string) => {
		// The file may not exist yet: resolve its folder's real path (symlinks included).
		let dir = path.resolve(p);
		const rest: string[] = [];
		while (!fs.existsSync(dir)) {
			rest.unshift(path.basename(dir));
			dir = path.dirname(dir);
		}
		return path.join(fs.realpathSync(dir), ...rest);
	};
	const relative = path.relative(fs.realpathSync(REPO_ROOT), real(file));
	return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The raw 32-byte public key of an Ed25519 key (public or private), base64. */
export function rawPublicKey(key: crypto.KeyObject): string {
	const jwk = crypto.createPublicKey(key).export({format: 'jwk'});
	if (jwk.crv !== 'Ed25519' || !jwk.x) throw new Error('not an Ed25519 key');
	return Buffer.from(jwk.x, 'base64url').toString('base64');
}

/** A key's id: the date it was made and the start of its public key's SHA-256, so ids never collide by accident. */
export function keyIdOf(publicKeyBase64: string, date: string): string {
	const hash = crypto.createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex');
	return `ctc-${date.replaceAll('-', '')}-${hash.slice(0, 8)}`;
}

export function generateKeyPair(): {privatePem: string; publicKey: string} {
	const {privateKey} = crypto.generateKeyPairSync('ed25519');
	return {privatePem: privateKey.export({format: 'pem', type: 'pkcs8'}).toString(), publicKey: rawPublicKey(privateKey)};
}

/** A PKCS#8 PEM private key; throws when it is not Ed25519. */
export function privateKeyFrom(pem: string): crypto.KeyObject {
	const key = crypto.createPrivateKey(pem);
	if (key.asymmetricKeyType !== 'ed25519') throw new Error('the signing key is not an Ed25519 key');
	return key;
}

export function sign(key: crypto.KeyObject, text: string): Uint8Array {
	return new Uint8Array(crypto.sign(null, Buffer.from(text, 'utf8'), key));
}

/** The published file for a dataset: its bundle (./signed-update.ts RulesBundle) signed with `key`. */
export function signedUpdateFor(
	rules: {rulesVersion: string; reviewedAt: string},
	key: crypto.KeyObject,
	keyId: string,
	options: {minExtensionVersion: string; publishedAt: string; format?: number},
): string {
	const text = bundleText({
		format: options.format ?? BUNDLE_FORMAT,
		rulesVersion: rules.rulesVersion,
		reviewedAt: rules.reviewedAt,
		minExtensionVersion: options.minExtensionVersion,
		publishedAt: options.publishedAt,
		rules,
	});
	return signedFileText(keyId, sign(key, text), text);
}
