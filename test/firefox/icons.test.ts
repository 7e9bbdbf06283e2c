/**
 * The Firefox package's icons and store-facing manifest, as AMO and Firefox read them: the icons the manifest declares
 * (present, PNGs of the declared size), the toolbar button's icon, the version from package.json and the data
 * collection declaration, on the release build (`.output/firefox-mv2`, what `npm run zip` packs); then the same build
 * with the test pages made web-accessible (`.output/firefox-mv2-e2e`) installed in Firefox ESR, which decodes the
 * icons as the extension's drawing. Chromium: test/e2e/store.spec.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {Browser} from 'puppeteer-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {looksLikeOurIcon, pngHeader, summarisePixels} from '../unit/store/png';
import {launchWithExtension} from './launch';

const RELEASE_DIR = path.resolve('.output/firefox-mv2');
const E2E_DIR = path.resolve(process.env.FF_EXT_DIR ?? '.output/firefox-mv2-e2e');
const UUID = '0c6f2a1e-3b5d-4e7f-9a8b-1c2d3e4f5a6b'; // pins moz-extension://<uuid>

type Manifest = {
	version: string;
	icons?: Record<string, string>;
	browser_action?: {default_icon?: Record<string, string>};
	browser_specific_settings?: {gecko?: {data_collection_permissions?: {required?: string[]}}};
};

function manifestOf(dir: string): Manifest {
	return JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

/** Each declared icon's file exists and is a PNG of exactly the size it is declared for. */
function expectIconFiles(dir: string, icons: Record<string, string>): void {
	for (const [size, file] of Object.entries(icons)) {
		const full = path.join(dir, file);
		expect(fs.existsSync(full), `${file} (declared for ${size} px)`).toBe(true);
		const {width, height} = pngHeader(fs.readFileSync(full));
		expect({file, width, height}).toEqual({file, width: Number(size), height: Number(size)});
	}
}

describe('the Firefox package (release build)', () => {
	const manifest = manifestOf(RELEASE_DIR);

	it('declares the icons Firefox and AMO use (48 and 96 px, and 16 to 128), each a PNG of that size', () => {
		expect(Object.keys(manifest.icons ?? {})).toEqual(expect.arrayContaining(['16', '32', '48', '96', '128']));
		expectIconFiles(RELEASE_DIR, manifest.icons!);
	});

	it('gives the toolbar button its icon at 16 and 32 px', () => {
		const toolbar = manifest.browser_action?.default_icon ?? {};
		expect(Object.keys(toolbar)).toEqual(expect.arrayContaining(['16', '32']));
		expectIconFiles(RELEASE_DIR, toolbar);
	});

	it('asks only for what is used, and gives a page nothing to load from it', () => {
		const m = manifestOf(RELEASE_DIR) as Manifest & {
			permissions?: string[];
			optional_permissions?: string[];
			web_accessible_resources?: unknown;
			content_security_policy?: unknown;
			content_scripts: {matches: string[]; all_frames?: boolean}[];
		};
		// MV2: host permissions sit among the permissions. None beyond the booking sites the content scripts declare;
		// other sites one at a time, when the user adds one (the optional patterns are what a request may name).
		expect(m.permissions).toEqual(['storage', 'activeTab', 'scripting', 'contextMenus']);
		expect(m.optional_permissions).toEqual(['https://*/*', 'http://*/*']);
		const matches = m.content_scripts.flatMap((c) => c.matches);
		expect(matches).toContain('https://www.google.com/travel/flights*');
		expect(matches.every((p) => p.startsWith('https://') && !p.startsWith('https://*/'))).toBe(true);
		expect(m.content_scripts.every((c) => !c.all_frames)).toBe(true);
		// One web-accessible file, the badge's details frame (its address is under this installation's random UUID,
		// which a page does not know; only the end-to-end build has more, for the test driver), and no remote code
		// (the default CSP).
		expect(m.web_accessible_resources).toEqual(['details.html']);
		expect(m.content_security_policy).toBeUndefined();
	});

	it("carries package.json's version and declares that it collects no data", () => {
		const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {version: string};
		expect(manifest.version).toBe(pkg.version);
		expect(manifest.browser_specific_settings?.gecko?.data_collection_permissions).toEqual({required: ['none']});
	});
});

describe('the icons in Firefox', () => {
	let browser: Browser;

	beforeAll(async () => {
		browser = await launchWithExtension(E2E_DIR, UUID);
	});

	afterAll(async () => {
		await browser?.close();
	});

	it("decodes the toolbar and store icons as the extension's drawing, not a blank", async () => {
		const manifest = manifestOf(E2E_DIR);
		const page = await browser.newPage();
		await page.goto('about:blank');
		// BiDi will not navigate to moz-extension:// directly; a page may, to a web-accessible extension page (e2e build).
		await page.evaluate((u) => void (location.href = u), `moz-extension://${UUID}/popup.html`);
		await page.waitForFunction(() => location.protocol === 'moz-extension:' && document.readyState === 'complete');
		const files = new Set([...Object.values(manifest.browser_action!.default_icon!), manifest.icons!['48']!, manifest.icons!['96']!]);
		for (const file of files) {
			const pixels = await page.evaluate(summarisePixels, `/${file}`);
			expect(looksLikeOurIcon(pixels), `${file}: ${JSON.stringify(pixels)}`).toBe(true);
		}
		await page.close();
	});
});
