// `npm test`: every tier, in order, then one plain summary line `N passed, N failed` over all of them.
// Tiers: type check, lint and format, dataset check, unit + DOM tests (vitest), builds, end-to-end tests in real Chromium (Playwright)
// and in real Firefox (puppeteer-core over WebDriver BiDi), and addons-linter on the Firefox build.
// Exits non-zero when any step or test fails. A missing browser is installed (as root) or fails the run: never skipped.
import {spawnSync} from 'node:child_process';
import {mkdirSync, readFileSync, rmSync, existsSync} from 'node:fs';
import path from 'node:path';

const OUT = path.resolve('.test-results');
rmSync(OUT, {recursive: true, force: true});
mkdirSync(OUT, {recursive: true});

let passed = 0;
let failed = 0;
const failures = [];

function run(label, cmd, args, env = {}) {
	console.log(`\n=== ${label}: ${[cmd, ...args].join(' ')}`);
	const r = spawnSync(cmd, args, {stdio: 'inherit', env: {...process.env, ...env}});
	const ok = r.status === 0;
	if (!ok) failures.push(`${label} (exit ${r.status ?? r.signal})`);
	return ok;
}

/** A step that is itself one check (type check, build): counts as one passed or failed test. */
function step(label, cmd, args) {
	if (run(label, cmd, args)) passed++;
	else failed++;
}

function readJson(file) {
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

const browsersOk = run('browsers', 'node', ['scripts/ensure-browsers.mjs', '--firefox']);
if (!browsersOk) failed++;
step('typecheck', 'npx', ['tsc', '--noEmit']);
// The layers of docs/architecture.md, and the code's format.
step('lint (ESLint: layers, cycles, entry points)', 'npx', ['eslint', '.']);
step('format (Prettier)', 'npx', ['prettier', '--check', '.']);
step('dataset', 'npx', ['tsx', 'scripts/validate-data.ts']);

const vitestJson = path.join(OUT, 'vitest.json');
const vitestOk = run('unit and DOM tests', 'npx', [
	'vitest',
	'run',
	'--reporter=default',
	'--reporter=json',
	`--outputFile.json=${vitestJson}`,
]);
const v = readJson(vitestJson);
if (v) {
	passed += v.numPassedTests;
	failed += v.numFailedTests;
	if (v.numTotalTests === 0) failures.push('vitest ran no test');
} else failed++;
if (!vitestOk && v && v.numFailedTests === 0) failed++; // a suite that failed to load

const buildOk = run('build', 'npm', ['run', '--silent', 'build']);
if (!buildOk) failed++;

if (buildOk) step('addons-linter (Firefox build)', 'node', ['scripts/lint-firefox.mjs']);
const firefoxBuildOk = buildOk && run('Firefox end-to-end build', 'npx', ['wxt', 'build', '-b', 'firefox', '--mode', 'e2e']);
if (buildOk && !firefoxBuildOk) failed++;
// The release build plus one test site granted up front ("always run on this site" without a prompt to click).
const chromeE2eBuildOk = buildOk && run('Chrome end-to-end build', 'npx', ['wxt', 'build', '--mode', 'e2e']);
if (buildOk && !chromeE2eBuildOk) failed++;

if (buildOk && chromeE2eBuildOk && browsersOk) {
	const pwJson = path.join(OUT, 'playwright.json');
	const pwOk = run('end-to-end tests (Chromium)', 'npx', ['playwright', 'test', '--reporter=list,json'], {
		PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
	});
	const p = readJson(pwJson);
	if (p?.stats) {
		passed += p.stats.expected;
		failed += p.stats.unexpected + (p.stats.flaky ?? 0);
		if (p.stats.expected + p.stats.unexpected === 0) failures.push('playwright ran no test');
	} else failed++;
	if (!pwOk && p?.stats && p.stats.unexpected === 0) failed++;
} else {
	failures.push('end-to-end tests not run: build or browser missing');
	failed++;
}

// Firefox runs after Chromium: its cross-browser test compares with the badges Chromium recorded.
if (firefoxBuildOk && browsersOk) {
	const ffJson = path.join(OUT, 'firefox.json');
	const ffOk = run('end-to-end tests (Firefox)', 'npx', [
		'vitest',
		'run',
		'-c',
		'vitest.firefox.config.ts',
		'--reporter=default',
		'--reporter=json',
		`--outputFile.json=${ffJson}`,
	]);
	const f = readJson(ffJson);
	if (f) {
		passed += f.numPassedTests;
		failed += f.numFailedTests;
		if (f.numTotalTests === 0) failures.push('Firefox suite ran no test');
	} else failed++;
	if (!ffOk && f && f.numFailedTests === 0) failed++;
} else {
	failures.push('Firefox end-to-end tests not run: build or browser missing');
	failed++;
}

if (failures.length > 0) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || failures.length > 0 ? 1 : 0);
