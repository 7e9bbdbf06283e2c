/**
 * `npm run store:images`: the two store images made from the icon's one drawing (assets/icon.svg), written to store/
 * and committed (the stores take uploads; nothing in the build needs them):
 *
 * - store/icon-128.png: the Chrome Web Store's store icon, which it wants as 96 × 96 artwork inside 16 px of
 *   transparent padding. The manifest's own 128 px icon (built by @wxt-dev/auto-icons) fills the square instead,
 *   because the same drawing must still read at 16 px in the toolbar.
 * - store/promo-small-440x280.png: the Chrome Web Store's required small promo tile, without alpha (the store refuses
 *   PNGs with an alpha channel).
 *
 * The tile's words are drawn with the machine's fonts (DejaVu Sans and WenQuanYi Zen Hei on Debian), so run it where
 * both are installed and look at the result before committing. test/unit/store/images.test.ts checks sizes and alpha.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const ICON = 'assets/icon.svg';
const OUT = 'store';

const TILE = {width: 440, height: 280, background: '#eef3fd'};
const INK = '#1f2328';

/** The tile's words: the English name, the Chinese name, and what it does, in one line each. */
function tileText(): string {
	const family = `'DejaVu Sans', 'WenQuanYi Zen Hei', sans-serif`;
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${TILE.width}" height="${TILE.height}">
	<g font-family="${family}" fill="${INK}" text-anchor="middle">
		<text x="220" y="170" font-size="30" font-weight="bold">China Transit Check</text>
		<text x="220" y="206" font-size="22">中国过境免签查询</text>
		<text x="220" y="246" font-size="16" fill="#3d4450">Visa-free transit, checked where you book</text>
	</g>
</svg>`;
}

async function storeIcon(svg: Buffer): Promise<void> {
	const art = await sharp(svg).resize(96, 96).png().toBuffer();
	await sharp(art)
		.extend({top: 16, bottom: 16, left: 16, right: 16, background: {r: 0, g: 0, b: 0, alpha: 0}})
		.png()
		.toFile(path.join(OUT, 'icon-128.png'));
}

async function promoTile(svg: Buffer): Promise<void> {
	const icon = await sharp(svg).resize(112, 112).png().toBuffer();
	await sharp({create: {width: TILE.width, height: TILE.height, channels: 3, background: TILE.background}})
		.composite([
			{input: icon, left: (TILE.width - 112) / 2, top: 18},
			{input: Buffer.from(tileText()), left: 0, top: 0},
		])
		// Composited PNGs keep an alpha channel unless it is dropped explicitly.
		.flatten({background: TILE.background})
		.removeAlpha()
		.png()
		.toFile(path.join(OUT, 'promo-small-440x280.png'));
}

const svg = fs.readFileSync(ICON);
await storeIcon(svg);
await promoTile(svg);
console.log(`store-images: wrote ${OUT}/icon-128.png and ${OUT}/promo-small-440x280.png from ${ICON}`);
