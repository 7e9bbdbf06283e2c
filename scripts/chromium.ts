/**
 * The system Chromium with a fresh profile and, when given, the built extension: how the demo, the bench and the
 * end-to-end tests open a browser. Nothing leaves the machine: every http(s) request is refused unless a route added
 * later answers it (only http(s): a '**' route would also swallow chrome-extension:// pages).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {chromium, type BrowserContext, type Page} from '@playwright/test';

export const CHROMIUM = '/usr/bin/chromium';

type LaunchOptions = {
	/** The unpacked extension to load; none: a browser without it. */
	extDir?: string;
	headless?: boolean;
	viewport?: {width: number; height: number};
	/** The temporary profile folder's name starts with this. */
	profilePrefix: string;
	/**
	 * The extension opens its welcome page when it is installed, which a fresh profile always does: by default that
	 * tab is waited for and closed, so a session starts with no page of the extension's in front; keep it to test it.
	 * A build without a welcome page (an older commit's, measured by `npm run bench -- --before`) is not waited for,
	 * unless the welcome page is to be kept.
	 */
	keepWelcome?: boolean;
};

export type LaunchedChromium = {
	context: BrowserContext;
	/** The welcome page the install opened (only with `keepWelcome`). */
	welcome?: Page;
	/** Closes the browser and deletes its profile. */
	close: () => Promise<void>;
};

/** How long an install may take to open its welcome page. */
const WELCOME_TIMEOUT_MS = 15_000;

/** The welcome page the extension opened on install (waited for). */
export async function welcomePage(context: BrowserContext): Promise<Page> {
	const deadline = Date.now() + WELCOME_TIMEOUT_MS;
	for (;;) {
		const page = context.pages().find((p) => /^chrome-extension:\/\/[a-p]{32}\/welcome\.html/.test(p.url()));
		if (page) return page;
		if (Date.now() > deadline) throw new Error('the extension opened no welcome page on install');
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

export async function launchChromium({
	extDir,
	headless = true,
	viewport,
	profilePrefix,
	keepWelcome = false,
}: LaunchOptions): Promise<LaunchedChromium> {
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
	let welcome: Page | undefined;
	if (extDir && (keepWelcome || fs.existsSync(path.join(extDir, 'welcome.html')))) {
		try {
			welcome = await welcomePage(context);
			if (!keepWelcome) {
				await welcome.close();
				welcome = undefined;
			}
		} catch (error) {
			await close();
			throw error;
		}
	}
	return {context, close, ...(welcome ? {welcome} : {})};
}

/** The loaded extension's id, from its service worker (waited for when it has not started yet). */
export async function extensionIdOf(context: BrowserContext): Promise<string> {
	let [worker] = context.serviceWorkers();
	worker ??= await context.waitForEvent('serviceworker');
	return new URL(worker.url()).host;
}
