/**
 * The content script's start-up read (lib/browser/content-api.ts readStored): the settings and the rules items in one
 * storage.local call, each item as stored, the settings migrated from WXT storage's layout, the defaults when storage
 * holds none or cannot be read. The browser's storage is the content script's `chrome`/`browser` object; here an
 * object with the same `get`, so the calls it receives can be counted.
 */
import {describe, expect, it, vi} from 'vitest';
import {readStored, type ContentApi} from '@/lib/browser/content-api';
import {DEFAULT_SETTINGS, SETTINGS_VERSION} from '@/lib/settings';

function apiWith(get: (keys: string[]) => Promise<Record<string, unknown>>) {
	const spy = vi.fn(get);
	const api = {storage: {local: {get: spy}}} as unknown as ContentApi;
	return {api, get: spy};
}

const storedIn = (items: Record<string, unknown>) => async (keys: string[]) =>
	Object.fromEntries(keys.filter((k) => k in items).map((k) => [k, items[k]]));

describe('the content script’s start-up read', () => {
	it('reads the settings and the items in one storage call', async () => {
		const update = {rulesVersion: 'x'};
		const {api, get} = apiWith(
			storedIn({
				settings: {...DEFAULT_SETTINGS, passports: ['GB'], language: 'zh-CN'},
				settings$: {v: SETTINGS_VERSION},
				compactUpdate: update,
				other: 'not asked for',
			}),
		);
		const {settings, items} = await readStored(api, ['compactUpdate', 'compactBundled']);
		expect(get).toHaveBeenCalledTimes(1);
		expect(get.mock.calls[0]![0]).toEqual(['settings', 'settings$', 'compactUpdate', 'compactBundled']);
		expect(settings.passports).toEqual(['GB']);
		expect(settings.language).toBe('zh-CN');
		expect(items).toEqual({compactUpdate: update, compactBundled: undefined});
	});

	it('migrates settings stored by an older version (v1: no detail level, no sites of the user’s own)', async () => {
		const {api} = apiWith(storedIn({settings: {passports: ['DE'], language: 'en', disabledSites: ['kayak']}}));
		const {settings} = await readStored(api, []);
		expect(settings).toEqual({...DEFAULT_SETTINGS, passports: ['DE'], language: 'en', disabledSites: ['kayak']});
	});

	it('gives the defaults and no items when storage holds nothing, or cannot be read', async () => {
		expect(await readStored(apiWith(storedIn({})).api, ['compactUpdate'])).toEqual({
			settings: DEFAULT_SETTINGS,
			items: {compactUpdate: undefined},
		});
		const failing = apiWith(async () => {
			throw new Error('Extension context invalidated.');
		});
		expect(await readStored(failing.api, ['compactUpdate'])).toEqual({settings: DEFAULT_SETTINGS, items: {compactUpdate: undefined}});
	});

	it('gives the defaults for settings that are not settings', async () => {
		const {api} = apiWith(storedIn({settings: 'garbage', settings$: {v: SETTINGS_VERSION}}));
		expect((await readStored(api, [])).settings).toEqual(DEFAULT_SETTINGS);
	});
});
