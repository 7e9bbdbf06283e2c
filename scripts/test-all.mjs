// `npm test`: every tier, in order, then one plain summary line `N passed, N failed` over all of them.
// Tiers: type check, lint and format, dataset check, unit + DOM tests (vitest), the same on a later clock (libfaketime,
// scripts/later-clock.mjs), builds, end-to-end tests in real Chromium (Playwright) and in real Firefox (puppeteer-core over
// WebDriver BiDi), and addons-linter on the Firefox build.
// Exits non-zero when any step or test fails. A missing browser is installed (as root) or fails the run: never skipped.
import {spawnSync} from 'node:child_process';
import {ensureInstalled} from './apt-install.mjs';
import {bundledLaterClock} from './later-clock.mjs';
import {playwrightFailures, vitestFailures} from './test-failures.mjs';
import {mkdirSync, readFileSync, readdirSync, rmSync, existsSync} from 'node:fs';
import path from 'node:path';

const OUT = path.resolve('.test-results');
rmSync(OUT, {recursive: true, force: true});
mkdirSync(OUT, {recursive: true});

let passed = 0;
let failed = 0;
const failures = [];
/** Each failed test by name, with the first line of its error, listed again at the end (a CI log keeps only its tail). */
const failedTests = [];

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
// libfaketime, for the later-clock tier below.
const clockOk = ensureInstalled([{bin: '/usr/bin/faketime', pkg: 'faketime'}], 'faketime');
if (!clockOk) failed++;
step('typecheck', 'npx', ['tsc', '--noEmit']);
// The layers of docs/architecture.md, and the code's format.
step('lint (ESLint: layers, cycles, entry points)', 'npx', ['eslint', '.']);
step('format (Prettier)', 'npx', ['prettier', '--check', '.']);
step('dataset', 'npx', ['tsx', 'scripts/validate-data.ts']);

/**
 * A vitest run whose JSON report (`.test-results/NAME.json`) counts every test; no report, or a failed run with no
 * failed test (a suite that failed to load), counts as one failure.
 */
function vitestTier(label, name, args, noTests) {
	const json = path.join(OUT, `${name}.json`);
	const ok = run(label, 'npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${json}`]);
	const report = readJson(json);
	if (report) {
		passed += report.numPassedTests;
		failed += report.numFailedTests;
		if (report.numTotalTests === 0) failures.push(noTests);
		noteVitestFailures(label, report);
	} else failed++;
	if (!ok && report && report.numFailedTests === 0) failed++;
}

function noteVitestFailures(label, report) {
	failedTests.push(...vitestFailures(label, report));
}

vitestTier('unit and DOM tests', 'vitest', [], 'vitest ran no test');

/**
 * The unit and DOM tests again, with the system clock (libfaketime) set past the rules' scheduled ends and a year past
 * their review (scripts/later-clock.mjs): a test that relies on today coming before one of those dates fails now, not
 * on the day the date passes. One check: passed when every test passes there; each test that fails there counts as a
 * failure. The clock is checked first: a clock that did not move would pass the tier without testing anything.
 * Firefox does not start under libfaketime (it hangs, even with the clock unchanged), so the browsers' tiers run on the
 * real clock only.
 */
function laterClockTier() {
	const label = 'unit and DOM tests on a later clock';
	const {date, reason} = bundledLaterClock();
	// The library itself, preloaded, rather than the `faketime` wrapper: the wrapper makes a named semaphore and shared
	// memory from its own process id (/dev/shm/sem.faketime_sem_PID) and gives up when one is there already, which a run
	// killed earlier leaves behind and a later process with the same id meets ("sem_open: File exists"). The faked clock
	// is the same: it starts at the date and runs on, in each process on its own.
	const lib = fakeTimeLibrary();
	if (!lib) {
		failures.push(`${label}: libfaketime.so.1 not found under /usr/lib`);
		failed++;
		return;
	}
	const faked = {LD_PRELOAD: lib, FAKETIME: `@${date} 12:00:00`};
	console.log(`\nlater clock: ${date}, ${reason}`);
	const read = spawnSync('node', ['-e', 'process.stdout.write(new Date().toISOString())'], {
		encoding: 'utf8',
		env: {...process.env, ...faked},
	});
	const now = read.status === 0 ? read.stdout.slice(0, 10) : undefined;
	if (now !== date) {
		failures.push(
			`${label}: the clock read ${now ?? `nothing (${read.error?.message ?? read.stderr.trim()})`} under libfaketime, not ${date}`,
		);
		failed++;
		return;
	}
	const json = path.join(OUT, 'vitest-later-clock.json');
	const ok = run(label, 'npx', ['vitest', 'run', '--reporter=dot', '--reporter=json', `--outputFile.json=${json}`], faked);
	const report = readJson(json);
	if (report) noteVitestFailures(label, report);
	if (ok && report && report.numFailedTests === 0 && report.numTotalTests > 0) passed++;
	else failed += Math.max(1, report?.numFailedTests ?? 0);
}

/** libfaketime's library as Debian installs it (/usr/lib/<multiarch>/faketime/libfaketime.so.1). */
function fakeTimeLibrary() {
	for (const dir of ['/usr/lib', ...readdirSync('/usr/lib').map((d) => path.join('/usr/lib', d))]) {
		const file = path.join(dir, 'faketime', 'libfaketime.so.1');
		if (existsSync(file)) return file;
	}
	return undefined;
}

if (clockOk) laterClockTier();
else failures.push('unit and DOM tests on a later clock not run: faketime missing');

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
		failedTests.push(...playwrightFailures('end-to-end tests (Chromium)', p));
	} else failed++;
	if (!pwOk && p?.stats && p.stats.unexpected === 0) failed++;
} else {
	failures.push('end-to-end tests not run: build or browser missing');
	failed++;
}

// Firefox runs after Chromium: its cross-browser test compares with the badges Chromium recorded.
if (firefoxBuildOk && browsersOk) {
	vitestTier('end-to-end tests (Firefox)', 'firefox', ['-c', 'vitest.firefox.config.ts'], 'Firefox suite ran no test');
} else {
	failures.push('Firefox end-to-end tests not run: build or browser missing');
	failed++;
}

if (failedTests.length > 0) console.log(`\nFailed tests:\n${failedTests.map((t) => `  - ${t}`).join('\n')}`);
if (failures.length > 0) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || failures.length > 0 ? 1 : 0);
