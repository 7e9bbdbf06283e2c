/**
 * Signed rules updates: the file a maintainer publishes (`npm run rules:publish`) and the checks an extension runs on
 * it before any of it is used (the background, entrypoints/background.ts).
 *
 * The published file is one JSON object, `{keyId, signature, bundle}`: `bundle` is the rules bundle as text (its
 * format, its rules version and review date, the oldest extension version that can read it, and the transit-rules
 * dataset), and `signature` is an Ed25519 signature over that text's UTF-8 bytes by the key `keyId`, one of the
 * public keys shipped in data/rules-keys.json. One file, so an update is one request.
 *
 * An update is accepted only when, in this order: it is small enough; it parses; its key is one we ship; the signature
 * verifies (WebCrypto's Ed25519, which Node 20, Chrome 137 and Firefox 129 have); its format is one this extension
 * reads; this extension is at least its minimum version; it is newer than the rules in use; and its dataset passes the
 * same schemas and cross-file checks as the build (./load-rules.ts). Anything else is refused with its reason, and
 * the rules in use stay as they were. Data only: nothing in an update is ever run as code.
 */
import type {TransitRules} from './schema';

/** What a dataset check makes of valid rules: ./rule-set.ts's RuleSet, where the background uses it. */
type Checked = {data: TransitRules};

/** The bundle format this extension reads. Bump when a bundle's shape changes in a way older readers would misread. */
export const BUNDLE_FORMAT = 1;

/** A published file larger than this is refused unread (the whole dataset is about 70 kB). */
export const MAX_UPDATE_BYTES = 2_000_000;

/** One trusted public key (data/rules-keys.json): its id, the raw 32-byte Ed25519 key in base64, and when it was added. */
export type TrustedKey = {id: string; publicKey: string; added: string};

/** What is signed. `rules` is the dataset as in data/transit-rules.json. */
export type RulesBundle = {
	format: number;
	rulesVersion: string;
	reviewedAt: string;
	/** The oldest extension version that can read these rules (package.json's version when published, by default). */
	minExtensionVersion: string;
	/** YYYY-MM-DD */
	publishedAt: string;
	rules: unknown;
};

/** The published file. */
type SignedUpdate = {keyId: string; signature: string; bundle: string};

export type UpdateProblem =
	| 'too-large'
	| 'malformed'
	| 'unknown-key'
	| 'bad-signature'
	| 'no-verifier'
	| 'newer-format'
	| 'needs-newer-extension'
	| 'not-newer'
	| 'invalid-rules'
	| 'inconsistent';

export type Verified<R extends Checked = Checked> =
	| {ok: true; bundle: RulesBundle & {rules: TransitRules}; keyId: string; ruleSet: R}
	| {ok: false; problem: UpdateProblem; detail?: string};

export type VerifyContext<R extends Checked = Checked> = {
	keys: readonly TrustedKey[];
	/** The rules version in use now (the bundled one, or an update accepted earlier): only a newer one is taken. */
	inUseVersion: string;
	/** This extension's version (the manifest's). */
	extensionVersion: string;
	/**
	 * Checks the dataset as the build does (schemas, then cross-file checks against the bundled airports); the rule set
	 * made from it, or which of the two failed and why: ./load-rules.ts validateRulesUpdate, in the background and the CLI.
	 */
	validate: (rules: unknown) => {ok: true; ruleSet: R} | {ok: false; problem: 'invalid-rules' | 'inconsistent'; detail: string};
};

/** Compares dotted versions number by number (`2026.12.05` > `2026.11.22`, `0.10.0` > `0.9.1`); missing parts are 0. */
export function compareVersions(a: string, b: string): number {
	const pa = a.split('.').map((n) => Number.parseInt(n, 10) || 0);
	const pb = b.split('.').map((n) => Number.parseInt(n, 10) || 0);
	for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
		const d = (pa[i] ?? 0) - (pb[i] ?? 0);
		if (d !== 0) return d < 0 ? -1 : 1;
	}
	return 0;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const VERSION = /^\d+(\.\d+){0,3}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function toBase64(bytes: Uint8Array): string {
	let s = '';
	for (const b of bytes) s += String.fromCharCode(b);
	return btoa(s);
}

export function fromBase64(text: string): Uint8Array | undefined {
	if (text.length % 4 !== 0 || !BASE64.test(text)) return undefined;
	try {
		return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
	} catch {
		return undefined;
	}
}

const isRecord = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);

/** The published file's text for a bundle and its signature (the publisher signs `bundleText` itself). */
export function signedFileText(keyId: string, signature: Uint8Array, bundleText: string): string {
	const file: SignedUpdate = {keyId, signature: toBase64(signature), bundle: bundleText};
	return `${JSON.stringify(file, null, '\t')}\n`;
}

/** The bundle's text: what is signed. */
export function bundleText(bundle: RulesBundle): string {
	return JSON.stringify(bundle);
}

/** Ed25519 over `data` with the raw public key; 'no-verifier' where this runtime's WebCrypto lacks Ed25519. */
async function verifyEd25519(publicKey: Uint8Array, signature: Uint8Array, data: Uint8Array): Promise<boolean | 'no-verifier'> {
	const subtle = globalThis.crypto?.subtle;
	if (!subtle) return 'no-verifier';
	let key: CryptoKey;
	try {
		key = await subtle.importKey('raw', publicKey as Uint8Array<ArrayBuffer>, {name: 'Ed25519'}, false, ['verify']);
	} catch (error) {
		// NotSupportedError: no Ed25519 here. Any other error: a key that is not 32 bytes of a valid point.
		return error instanceof Error && error.name === 'NotSupportedError' ? 'no-verifier' : false;
	}
	try {
		return await subtle.verify({name: 'Ed25519'}, key, signature as Uint8Array<ArrayBuffer>, data as Uint8Array<ArrayBuffer>);
	} catch {
		return false;
	}
}

function readBundle(text: string): RulesBundle | undefined {
	let x: unknown;
	try {
		x = JSON.parse(text);
	} catch {
		return undefined;
	}
	if (!isRecord(x)) return undefined;
	const {format, rulesVersion, reviewedAt, minExtensionVersion, publishedAt, rules} = x;
	if (typeof format !== 'number' || !Number.isInteger(format) || format < 1) return undefined;
	if (typeof rulesVersion !== 'string' || !VERSION.test(rulesVersion)) return undefined;
	if (typeof reviewedAt !== 'string' || !DATE.test(reviewedAt)) return undefined;
	if (typeof minExtensionVersion !== 'string' || !VERSION.test(minExtensionVersion)) return undefined;
	if (typeof publishedAt !== 'string' || !DATE.test(publishedAt)) return undefined;
	return {format, rulesVersion, reviewedAt, minExtensionVersion, publishedAt, rules};
}

/**
 * Checks a downloaded file, in the order given at the top of this file. Never throws; the rules in use are the caller's
 * to keep when this refuses.
 */
export async function verifyUpdate<R extends Checked>(text: string, context: VerifyContext<R>): Promise<Verified<R>> {
	const refuse = (problem: UpdateProblem, detail?: string): Verified<R> => ({ok: false, problem, ...(detail ? {detail} : {})});
	// Characters first (never more than bytes), so a huge text is not encoded just to be measured.
	const bytes = text.length > MAX_UPDATE_BYTES ? text.length : new TextEncoder().encode(text).length;
	if (bytes > MAX_UPDATE_BYTES) return refuse('too-large', `${bytes} bytes or more`);
	let file: unknown;
	try {
		file = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (error) {
		return refuse('malformed', error instanceof Error ? error.message.slice(0, 200) : undefined);
	}
	if (!isRecord(file) || typeof file.keyId !== 'string' || typeof file.signature !== 'string' || typeof file.bundle !== 'string')
		return refuse('malformed', 'not a signed rules file (keyId, signature, bundle)');
	const candidates = context.keys.filter((k) => k.id === file.keyId);
	if (candidates.length === 0) return refuse('unknown-key', file.keyId.slice(0, 100));
	const signature = fromBase64(file.signature);
	if (!signature || signature.length !== 64) return refuse('bad-signature');
	const signed = new TextEncoder().encode(file.bundle);
	let key: TrustedKey | undefined;
	for (const candidate of candidates) {
		const publicKey = fromBase64(candidate.publicKey);
		const verified = publicKey ? await verifyEd25519(publicKey, signature, signed) : false;
		if (verified === 'no-verifier') return refuse('no-verifier');
		if (verified) {
			key = candidate;
			break;
		}
	}
	if (!key) return refuse('bad-signature');
	// Signed by us from here on; still checked as if it were not, since a signing mistake must not reach a badge.
	const bundle = readBundle(file.bundle);
	if (!bundle) return refuse('malformed', 'the signed bundle lacks its format, version, dates or rules');
	if (bundle.format > BUNDLE_FORMAT) return refuse('newer-format', `format ${bundle.format}; this extension reads ${BUNDLE_FORMAT}`);
	if (compareVersions(context.extensionVersion, bundle.minExtensionVersion) < 0)
		return refuse('needs-newer-extension', `needs ${bundle.minExtensionVersion}; this is ${context.extensionVersion}`);
	if (compareVersions(bundle.rulesVersion, context.inUseVersion) <= 0)
		return refuse('not-newer', `${bundle.rulesVersion}; in use ${context.inUseVersion}`);
	const checked = context.validate(bundle.rules);
	if (!checked.ok) return refuse(checked.problem, checked.detail);
	const rules = checked.ruleSet.data;
	if (rules.rulesVersion !== bundle.rulesVersion || rules.reviewedAt !== bundle.reviewedAt)
		return refuse('inconsistent', 'the bundle and its dataset give different versions or review dates');
	return {ok: true, bundle: {...bundle, rules}, keyId: key.id, ruleSet: checked.ruleSet};
}
