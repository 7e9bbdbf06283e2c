import fs from 'node:fs';
import {describe, expect, it, vi} from 'vitest';
import {BUNDLED_COMPACT_ITEM, publishBundledCompact, storedCompactText, withBundledCompact} from '@/lib/browser/bundled-compact';
import type {CompactDataset} from '@/lib/rules/compact';
import compactJson from '@/data/compact-rules.json';

const TEXT = fs.readFileSync('data/compact-rules.json', 'utf8');
const DIGEST = '0123456789abcdef';

function fakeLocal(initial: Record<string, unknown> = {}) {
	const items = new Map(Object.entries(initial));
	return {
		items,
		get: vi.fn(async (keys: string[]) => Object.fromEntries(keys.filter((k) => items.has(k)).map((k) => [k, items.get(k)]))),
		set: vi.fn(async (values: Record<string, unknown>) => {
			for (const [k, v] of Object.entries(values)) items.set(k, v);
		}),
	};
}

/** What `use` is handed, each text parsed in a `later` call run at once. */
const bundledCompact = (stored: unknown, digest: string, ask: () => Promise<string | undefined>) =>
	new Promise<CompactDataset | undefined>((resolve) => withBundledCompact(stored, digest, ask, (callback) => callback(), resolve));

describe('the compact dataset the content script reads from storage', () => {
	it('is the stored text only when it carries this build’s digest', () => {
		expect(storedCompactText({digest: DIGEST, text: TEXT}, DIGEST)).toBe(TEXT);
		expect(storedCompactText({digest: 'fedcba9876543210', text: TEXT}, DIGEST)).toBeUndefined();
		expect(storedCompactText({digest: DIGEST}, DIGEST)).toBeUndefined();
		expect(storedCompactText(TEXT, DIGEST)).toBeUndefined();
		expect(storedCompactText(undefined, DIGEST)).toBeUndefined();
	});

	it('is stored by the background when missing or another build’s, and left alone when it is this one’s', async () => {
		const local = fakeLocal();
		await publishBundledCompact(local, DIGEST, TEXT);
		expect(local.items.get(BUNDLED_COMPACT_ITEM)).toEqual({digest: DIGEST, text: TEXT});
		await publishBundledCompact(local, DIGEST, TEXT);
		expect(local.set).toHaveBeenCalledTimes(1);
		await publishBundledCompact(local, 'fedcba9876543210', TEXT);
		expect(local.set).toHaveBeenCalledTimes(2);
		expect(local.items.get(BUNDLED_COMPACT_ITEM)).toEqual({digest: 'fedcba9876543210', text: TEXT});
	});

	it('gives the same dataset as the bundled file, from storage without asking the background', async () => {
		const ask = vi.fn(async () => undefined);
		expect(await bundledCompact({digest: DIGEST, text: TEXT}, DIGEST, ask)).toEqual(compactJson);
		expect(ask).not.toHaveBeenCalled();
	});

	it('asks the background when storage has none, another build’s, an unreadable or a damaged one', async () => {
		const damaged = JSON.stringify({...compactJson, airports: {...compactJson.airports, slots: compactJson.airports.slots.slice(1)}});
		const noTable = JSON.stringify({rulesVersion: compactJson.rulesVersion, rules: compactJson.rules});
		for (const stored of [
			undefined,
			{digest: 'fedcba9876543210', text: TEXT},
			{digest: DIGEST, text: '{"rulesVer'},
			{digest: DIGEST, text: damaged},
			{digest: DIGEST, text: noTable},
		]) {
			const ask = vi.fn(async () => TEXT);
			expect(await bundledCompact(stored, DIGEST, ask)).toEqual(compactJson);
			expect(ask).toHaveBeenCalledTimes(1);
		}
	});

	it('gives none when neither storage nor the background has a dataset', async () => {
		expect(await bundledCompact(undefined, DIGEST, async () => undefined)).toBeUndefined();
		expect(await bundledCompact(undefined, DIGEST, async () => '[1, 2]')).toBeUndefined();
		expect(await bundledCompact(undefined, DIGEST, async () => 'not json')).toBeUndefined();
		expect(await bundledCompact(undefined, DIGEST, async () => '{"rulesVersion":"2026.11.22","rules":{}}')).toBeUndefined();
	});

	it('parses each text only in a call `later` makes, the background asked in between', async () => {
		const pending: (() => void)[] = [];
		const later = (callback: () => void) => void pending.push(callback);
		const use = vi.fn();
		const ask = vi.fn(async () => TEXT);
		const parse = vi.spyOn(JSON, 'parse');
		try {
			withBundledCompact({digest: DIGEST, text: '{"rulesVer'}, DIGEST, ask, later, use);
			expect(parse).not.toHaveBeenCalled();
			expect(pending).toHaveLength(1);
			pending.shift()!();
			expect(parse).toHaveBeenCalledTimes(1);
			expect(use).not.toHaveBeenCalled();
			await vi.waitFor(() => expect(pending).toHaveLength(1), {timeout: 5000});
			expect(ask).toHaveBeenCalledTimes(1);
			expect(parse).toHaveBeenCalledTimes(1);
			pending.shift()!();
			expect(use).toHaveBeenCalledWith(compactJson);
		} finally {
			parse.mockRestore();
		}
	});

	it('gives none when the background cannot answer', async () => {
		expect(await bundledCompact(undefined, DIGEST, () => Promise.reject(new Error('no receiver')))).toBeUndefined();
	});
});
