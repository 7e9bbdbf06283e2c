/**
 * The bundled compact dataset (data/compact-rules.json) reaches the content script through storage, not inside its
 * script: 56 kB of JSON text in the script cost every results page about 5 ms of compiling before anything ran (the
 * scanner reads it character by character), where a stored string costs a storage read the script makes anyway and
 * one JSON.parse. The background stores the text under BUNDLED_COMPACT_ITEM whenever it starts with a different
 * digest (a new build); the content script takes it when the digest is its build's, and otherwise (the first page
 * after an install or an update can come before the background has stored it) asks the background for it.
 *
 * The digest is the file's SHA-256 (the first 16 hex digits), defined at build time by wxt.config.ts for both.
 */
import {isCompactDataset, type CompactDataset} from '../rules/compact';

/** The storage.local item: `{digest, text}`. */
export const BUNDLED_COMPACT_ITEM = 'compactBundled';

type Area = {get: (keys: string[]) => Promise<Record<string, unknown>>; set: (items: Record<string, unknown>) => Promise<void>};

/** The stored text when it is this digest's; else undefined. */
export function storedCompactText(stored: unknown, digest: string): string | undefined {
	if (!stored || typeof stored !== 'object') return undefined;
	const {digest: d, text} = stored as {digest?: unknown; text?: unknown};
	return d === digest && typeof text === 'string' ? text : undefined;
}

/** The background, on each start: stores the build's text unless it is there already. */
export async function publishBundledCompact(local: Area, digest: string, text: string): Promise<void> {
	const stored = (await local.get([BUNDLED_COMPACT_ITEM]))[BUNDLED_COMPACT_ITEM];
	if (storedCompactText(stored, digest) === text) return;
	await local.set({[BUNDLED_COMPACT_ITEM]: {digest, text}});
}

/** The dataset in a text, synchronously: undefined when there is none, or it is unreadable or not shaped as one. */
function compactFromText(text: string | undefined): CompactDataset | undefined {
	if (text === undefined) return undefined;
	try {
		const data = JSON.parse(text) as unknown;
		return isCompactDataset(data) ? data : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Hands `use` the dataset from the stored text, or, when that is missing, stale, unreadable or not shaped as one
 * (damaged), from the text the background sends (`ask`); undefined when neither gives one. Each text is parsed in a
 * call `later` makes (the content script: a timer callback of its own, which a trace attributes to it, where code
 * resumed after an `await` runs outside the browser's calls into the script).
 */
export function withBundledCompact(
	stored: unknown,
	digest: string,
	ask: () => Promise<string | undefined>,
	later: (callback: () => void) => void,
	use: (data: CompactDataset | undefined) => void,
): void {
	const parseLater = (text: string | undefined, fallback?: () => Promise<string | undefined>) =>
		later(() => {
			const data = compactFromText(text);
			if (data || !fallback) return use(data);
			fallback().then(
				(next) => parseLater(next),
				() => parseLater(undefined),
			);
		});
	parseLater(storedCompactText(stored, digest), ask);
}
