// The failed tests of a run, one line each, for the end of `npm test` (scripts/test-all.mjs): a CI log may keep only its
// last lines, and a tier's count ("1 failed") says nothing of which test. Reads the JSON reports vitest and Playwright
// write; a report of another shape gives no lines rather than throwing.
import path from 'node:path';

/**
 * Each failed test of a vitest JSON report (`testResults[].assertionResults[]`) as `LABEL: FILE > NAME: first line of
 * its error`, and each file that failed without a failed test (a suite that did not load) as `LABEL: FILE: message`.
 * @param {string} label
 * @param {unknown} report
 * @param {string} [root] file names are given relative to it
 * @returns {string[]}
 */
export function vitestFailures(label, report, root = process.cwd()) {
	const lines = [];
	for (const file of asArray(report?.testResults)) {
		const where = path.relative(root, String(file?.name ?? ''));
		const failed = asArray(file?.assertionResults).filter((t) => t?.status === 'failed');
		for (const t of failed) lines.push(`${label}: ${where} > ${t.fullName ?? t.title}: ${firstLine(asArray(t.failureMessages)[0])}`);
		if (file?.status === 'failed' && failed.length === 0) lines.push(`${label}: ${where}: ${firstLine(file.message)}`);
	}
	return lines;
}

/**
 * Each test of a Playwright JSON report that failed or passed only on a retry (`unexpected`, `flaky`), as
 * `LABEL: FILE > DESCRIBE > TITLE (status): first line of its first error`. Suites nest: a file, then its describes.
 * @param {string} label
 * @param {unknown} report
 * @returns {string[]}
 */
export function playwrightFailures(label, report) {
	const lines = [];
	const walk = (suite, titles) => {
		for (const spec of asArray(suite?.specs)) {
			for (const t of asArray(spec?.tests)) {
				if (t?.status !== 'unexpected' && t?.status !== 'flaky') continue;
				const error = asArray(t.results)
					.map((r) => r?.error?.message)
					.find(Boolean);
				lines.push(
					`${label}: ${spec.file ?? suite.file ?? ''} > ${[...titles, spec.title].join(' > ')} (${t.status}): ${firstLine(error)}`,
				);
			}
		}
		for (const child of asArray(suite?.suites)) walk(child, [...titles, child.title]);
	};
	// A top-level suite is a file: its title is the file's name, which the line gives already.
	for (const file of asArray(report?.suites)) walk(file, []);
	return lines;
}

/** The first line with text of an error message, without terminal colours, at most 300 characters. */
export function firstLine(text) {
	const plain = String(text ?? 'no message').replace(/\u001b\[[0-9;]*m/g, '');
	const line = plain.split('\n').find((l) => l.trim() !== '') ?? 'no message';
	return line.trim().slice(0, 300);
}

function asArray(value) {
	return Array.isArray(value) ? value : [];
}
