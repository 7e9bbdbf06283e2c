/** `npm run data:hant`: writes data/zh-hant.json (scripts/zh-hant.ts). */
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {HANT_FILE, hantFileText} from './zh-hant.ts';

const text = hantFileText();
writeFileSync(path.resolve(import.meta.dirname, '..', HANT_FILE), text);
console.log(`${HANT_FILE}: ${Object.keys((JSON.parse(text) as {names: object}).names).length} names`);
