/**
 * What the Chrome Web Store package ships for the store and the toolbar: the icons the manifest declares (present,
 * PNGs of the declared size, the extension's own drawing as Chromium decodes it, not a blank or the grey letter it
 * draws for an extension without one), the version from package.json, and the pages' favicon. On the release build,
 * the one that is zipped for the store. Firefox: test/firefox/icons.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import {looksLikeOurIcon, pngHeader, summarisePixels} from '../unit/store/png';
import {expect, EXT_DIR, test} from './fixtures';

type Manifest = {version: string; icons?: Record<string, string>; action?: {default_icon?: Record<string, string>}};

const manifest = JSON.parse(fs.readFileSync(path.join(EXT_DIR, 'manifest.json'), 'utf8')) as Manifest;
/** The extension's pages (popup, options, check-in card, …): every HTML file at the top of the build. */
const PAGES = fs.readdirSync(EXT_DIR).filter((f) => f.endsWith('.html'));

/** Each declared icon's file exists and is a PNG of exactly the size it is declared for. */
function expectIconFiles(icons: Record<string, string>): void {
	for (const [size, file] of Object.entries(icons)) {
		const full = path.join(EXT_DIR, file);
		expect(fs.existsSync(full), `${file} (declared for ${size} px)`).toBe(true);
		const {width, height} = pngHeader(fs.readFileSync(full));
		expect({file, width, height}).toEqual({file, width: Number(size), height: Number(size)});
	}
}

test.use({extDir: EXT_DIR});

test('the manifest declares the icons at 16, 32, 48 and 128 px, each a PNG of that size', () => {
	expect(Object.keys(manifest.icons ?? {})).toEqual(expect.arrayContaining(['16', '32', '48', '128']));
	expectIconFiles(manifest.icons!);
});

test('the toolbar button has its own icon: declared at 16 and 32 px, each a PNG of that size', () => {
	const toolbar = manifest.action?.default_icon ?? {};
	expect(Object.keys(toolbar)).toEqual(expect.arrayContaining(['16', '32']));
	expectIconFiles(toolbar);
});

test("the version is package.json's", () => {
	const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {version: string};
	expect(manifest.version).toBe(pkg.version);
});

test("Chromium draws the toolbar and store icons as the extension's drawing, not a blank or a letter", async ({context, extensionId}) => {
	const page = await context.newPage();
	await page.goto(`chrome-extension://${extensionId}/popup.html`);
	const files = new Set([...Object.values(manifest.action!.default_icon!), manifest.icons!['128']!]);
	for (const file of files) {
		const pixels = await page.evaluate(summarisePixels, `/${file}`);
		expect(looksLikeOurIcon(pixels), `${file}: ${JSON.stringify(pixels)}`).toBe(true);
	}
});

test("the extension's pages show the icon as their favicon", async ({context, extensionId}) => {
	expect(PAGES).toEqual(expect.arrayContaining(['popup.html', 'options.html', 'check-in-card.html']));
	const links = PAGES.map((p) => /<link rel="icon"[^>]*href="([^"]+)"/.exec(fs.readFileSync(path.join(EXT_DIR, p), 'utf8'))?.[1]);
	expect(PAGES.filter((_, i) => !links[i])).toEqual([]);
	const page = await context.newPage();
	for (const [i, name] of PAGES.entries()) {
		await page.goto(`chrome-extension://${extensionId}/${name}`);
		const href = await page.locator('link[rel="icon"]').getAttribute('href');
		expect(href, name).toBe(links[i]);
		expect(Object.values(manifest.icons!), name).toContain(href!.replace(/^\//, ''));
		expect(looksLikeOurIcon(await page.evaluate(summarisePixels, href!)), name).toBe(true);
	}
});
