/**
 * Strings of the "Where can I go?" map (components/ChinaMap.tsx), in English, Simplified and Traditional Chinese.
 * Kept apart from messages.ts so the map can change without touching the shared table. `{name}` placeholders.
 */
import {fill} from './fill';
import {type Locale} from './locale';

const MAP_TEXT = {
	heading: {en: 'Where can I go?', 'zh-CN': '可以去哪里？', 'zh-TW': '可以去哪裡？'},
	svgSummary: {
		en: 'Map of mainland China: the {count} permitted areas of the 240-hour visa-free transit are highlighted.',
		'zh-CN': '中国大陆地图：已突出显示240小时过境免签的{count}个允许停留区域。',
		'zh-TW': '中國大陸地圖：已突出顯示240小時過境免簽的{count}個允許停留區域。',
	},
	svgAirports: {
		en: 'Stay airports marked: {airports}.',
		'zh-CN': '已标出行程机场：{airports}。',
		'zh-TW': '已標出行程機場：{airports}。',
	},
	legendWhole: {en: 'Whole province permitted', 'zh-CN': '全省（市、区）允许停留', 'zh-TW': '全省（市、區）允許停留'},
	legendListed: {
		en: 'Only the listed cities permitted',
		'zh-CN': '仅限所列城市',
		'zh-TW': '僅限所列城市',
	},
	legendNone: {en: 'Not permitted', 'zh-CN': '不允许停留', 'zh-TW': '不允許停留'},
	legendAirport: {en: 'Airport of your stay', 'zh-CN': '行程机场', 'zh-TW': '行程機場'},
	caption: {
		en: 'Boundaries simplified, for orientation only. Hong Kong, Macao and Taiwan are not part of the permitted areas and are not drawn.',
		'zh-CN': '边界经简化，仅供参考。香港、澳门和台湾不属于允许停留区域，图中未绘出。',
		'zh-TW': '邊界經簡化，僅供參考。香港、澳門和台灣不屬於允許停留區域，圖中未繪出。',
	},
	listHeading: {
		en: 'The {count} permitted areas',
		'zh-CN': '{count}个允许停留区域',
		'zh-TW': '{count}個允許停留區域',
	},
	/** Followed by the prefecture names, which exist in Chinese only. */
	listedOnly: {en: 'only:', 'zh-CN': '仅限：', 'zh-TW': '僅限：'},
	stayHere: {en: 'your airport: {airports}', 'zh-CN': '行程机场：{airports}', 'zh-TW': '行程機場：{airports}'},
	statusWhole: {en: 'permitted', 'zh-CN': '允许停留', 'zh-TW': '允許停留'},
	statusListed: {en: 'listed cities only', 'zh-CN': '仅限所列城市', 'zh-TW': '僅限所列城市'},
	statusNone: {en: 'not permitted', 'zh-CN': '不允许停留', 'zh-TW': '不允許停留'},
} satisfies Record<string, Record<Locale, string>>;

type MapTextKey = keyof typeof MAP_TEXT;

export function mapText(key: MapTextKey, locale: Locale, params?: Record<string, string | number>): string {
	return fill(MAP_TEXT[key][locale], params);
}

/** How a list of names is joined in running text. */
export function joinList(items: readonly string[], locale: Locale): string {
	return items.join(locale === 'en' ? ', ' : '、');
}
