import {defineConfig} from 'wxt';
import preact from '@preact/preset-vite';
import fs from 'node:fs';
import {loadRules} from './lib/rules/load-rules';
import {COMPACT_FILE, compactOfRules} from './lib/rules/compact-file';
import {siteMatches} from './lib/sites';

/**
 * Firefox gets Manifest V2 on purpose: in Firefox MV3, host permissions are opt-in, so the content script would not
 * run on the booking sites until each user granted them by hand, and badges would silently be missing. MV2 gives
 * the same behaviour as the Chrome MV3 build. The minimum version is 140, the ESR that understands
 * `data_collection_permissions` (the popover API the details card uses arrived in 125).
 */
export const GECKO_ID = 'china-transit-check@china-transit-check.app';

/** What "always run on this site" may ask for, one origin at a time (the request names the one site). */
const USER_SITE_PATTERNS = ['https://*/*', 'http://*/*'] as const;
/** Only in `--mode e2e`: stands in for a user who granted this test site (a permission prompt cannot be clicked). */
export const E2E_USER_SITE = 'https://agent.example.test/*';

type WebAccessible = string | {resources: string[]; matches: string[]};

export default defineConfig({
	// Tools that build while another build may run (npm run bench) use a folder of their own.
	...(process.env.CTC_OUT_DIR ? {outDir: process.env.CTC_OUT_DIR} : {}),
	imports: false,
	modules: ['@wxt-dev/webextension-polyfill'],
	manifest: ({browser}) => ({
		// Name and description in the browser's language: public/_locales (en, zh_CN, zh_TW), the same words as lib/i18n.
		name: '__MSG_extName__',
		description: '__MSG_extDescription__',
		default_locale: 'en',
		// activeTab + scripting: "scan this page" from the popup on any site, only when the user asks. The optional
		// host permissions are requested one site at a time ("always run on this site"), never all at once.
		permissions: ['storage', 'activeTab', 'scripting'],
		...(browser === 'firefox' ? {optional_permissions: [...USER_SITE_PATTERNS]} : {optional_host_permissions: [...USER_SITE_PATTERNS]}),
		...(browser === 'firefox'
			? {
					browser_specific_settings: {
						gecko: {
							id: GECKO_ID,
							strict_min_version: '140.0',
							data_collection_permissions: {required: ['none']},
						},
						// Firefox for Android reads data_collection_permissions from 142 on.
						gecko_android: {strict_min_version: '142.0'},
					},
				}
			: {}),
	}),
	hooks: {
		// A broken or inconsistent dataset fails the build (zod schemas + cross-file checks), and so does a content-script
		// dataset (data/compact-rules.json) that was not made from it.
		'build:before': () => {
			const rules = loadRules();
			if (fs.readFileSync(COMPACT_FILE, 'utf8') !== compactOfRules(rules))
				throw new Error(`${COMPACT_FILE} is stale: run npm run data:compact`);
		},
		// The content script reaches the extension API through the browser's own object (lib/browser/content-api.ts), so
		// WXT's own code in it (defineContentScript's context) gets the browser's object too, not webextension-polyfill,
		// which the extension's pages and the background keep.
		'vite:build:extendConfig': (entrypoints, config) => {
			if (!entrypoints.every((e) => e.type === 'content-script')) return;
			const alias = config.resolve?.alias;
			if (Array.isArray(alias)) config.resolve!.alias = alias.filter((a: {find: unknown}) => a.find !== 'wxt/browser');
			else if (alias) delete (alias as Record<string, string>)['wxt/browser'];
		},
		// Only in `--mode e2e` (never in a release build): the Firefox test driver cannot open moz-extension:// pages
		// itself, so the test page navigates there, which Firefox allows only for web-accessible pages; and one test
		// site is granted up front, as if its user had accepted the permission prompt.
		'build:manifestGenerated': (wxt, manifest) => {
			if (wxt.config.mode !== 'e2e') return;
			// The built-in sites too: stands in for activeTab, which the popup has when the user opens it on a tab (it
			// puts the generic readers into the tab) and a test cannot get without clicking the toolbar.
			const granted = [E2E_USER_SITE, ...siteMatches()];
			if (manifest.manifest_version === 3) manifest.host_permissions = [...(manifest.host_permissions ?? []), ...granted];
			else manifest.permissions = [...(manifest.permissions ?? []), ...granted];
			const pages = ['popup.html', 'options.html', 'check-in-card.html'];
			const current = (manifest.web_accessible_resources ?? []) as WebAccessible[];
			manifest.web_accessible_resources = (
				manifest.manifest_version === 2 ? [...current, ...pages] : [...current, {resources: pages, matches: ['<all_urls>']}]
			) as typeof manifest.web_accessible_resources;
		},
	},
	// CTC_SOURCEMAP=1: source maps, to see what the bundles are made of.
	// JSON as JSON.parse('…'), which engines parse faster than an object literal (the content script's compact rules).
	vite: () => ({plugins: [preact()], json: {stringify: true}, ...(process.env.CTC_SOURCEMAP ? {build: {sourcemap: true}} : {})}),
});
