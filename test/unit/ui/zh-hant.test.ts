/**
 * The data's Chinese names in Traditional script (data/zh-hant.json, made by npm run data:hant): the file is made from
 * the data in the repository, each name converted whole, and the views use it for zh-TW only.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {HANT_FILE, hantFileText} from '../../../scripts/zh-hant';
import {readableParams} from '../../../lib/ui/format';
import {nameInScript} from '../../../lib/ui/zh-hant';
import {reasonText} from '../../../lib/i18n/reason-text';
import file from '../../../data/zh-hant.json';

describe('the data’s names in Traditional script', () => {
	it('data/zh-hant.json is made from the data in the repository (npm run data:hant)', () => {
		const onDisk = readFileSync(path.resolve(import.meta.dirname, '../../..', HANT_FILE), 'utf8');
		expect(onDisk === hantFileText(), `${HANT_FILE} is stale: run npm run data:hant`).toBe(true);
	});

	it('converts each name whole, character for character, with a visa’s 簽 (OpenCC alone writes 免籤)', () => {
		const names: Record<string, string> = file.names;
		for (const [simplified, traditional] of Object.entries(names)) {
			expect([...traditional], simplified).toHaveLength([...simplified].length);
			expect(traditional, simplified).not.toContain('籤');
		}
		// In context: 烟台 is 煙臺, 台州 stays 台州 (one character, two traditional forms).
		expect(nameInScript('烟台市', 'zh-TW')).toBe('煙臺市');
		expect(nameInScript('台州市', 'zh-TW')).toBe('台州市');
		expect(nameInScript('京津冀144小时过境免签', 'zh-TW')).toBe('京津冀144小時過境免簽');
	});

	it('is used for zh-TW only: Simplified and unknown names stay as they are', () => {
		expect(nameInScript('黑龙江', 'zh-CN')).toBe('黑龙江');
		expect(nameInScript('黑龙江', 'en')).toBe('黑龙江');
		expect(nameInScript('黑龙江', 'zh-TW')).toBe('黑龍江');
		expect(nameInScript('不在数据里', 'zh-TW')).toBe('不在数据里');
	});

	it('names a scheme in a reason in the reader’s script', () => {
		const params = {hours: 72, airport: 'PEK', scheme: 'Beijing 72-hour visa-free transit', schemeZh: '北京72小时过境免签'};
		expect(readableParams('earlier-scheme', params, 'zh-TW')).toMatchObject({schemeZh: '北京72小時過境免簽'});
		expect(readableParams('earlier-scheme', params, 'zh-CN')).toMatchObject({schemeZh: '北京72小时过境免签'});
		expect(reasonText('earlier-scheme', 'zh-TW', readableParams('earlier-scheme', params, 'zh-TW'))).toContain('北京72小時過境免簽');
	});
});
