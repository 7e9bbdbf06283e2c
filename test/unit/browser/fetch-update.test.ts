/**
 * The one request of rules updates (lib/browser/rules-updater.ts fetchUpdateText), against a local HTTP server: what
 * it asks for and carries, that it follows no redirect, and that it stops reading a body past the size limit.
 */
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {fetchUpdateText} from '../../../lib/browser/rules-updater';
import {MAX_UPDATE_BYTES} from '../../../lib/rules/signed-update';

const seen: http.IncomingMessage[] = [];
let sent = 0;
const server = http.createServer((req, res) => {
	seen.push(req);
	if (req.url === '/small') return void res.end('{"ok":1}');
	if (req.url === '/moved') {
		res.writeHead(302, {location: '/small'});
		return void res.end();
	}
	if (req.url === '/huge') {
		// 10 MB in 64 kB chunks, unless the reader hangs up first.
		const chunk = Buffer.alloc(65_536, 0x61);
		sent = 0;
		const more = () => {
			while (sent < 10_000_000 && !res.destroyed) {
				sent += chunk.length;
				if (!res.write(chunk)) return void res.once('drain', more);
			}
			res.end();
		};
		return void more();
	}
	res.writeHead(404);
	res.end();
});
let base = '';

beforeAll(async () => {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the rules update request', () => {
	it('is one plain GET of the file, with no cookie, referrer or query', async () => {
		expect(await fetchUpdateText(`${base}/small`, MAX_UPDATE_BYTES)).toEqual({status: 200, text: '{"ok":1}'});
		const req = seen.at(-1)!;
		expect(req.method).toBe('GET');
		expect(req.url).toBe('/small');
		expect(req.headers.cookie).toBeUndefined();
		expect(req.headers.referer).toBeUndefined();
	});

	it('says what the server answered when it is not the file', async () => {
		expect(await fetchUpdateText(`${base}/nothing`, MAX_UPDATE_BYTES)).toMatchObject({status: 404});
	});

	it('follows no redirect', async () => {
		await expect(fetchUpdateText(`${base}/moved`, MAX_UPDATE_BYTES)).rejects.toThrow();
		expect(seen.at(-1)!.url).toBe('/moved');
	});

	it('stops reading past the limit, so a huge answer is refused as too large without being held whole', async () => {
		const {status, text} = await fetchUpdateText(`${base}/huge`, MAX_UPDATE_BYTES);
		expect(status).toBe(200);
		expect(text.length).toBeGreaterThan(MAX_UPDATE_BYTES);
		expect(text.length).toBeLessThan(MAX_UPDATE_BYTES + 1_000_000);
	});
});
