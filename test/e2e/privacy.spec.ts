import fs from 'node:fs';
import path from 'node:path';
import {expect, EXT_DIR, test} from './fixtures';

test('the built manifest asks only for what is used', () => {
	const manifest = JSON.parse(fs.readFileSync(path.join(EXT_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown> & {
		permissions?: string[];
		host_permissions?: string[];
		optional_permissions?: string[];
		optional_host_permissions?: string[];
		content_scripts: {matches: string[]; all_frames?: boolean}[];
		content_security_policy?: unknown;
		web_accessible_resources?: unknown;
		commands?: unknown;
	};
	// activeTab + scripting: the popup's "scan this page", only on the user's click. Other sites only one at a time,
	// asked for when the user adds one (the optional patterns are what a request may name, not a grant).
	expect(manifest.permissions).toEqual(['storage', 'activeTab', 'scripting', 'contextMenus']);
	expect(manifest.optional_permissions ?? []).toEqual([]);
	expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
	// Hosts: only the supported booking sites the content script runs on (the registry test ties those to the
	// adapters); no host permission beyond them, never <all_urls>.
	const matches = manifest.content_scripts.flatMap((c) => c.matches);
	for (const h of manifest.host_permissions ?? []) expect(matches).toContain(h);
	expect(matches).not.toContain('<all_urls>');
	expect(matches.every((m) => m.startsWith('https://') && !m.startsWith('https://*/'))).toBe(true);
	expect(matches).toContain('https://www.google.com/travel/flights*');
	expect(manifest.content_scripts.every((c) => !c.all_frames)).toBe(true);
	// One command: the keys that open the popup, suggested (the browser leaves them unset where they are taken).
	expect(manifest.commands).toEqual({_execute_action: {suggested_key: {default: 'Alt+Shift+K'}}});
	// No remote code: the default extension CSP (no script-src relaxations).
	expect(manifest.content_security_policy).toBeUndefined();
	// One web-accessible file, the badge's details frame, and only at the session's dynamic address: a page could load
	// a file at the extension's fixed id to learn that it is installed.
	expect(manifest.web_accessible_resources).toEqual([{resources: ['details.html'], matches: ['<all_urls>'], use_dynamic_url: true}]);
});

test.describe('the release build', () => {
	test.use({extDir: EXT_DIR});

	test("a page cannot load the details frame at the extension's fixed address", async ({context, extensionId}) => {
		await context.route('https://www.example.com/**', (r) => r.fulfill({status: 200, contentType: 'text/html', body: '<p>page</p>'}));
		const page = await context.newPage();
		await page.goto('https://www.example.com/');
		const probe = (url: string) =>
			page.evaluate(
				(u) =>
					fetch(u).then(
						(r) => `loaded ${r.status}`,
						(e: Error) => `refused: ${e.name}`,
					),
				url,
			);
		expect(await probe(`chrome-extension://${extensionId}/details.html`)).toMatch(/^refused/);
		// The same for a file that is not web-accessible at all: the page cannot tell the two apart.
		expect(await probe(`chrome-extension://${extensionId}/options.html`)).toMatch(/^refused/);
	});
});
