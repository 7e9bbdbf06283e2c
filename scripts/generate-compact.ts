/**
 * `npm run data:compact`: writes data/compact-rules.json, the content script's dataset (lib/rules/compact.ts), from the
 * validated data/transit-rules.json and data/airports.json. The build and the tests fail while it is stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import {COMPACT_FILE, compactOfRules} from '../lib/rules/compact-file.ts';
import {loadRules} from '../lib/rules/load-rules.ts';

const file = path.resolve(import.meta.dirname, '..', COMPACT_FILE);
fs.writeFileSync(file, compactOfRules(loadRules()));
console.log(`${COMPACT_FILE}: ${(fs.statSync(file).size / 1024).toFixed(1)} kB`);
