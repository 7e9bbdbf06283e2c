/**
 * What the icon and store-image tests need to know about a PNG without an image library: its header (the IHDR chunk
 * that every PNG starts with), its rows as stored, and a summary of its pixels as a browser decodes them.
 */
import zlib from 'node:zlib';

/** PNG colour types (the IHDR byte): 2 is RGB, 6 is RGB with alpha, 0 and 4 are grey without and with alpha. */
export type PngHeader = {width: number; height: number; bitDepth: number; colorType: number};

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The header of a PNG file's bytes; throws when they are not a PNG. */
export function pngHeader(bytes: Buffer): PngHeader {
	if (bytes.length < 33 || !bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG (no PNG signature)');
	// The first chunk must be IHDR: length (4 bytes), type (4), then width and height (4 each, big-endian), bit depth, colour type.
	if (bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG (first chunk is not IHDR)');
	return {width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), bitDepth: bytes[24]!, colorType: bytes[25]!};
}

/**
 * The image data of a non-interlaced PNG, one buffer a row as stored: a filter byte, then the row's filtered bytes. A
 * byte stays 0 after any filter where the pixel and its left, upper and upper-left neighbours are all 0 (transparent
 * black), so a transparent margin at the top and the left reads as zeros without undoing the filters.
 */
export function storedRows(bytes: Buffer): Buffer[] {
	const {width, height, bitDepth, colorType} = pngHeader(bytes);
	const channels = {0: 1, 2: 3, 4: 2, 6: 4}[colorType];
	if (bitDepth !== 8 || channels === undefined)
		throw new Error(`storedRows: 8-bit grey or RGB(A) only, not ${bitDepth}-bit type ${colorType}`);
	const idat: Buffer[] = [];
	for (let at = 8; at < bytes.length;) {
		const size = bytes.readUInt32BE(at);
		if (bytes.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + size));
		at += 12 + size;
	}
	const data = zlib.inflateSync(Buffer.concat(idat));
	const stride = 1 + width * channels;
	return Array.from({length: height}, (_, y) => data.subarray(y * stride, (y + 1) * stride));
}

/** How many pixels of an image are drawn, and how many of those are the icon's blue and white. */
export type PixelSummary = {width: number; height: number; total: number; opaque: number; blue: number; white: number};

/**
 * Runs in the browser (page.evaluate in Playwright and puppeteer): decodes the image at `url` as the browser does and
 * counts its pixels. Self-contained on purpose, since it is sent to the page as source text.
 */
export async function summarisePixels(url: string): Promise<PixelSummary> {
	const img = new Image();
	img.src = url;
	await img.decode();
	const canvas = document.createElement('canvas');
	canvas.width = img.naturalWidth;
	canvas.height = img.naturalHeight;
	const ctx = canvas.getContext('2d')!;
	ctx.drawImage(img, 0, 0);
	const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
	let opaque = 0;
	let blue = 0;
	let white = 0;
	for (let i = 0; i < data.length; i += 4) {
		const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
		if (a < 128) continue;
		opaque++;
		if (b > 150 && r < 90 && b - g > 60) blue++;
		if (r > 200 && g > 200 && b > 200) white++;
	}
	return {width: canvas.width, height: canvas.height, total: data.length / 4, opaque, blue, white};
}

/**
 * Whether decoded pixels are our drawing (assets/icon.svg: a blue tile with a white route) rather than a blank image or
 * the grey letter a browser draws for an extension without an icon. Loose enough for any size's antialiasing.
 */
export function looksLikeOurIcon(s: PixelSummary): boolean {
	return s.opaque / s.total > 0.7 && s.blue / s.opaque > 0.4 && s.white / s.opaque > 0.08;
}
