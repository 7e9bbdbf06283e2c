/**
 * The store images (store/README.md): the store icon and the promo tile that `npm run store:images` makes, and any
 * screenshots in store/screenshots/, have the sizes and formats the Chrome Web Store accepts. The extension's own
 * icons are checked on the built packages (test/e2e/store.spec.ts, test/firefox/icons.test.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {pngHeader, storedRows, type PngHeader} from './png';

const RGB = 2; // PNG colour type without alpha: the store's "24-bit PNG"
const RGBA = 6;
const SCREENSHOTS = 'store/screenshots';
const SCREENSHOT_NAME = /^(badges|details|popup|check-in-card)-(light|dark)-(en|zh-CN)\.png$/;
const REQUIRED_SCREENSHOTS = ['badges-light-en.png', 'badges-dark-en.png', 'badges-light-zh-CN.png', 'badges-dark-zh-CN.png'];

function header(file: string): PngHeader {
	return pngHeader(fs.readFileSync(file));
}

describe('pngHeader', () => {
	it('reads the size and colour type from the IHDR chunk, and refuses what is not a PNG', () => {
		expect(header('store/icon-128.png')).toEqual({width: 128, height: 128, bitDepth: 8, colorType: RGBA});
		expect(() => pngHeader(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toThrow('not a PNG');
	});
});

describe('store images', () => {
	it('has the Chrome Web Store icon: 128 × 128 with a 16 px transparent margin around the artwork', () => {
		const bytes = fs.readFileSync('store/icon-128.png');
		expect(pngHeader(bytes)).toMatchObject({width: 128, height: 128, colorType: RGBA});
		const rows = storedRows(bytes);
		const zero = (b: Buffer) => b.every((v) => v === 0);
		// The top 16 rows and the left 16 pixels of every row are transparent; the artwork starts right after them.
		expect(rows.slice(0, 16).every((r) => zero(r.subarray(1)))).toBe(true);
		expect(rows.every((r) => zero(r.subarray(1, 1 + 16 * 4)))).toBe(true);
		expect(zero(rows[64]!.subarray(1))).toBe(false);
	});

	it('has the small promo tile: 440 × 280, 24-bit, no alpha', () => {
		expect(header('store/promo-small-440x280.png')).toEqual({width: 440, height: 280, bitDepth: 8, colorType: RGB});
	});

	it('keeps screenshots at 1280 × 800 (or 640 × 400), without alpha, named as store/screenshots/README.md says', () => {
		const pngs = fs.readdirSync(SCREENSHOTS).filter((f) => f.toLowerCase().endsWith('.png'));
		for (const file of pngs) {
			expect(file, `${file}: <scene>-<light|dark>-<en|zh-CN>.png`).toMatch(SCREENSHOT_NAME);
			const h = header(path.join(SCREENSHOTS, file));
			expect(['1280x800', '640x400'], file).toContain(`${h.width}x${h.height}`);
			expect({bitDepth: h.bitDepth, colorType: h.colorType}, `${file}: 24-bit PNG without alpha`).toEqual({
				bitDepth: 8,
				colorType: RGB,
			});
		}
		for (const lang of ['en', 'zh-CN']) {
			const mine = pngs.filter((f) => f.endsWith(`-${lang}.png`));
			expect(mine.length, `screenshots for ${lang} (the Chrome Web Store takes 5)`).toBeLessThanOrEqual(5);
		}
		// Until the demo script makes them the folder holds only its README; once it holds any, it holds the required set.
		if (pngs.length > 0) for (const file of REQUIRED_SCREENSHOTS) expect(pngs, file).toContain(file);
	});
});
