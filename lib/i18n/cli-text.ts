/**
 * The words of the CLI's readable output (`npm run check -- FILE --format text --lang xx`), in English, Simplified
 * and Traditional Chinese. Kept apart from messages.ts, which holds the extension's interface: the CLI's lines are
 * terser and the English ones are a public contract (their shape must not change). Engine reasons, reminders and
 * notices keep their texts in reason-text.ts.
 */
import {fill} from './fill';
import {type Locale} from './locale';

const X = {
	noStop: {
		en: 'No stop in mainland China: nothing to check.',
		'zh-CN': '行程未经停中国大陆：无需核查。',
		'zh-TW': '行程未經停中國大陸：無需核查。',
	},
	stop: {
		en: 'Stop {n}: {airports} ({from} → {to}), {arrival} → {departure}',
		'zh-CN': '第{n}站：{airports}（{from} → {to}），{arrival} → {departure}',
		'zh-TW': '第{n}站：{airports}（{from} → {to}），{arrival} → {departure}',
	},
	/** Between the airports of one stop. */
	airportSeparator: {en: ', ', 'zh-CN': '、', 'zh-TW': '、'},
	best: {en: 'Best: {policy}', 'zh-CN': '最佳方案：{policy}', 'zh-TW': '最佳方案：{policy}'},
	noBest: {en: 'no visa-free route found', 'zh-CN': '未找到免签方案', 'zh-TW': '未找到免簽方案'},
	openBest: {
		en: 'not settled, check before you travel (may apply: {policy})',
		'zh-CN': '尚无定论，出行前请核实（可能适用：{policy}）',
		'zh-TW': '尚無定論，出行前請核實（可能適用：{policy}）',
	},
	unknownBest: {
		en: 'not settled without a passport',
		'zh-CN': '未设置护照，尚无定论',
		'zh-TW': '未設定護照，尚無定論',
	},
	verdict: {en: '{mark} {policy}: {status}', 'zh-CN': '{mark} {policy}：{status}', 'zh-TW': '{mark} {policy}：{status}'},
	verdictWith: {en: '{verdict} ({details})', 'zh-CN': '{verdict}（{details}）', 'zh-TW': '{verdict}（{details}）'},
	/** Between the details of one verdict (passport, deadline, inspection). */
	detailSeparator: {en: ', ', 'zh-CN': '，', 'zh-TW': '，'},
	passport: {en: 'passport {passport}', 'zh-CN': '{passport}护照', 'zh-TW': '{passport}護照'},
	leaveBy: {en: 'leave by {deadline}', 'zh-CN': '须在{deadline}前离境', 'zh-TW': '須在{deadline}前離境'},
	inspectionExempt: {en: 'no border inspection airside', 'zh-CN': '不出隔离区免办边检', 'zh-TW': '不出隔離區免辦邊檢'},
	sources: {en: 'sources: {list}', 'zh-CN': '来源：{list}', 'zh-TW': '來源：{list}'},
	/** Between the sources of one reason, each an id and a link (a space before the Chinese one ends the link). */
	sourceSeparator: {en: ' ; ', 'zh-CN': ' ；', 'zh-TW': ' ；'},
	qualifying: {en: 'qualifying passports: {list}', 'zh-CN': '适用护照：{list}', 'zh-TW': '適用護照：{list}'},
	qualifyingIfExtended: {
		en: 'only if their scheme was extended past its scheduled end: {list}',
		'zh-CN': '仅当相关政策在原定结束日期后延期时适用：{list}',
		'zh-TW': '僅當相關政策在原定結束日期後延期時適用：{list}',
	},
	remember: {en: 'Remember:', 'zh-CN': '另请确认：', 'zh-TW': '另請確認：'},
	note: {en: 'Note: {text}', 'zh-CN': '注意：{text}', 'zh-TW': '注意：{text}'},
	rulesAsOf: {
		en: 'Rules as of {date} (version {version}).',
		'zh-CN': '规则更新于{date}（版本{version}）。',
		'zh-TW': '規則更新於{date}（版本{version}）。',
	},
} as const satisfies Record<string, Record<Locale, string>>;

type CliTextKey = keyof typeof X;

export function cliText(key: CliTextKey, locale: Locale, params?: Record<string, string | number>): string {
	return fill(X[key][locale], params);
}

export const CLI_TEXT = X;
