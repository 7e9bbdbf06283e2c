import {defineConfig} from 'wxt';
import preact from '@preact/preset-vite';
import fs from 'node:fs';
import path from 'node:path';
import {createHash} from 'node:crypto';
import type {Plugin} from 'vite';
import {checkDataForBuild} from './scripts/build-check';
import {E2E_KEY_FILE, E2E_RULES_URL} from './scripts/e2e-constants';
import {siteContentScripts, siteMatches, sites, siteScriptName} from './lib/sites';
import {CONTENT_SCRIPT_FILE} from './lib/sites/user-sites';

/**
 * Firefox gets Manifest V2 on purpose: in Firefox MV3, host permissions are opt-in, so the content script would not
 * run on the booking sites until each user granted them by hand, and badges would silently be missing. MV2 gives
 * the same behaviour as the Chrome MV3 build. The minimum version is 140, the ESR that understands
 * `data_collection_permissions` (the popover API the details card uses arrived in 125).
 */
export const GECKO_ID = 'china-transit-check@china-transit-check.app';

/** What "always run on this site" may ask for, one origin at a time (the request names the one site). */
const USER_SITE_PATTERNS = ['https://*/*', 'http://*/*'] as const;
/**
 * Only in `--mode e2e`: stands in for a user who granted these test sites (a permission prompt cannot be clicked): an
 * agent's tool, and country sites of built-in sites the manifest does not list (Google Poland, Kayak Switzerland,
 * Skyscanner Poland).
 */
export const E2E_USER_SITES = [
	'https://agent.example.test/*',
	'https://www.google.pl/*',
	'https://www.kayak.ch/*',
	'https://www.skyscanner.pl/*',
];

type WebAccessible = string | {resources: string[]; matches: string[]; use_dynamic_url?: boolean};
/** The badge's details page (entrypoints/details), as lib/browser/details-link.ts DETAILS_PATH names it. */
const DETAILS_PAGE = 'details.html';
/** Opens the popup (the manifest's `commands`): free in Chrome and Firefox on Windows, Linux and macOS. */
const POPUP_SHORTCUT = 'Alt+Shift+K';

/** The sizes the build exports assets/icon.svg to (autoIcons below), and the toolbar button's share of them. */
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;
const TOOLBAR_ICONS = Object.fromEntries(ICON_SIZES.filter((s) => s <= 48).map((s) => [s, `icons/${s}.png`]));
/** Left out of the AMO sources zip, besides WXT's own exclusions (everything in them is for testing or publishing). */
export const SOURCES_EXCLUDED = [
	'test/**',
	'docs/**',
	'store/**',
	'dist/**',
	'demo-output/**',
	'test-results/**',
	'playwright-report/**',
	'coverage/**',
	'bench-results.json',
	'*.log',
] as const;

/**
 * Where signed rules updates are published (lib/rules/signed-update.ts; README: Releasing rules updates). A release
 * build takes it from here or from CTC_RULES_UPDATE_URL; a build without one has no updates switch and no `alarms`
 * permission. One https URL of one file, no query (the request must carry nothing but the file's address).
 */
export const RULES_UPDATE_URL: string | undefined = undefined;
// Only in `--mode e2e`: the URL of a local server the tests start, and the test key trusted besides data/rules-keys.json.

/** The update URL of a build in this mode, checked; undefined when the build has none. */
export function rulesUpdateUrl(mode: string): string | undefined {
	const raw = process.env.CTC_RULES_UPDATE_URL || (mode === 'e2e' ? E2E_RULES_URL : RULES_UPDATE_URL);
	if (!raw) return undefined;
	const url = new URL(raw);
	const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) throw new Error(`rules update URL ${raw}: https only`);
	if (url.search || url.hash || url.username || url.password)
		throw new Error(`rules update URL ${raw}: no query, fragment or credentials`);
	return url.href;
}

/** data/compact-rules.json's digest: which stored copy is this build's (lib/browser/bundled-compact.ts). */
function compactDigest(): string {
	return createHash('sha256').update(fs.readFileSync('data/compact-rules.json')).digest('hex').slice(0, 16);
}

function e2eKeys(mode: string): string {
	if (mode !== 'e2e') return '[]';
	const {id, publicKey, added} = JSON.parse(fs.readFileSync(E2E_KEY_FILE, 'utf8')) as {id: string; publicKey: string; added: string};
	return JSON.stringify([{id, publicKey, added}]);
}

/** The content script's entry (entrypoints/itinerary.ts), built as `itinerary.js` and once more for each built-in site. */
const CONTENT_SCRIPT_NAME = CONTENT_SCRIPT_FILE.replace(/\.js$/, '');
/** The module that says which site adapters a content script carries: all of them, unless a site's build replaces it. */
const CARRIED_MODULE = path.resolve('lib/adapters/carried.ts');

/**
 * A site's own content script: lib/adapters/carried.ts becomes that site's adapter alone (lib/adapters/<id>.ts, the
 * registry's file for it), so the other sites' adapters are not in the bundle at all.
 */
function carryOnly(siteId: string): Plugin {
	const adapter = path.resolve(`lib/adapters/${siteId}.ts`);
	if (!fs.existsSync(adapter)) throw new Error(`site ${siteId}: no adapter file lib/adapters/${siteId}.ts`);
	return {
		name: 'ctc-carry-only',
		enforce: 'pre',
		load: (id) =>
			id === CARRIED_MODULE ? `import site from ${JSON.stringify(adapter)};\nexport const carried = [site];\n` : undefined,
	};
}

export default defineConfig({
	// Tools that build while another build may run (npm run bench) use a folder of their own.
	...(process.env.CTC_OUT_DIR ? {outDir: process.env.CTC_OUT_DIR} : {}),
	imports: false,
	modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
	// The icon: one drawing, assets/icon.svg, exported by every build to icons/<size>.png and declared as the manifest's
	// `icons` (with sharp, from npm, so a fresh machine needs nothing else). Chrome asks for 16, 32, 48 and 128, Firefox
	// for 48 and 96; the toolbar button gets the small ones (TOOLBAR_ICONS). Only the dev server (`wxt`, development
	// mode) greys it, so a development copy is not mistaken for the installed release.
	autoIcons: {baseIconPath: 'assets/icon.svg', sizes: [...ICON_SIZES], developmentIndicator: 'grayscale'},
	// Store packages (npm run zip): the AMO sources zip holds what `npm ci && npx wxt zip -b firefox` needs and no
	// tests, fixtures, screenshots, store material or outputs (WXT already leaves out dotfiles, node_modules, .output).
	zip: {excludeSources: [...SOURCES_EXCLUDED]},
	manifest: ({browser, manifestVersion, mode}) => ({
		// Name and description in the browser's language: public/_locales (en, zh_CN, zh_TW), the same words as lib/i18n.
		name: '__MSG_extName__',
		description: '__MSG_extDescription__',
		default_locale: 'en',
		// activeTab + scripting: "scan this page" from the popup on any site, only when the user asks. The optional
		// host permissions are requested one site at a time ("always run on this site"), never all at once.
		// contextMenus: "Check the selected itinerary" on selected text, which opens the popup to check it (no warning).
		// alarms: the once-a-day check for rules updates, only in builds that have an update URL.
		permissions: ['storage', 'activeTab', 'scripting', 'contextMenus', ...(rulesUpdateUrl(mode) ? ['alarms'] : [])],
		// The toolbar button's icon, under the key WXT also puts the popup in: browser_action in MV2 (Firefox), action in
		// MV3. An `action` given to an MV2 build would be dropped, since WXT's popup already fills browser_action.
		[manifestVersion === 2 ? 'browser_action' : 'action']: {default_icon: TOOLBAR_ICONS},
		// A keyboard shortcut that opens the popup (an agent selects a booking on screen, presses it, and checks the
		// selection), suggested, not imposed: the browser leaves it unset where the keys are taken, and the user changes
		// it in the browser's shortcut settings. The options page shows the one in force.
		commands: {
			[manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {suggested_key: {default: POPUP_SHORTCUT}},
		},
		// The content script on the supported sites (entrypoints/itinerary.ts, built as a plain script: it says why).
		// Each built-in site gets its own, carrying only its adapter (the hooks below build them).
		content_scripts: siteContentScripts(),
		// The badge's details frame (entrypoints/details; lib/browser/details-link.ts says why it is a frame of ours). Chrome
		// lets pages load it only through the session's dynamic id (use_dynamic_url), so no site can probe a fixed URL to
		// learn the extension is installed; Firefox's moz-extension host is random for each installation already.
		web_accessible_resources: (manifestVersion === 2
			? [DETAILS_PAGE]
			: [{resources: [DETAILS_PAGE], matches: ['<all_urls>'], use_dynamic_url: true}]) as WebAccessible[],
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
		// So does an update URL that is not https; and `npm run rules:publish` runs the same checks before it signs.
		'build:before': (wxt) => {
			checkDataForBuild();
			rulesUpdateUrl(wxt.config.mode);
		},
		// The content script once more for each built-in site (`itinerary-<id>.js`, declared in the manifest for the
		// site's pages), from the same entry: a results page compiles the adapter that reads it, not the other four.
		'entrypoints:resolved': (_wxt, entrypoints) => {
			const base = entrypoints.find((e) => e.name === CONTENT_SCRIPT_NAME && e.type === 'unlisted-script');
			if (!base) throw new Error(`no entrypoint ${CONTENT_SCRIPT_NAME}`);
			for (const site of sites) entrypoints.push({...base, name: siteScriptName(site.id)});
		},
		// The content scripts (entrypoints/itinerary.ts, entrypoints/generic.ts) reach the extension API through the
		// browser's own object (lib/browser/content-api.ts), so any WXT code in them gets the browser's object too, not
		// webextension-polyfill, which the extension's pages and the background keep.
		'vite:build:extendConfig': (entrypoints, config) => {
			if (!entrypoints.every((e) => e.type === 'content-script' || e.type === 'unlisted-script')) return;
			const alias = config.resolve?.alias;
			if (Array.isArray(alias)) config.resolve!.alias = alias.filter((a: {find: unknown}) => a.find !== 'wxt/browser');
			else if (alias) delete (alias as Record<string, string>)['wxt/browser'];
			const site = entrypoints.length === 1 ? sites.find((s) => siteScriptName(s.id) === entrypoints[0]!.name) : undefined;
			if (site) config.plugins = [...(config.plugins ?? []), carryOnly(site.id)];
		},
		// Only in `--mode e2e` (never in a release build): the Firefox test driver cannot open moz-extension:// pages
		// itself, so the test page navigates there, which Firefox allows only for web-accessible pages; and one test
		// site is granted up front, as if its user had accepted the permission prompt.
		'build:manifestGenerated': (wxt, manifest) => {
			if (wxt.config.mode !== 'e2e') return;
			// The built-in sites too: stands in for activeTab, which the popup has when the user opens it on a tab (it
			// puts the generic readers into the tab) and a test cannot get without clicking the toolbar.
			// And the rules update host (the local test server), as if the user had accepted its prompt when switching updates on.
			const rulesHost = new URL(rulesUpdateUrl(wxt.config.mode) ?? E2E_RULES_URL);
			const granted = [...E2E_USER_SITES, `${rulesHost.protocol}//${rulesHost.hostname}/*`, ...siteMatches()];
			if (manifest.manifest_version === 3) manifest.host_permissions = [...(manifest.host_permissions ?? []), ...granted];
			else manifest.permissions = [...(manifest.permissions ?? []), ...granted];
			const pages = ['popup.html', 'options.html', 'check-in-card.html', 'welcome.html', 'privacy.html'];
			const current = (manifest.web_accessible_resources ?? []) as WebAccessible[];
			manifest.web_accessible_resources = (
				manifest.manifest_version === 2 ? [...current, ...pages] : [...current, {resources: pages, matches: ['<all_urls>']}]
			) as typeof manifest.web_accessible_resources;
		},
	},
	// CTC_SOURCEMAP=1: source maps, to see what the bundles are made of; CTC_SOURCEMAP=plain: not minified either, so a
	// CPU profile's line ticks point at lines of code (for profiling only: the code is larger and starts slower).
	// JSON as JSON.parse('…'), which engines parse faster than an object literal (the background's and the pages' data).
	// The rules update URL and (e2e only) the test key reach the code as import.meta.env (lib/browser/rules-config.ts).
	vite: ({mode}) => ({
		plugins: [preact()],
		json: {stringify: true},
		define: {
			'import.meta.env.CTC_RULES_UPDATE_URL': JSON.stringify(rulesUpdateUrl(mode) ?? ''),
			'import.meta.env.CTC_RULES_TEST_KEYS': JSON.stringify(e2eKeys(mode)),
			'import.meta.env.CTC_COMPACT_DIGEST': JSON.stringify(compactDigest()),
		},
		...(process.env.CTC_SOURCEMAP ? {build: {sourcemap: true, ...(process.env.CTC_SOURCEMAP === 'plain' ? {minify: false} : {})}} : {}),
	}),
});
