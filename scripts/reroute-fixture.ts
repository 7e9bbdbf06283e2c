/**
 * Makes a rerouted copy of a saved page: the same real markup and CSS, with some airports replaced by others, so
 * that a capture without a connection in mainland China shows what a badge looks like on that site's cards.
 * Airport codes are replaced as whole words only; names (`--name OLD=NEW`) as plain text. Times are left as they
 * are, so a replacement keeps the UTC offset where the times must stay consistent (HKG → PVG, TPE → PEK are both
 * UTC+8). The first line of the output says what was replaced and where the page comes from.
 *
 *   npx tsx scripts/reroute-fixture.ts IN OUT --codes HKG=PVG,TPE=PEK [--name "Hong Kong International Airport=Shanghai Pudong International Airport"]…
 *
 * Never part of CI: the rerouted fixtures are made once, reviewed and committed (test/fixtures/SOURCES.md).
 */
import {readFileSync, writeFileSync} from 'node:fs';

const [input, output, ...rest] = process.argv.slice(2);
const codes: [string, string][] = [];
const names: [string, string][] = [];
for (let i = 0; i < rest.length; i += 2) {
	const [flag, value] = [rest[i], rest[i + 1]];
	if (!value) break;
	if (flag === '--codes') for (const pair of value.split(',')) codes.push(pair.split('=') as [string, string]);
	else if (flag === '--name') names.push(value.split('=') as [string, string]);
}
if (!input || !output || codes.length + names.length === 0 || [...codes, ...names].some((p) => p.length !== 2 || !p[0] || !p[1])) {
	console.error('usage: reroute-fixture IN OUT --codes OLD=NEW[,OLD=NEW…] [--name "OLD NAME=NEW NAME"]…');
	process.exit(2);
}
let html = readFileSync(input, 'utf8');
// Keep the input's provenance line first, then say what this copy changed.
const firstLine = html.startsWith('<!--') ? html.slice(0, html.indexOf('-->') + 3) : '';
if (firstLine) html = html.slice(firstLine.length);
for (const [from, to] of names) html = html.split(from).join(to);
// One pass for all codes, so A=B,B=C never turns an A into a C.
const map = new Map(codes);
html = html.replace(new RegExp(`\\b(${[...map.keys()].join('|')})\\b`, 'g'), (code) => map.get(code)!);
const what = [...codes.map(([a, b]) => `${a}→${b}`), ...names.map(([a, b]) => `"${a}"→"${b}"`)].join(', ');
const note = `<!-- rerouted by scripts/reroute-fixture.ts from ${input.replace(/^.*test\/fixtures\//, '')}: ${what}. Real markup and CSS; the airports are not what the site showed. -->`;
writeFileSync(output, `${firstLine}\n${note}${html}`);
console.log(`${output}: ${what}`);
