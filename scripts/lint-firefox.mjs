// addons-linter on the Firefox build: fails on any error, and on any warning not explained in the README
// ("Firefox" section). The two accepted warnings come from library code we ship but never run with page input.
// `node scripts/lint-firefox.mjs [PATH]`: the unpacked build by default (npm test), or the packed store zip before an
// upload (`npm run zip:lint` names `.output/<name>-<version>-firefox.zip`).
import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';

const EXPLAINED = new Set([
	'UNSAFE_VAR_ASSIGNMENT', // Preact's runtime supports dangerouslySetInnerHTML; our components never use it
	'DANGEROUS_EVAL', // zod's JIT probe (`new Function`); disabled with z.config({jitless: true}), never called
]);

function target() {
	if (process.argv[2] !== '--zip') return process.argv[2] ?? '.output/firefox-mv2';
	const {name, version} = JSON.parse(readFileSync('package.json', 'utf8'));
	return `.output/${name}-${version}-firefox.zip`;
}
const path = target();
if (!existsSync(path)) {
	console.error(`lint-firefox: ${path} not found (npm run build, or npm run zip for the store zip)`);
	process.exit(1);
}
const r = spawnSync('npx', ['addons-linter', path, '--output', 'json'], {encoding: 'utf8'});
let report;
try {
	report = JSON.parse(r.stdout);
} catch {
	console.error(`lint-firefox: addons-linter gave no report (exit ${r.status}): ${r.stderr.trim().split('\n')[0] ?? ''}`);
	process.exit(1);
}
const unexplained = report.warnings.filter((w) => !EXPLAINED.has(w.code));
for (const m of [...report.errors, ...unexplained]) console.error(`lint-firefox: ${m.type} ${m.code} ${m.file ?? ''}: ${m.message}`);
console.log(
	`lint-firefox: ${path}: ${report.errors.length} errors, ${report.warnings.length} warnings (${report.warnings.length - unexplained.length} explained in the README), ${report.notices.length} notices`,
);
process.exit(report.errors.length > 0 || unexplained.length > 0 ? 1 : 0);
