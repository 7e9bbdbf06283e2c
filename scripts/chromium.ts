/**
 * The system Chromium with a fresh profile and, when given, the built extension: how the demo, the bench and the
 * end-to-end tests open a browser. Nothing leaves the machine: every http(s) request is refused unless a route added
 * later answers it (only http(s): a '**' route would also swallow chrome-extension:// pages).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {chromium, type BrowserContext} from '@playwright/test';

export const CHROMIUM = '/usr/bin/chromium';

type LaunchOptions = {
	/** The unpacked extension to load; none: a browser without it. */
	extDir?: string;
	headless?: boolean;
	viewport?: {width: number; height: number};
	/** The temporary profile folder's name starts with this. */
	profilePrefix: string;
};

export type LaunchedChromium = {
	context: BrowserContext;
	/** Closes the browser and deletes its profile. */
	close: () => Promise<void>;
};

export async function launchChromium({extDir, headless = true, viewport, profilePrefix}: LaunchOptions): Promise<LaunchedChromium> {
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), profilePrefix));
	const args = [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
	];
	if (extDir) args.push(`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`);
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless,
		args,
		...(viewport ? {viewport} : {}),
	});
	const close = async () => {
		await context.close();
		fs.rmSync(profile, {recursive: true, force: true});
	};
	try {
		await context.route(
			(url) => url.protocol === 'http:' || url.protocol === 'https:',
			(route) => route.abort(),
		);
	} catch (error) {
		await close();
		throw error;
	}
	return {context, close};
}

/** The loaded extension's id, from its service worker (waited for when it has not started yet). */
export async function extensionIdOf(context: BrowserContext): Promise<string> {
	let [worker] = context.serviceWorkers();
	worker ??= await context.waitForEvent('serviceworker');
	return new URL(worker.url()).host;
}
