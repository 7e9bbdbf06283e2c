/**
 * The check-in card's own strings, in English, Simplified and Traditional Chinese. Kept apart from messages.ts because
 * the card always prints two languages at once (English plus the reader's Chinese), so every string is needed in a
 * pair, never alone. Engine reasons and reminders keep their texts in reason-text.ts.
 */
import {fill} from './fill';
import {type Locale} from './locale';

const C = {
	pageTitle: {en: 'Check-in card — China Transit Check', 'zh-CN': '值机说明 — 中国过境免签查询', 'zh-TW': '值機說明 — 中國過境免簽查詢'},
	kicker: {
		en: 'China Transit Check · for the airline check-in desk',
		'zh-CN': '中国过境免签查询 · 供航空公司值机柜台查验',
		'zh-TW': '中國過境免簽查詢 · 供航空公司值機櫃台查驗',
	},
	loading: {en: 'Loading…', 'zh-CN': '正在加载…', 'zh-TW': '正在載入…'},
	print: {en: 'Print', 'zh-CN': '打印', 'zh-TW': '列印'},
	printHint: {
		en: 'Print this page or show it at check-in.',
		'zh-CN': '可打印本页或在值机时出示。',
		'zh-TW': '可列印本頁或在值機時出示。',
	},
	eligibleLine: {
		en: 'Checked against the official rules: this itinerary meets the conditions of the policy.',
		'zh-CN': '经对照官方规定核查，本行程符合该政策的条件。',
		'zh-TW': '經對照官方規定核查，本行程符合該政策的條件。',
	},
	// traveller
	passportNationality: {en: 'Passport nationality', 'zh-CN': '护照国籍', 'zh-TW': '護照國籍'},
	anyNationality: {
		en: 'Any nationality: 24-hour direct transit applies to all',
		'zh-CN': '不限国籍：24小时直接过境适用于所有国家人员',
		'zh-TW': '不限國籍：24小時直接過境適用於所有國家人員',
	},
	// itinerary
	itineraryHeading: {en: 'Itinerary', 'zh-CN': '行程', 'zh-TW': '行程'},
	colFlight: {en: 'Flight', 'zh-CN': '航班', 'zh-TW': '航班'},
	colFrom: {en: 'From', 'zh-CN': '出发', 'zh-TW': '出發'},
	colTo: {en: 'To', 'zh-CN': '到达', 'zh-TW': '到達'},
	colDeparture: {en: 'Departs (local)', 'zh-CN': '起飞（当地时间）', 'zh-TW': '起飛（當地時間）'},
	colArrival: {en: 'Arrives (local)', 'zh-CN': '到达（当地时间）', 'zh-TW': '抵達（當地時間）'},
	flightNotGiven: {en: 'not given', 'zh-CN': '未提供', 'zh-TW': '未提供'},
	// stay
	stayHeading: {en: 'Stay in mainland China', 'zh-CN': '在中国大陆停留', 'zh-TW': '在中國大陸停留'},
	airports: {en: 'Airports', 'zh-CN': '机场', 'zh-TW': '機場'},
	arrival: {en: 'Arrival', 'zh-CN': '抵达', 'zh-TW': '抵達'},
	departure: {en: 'Departure', 'zh-CN': '离开', 'zh-TW': '離開'},
	notShown: {en: 'not shown', 'zh-CN': '未显示', 'zh-TW': '未顯示'},
	notShownNotBefore: {en: 'not shown (not before {time})', 'zh-CN': '未显示（不早于{time}）', 'zh-TW': '未顯示（不早於{time}）'},
	timeInChina: {en: '{hours} h {minutes} min', 'zh-CN': '{hours}小时{minutes}分', 'zh-TW': '{hours}小時{minutes}分'},
	timeInChinaLabel: {en: 'Time in China', 'zh-CN': '在华停留时间', 'zh-TW': '在華停留時間'},
	permittedStay: {en: 'Permitted stay', 'zh-CN': '允许停留期限', 'zh-TW': '允許停留期限'},
	limit24: {
		en: 'Up to 24 hours, without leaving the port (the airport’s restricted area)',
		'zh-CN': '不超过24小时，且不离开口岸（机场限定区域）',
		'zh-TW': '不超過24小時，且不離開口岸（機場限定區域）',
	},
	limitHours: {
		en: 'Up to {hours} hours, counted from 00:00 on the day after entry',
		'zh-CN': '不超过{hours}小时，自入境次日零时起算',
		'zh-TW': '不超過{hours}小時，自入境次日零時起算',
	},
	limitDays: {
		en: 'Up to {days} days, counted from 00:00 on the day after entry',
		'zh-CN': '不超过{days}天，自入境次日零时起算',
		'zh-TW': '不超過{days}天，自入境次日零時起算',
	},
	limitUnknown: {
		en: 'As set for this nationality (not in our data)',
		'zh-CN': '以对该国的规定为准（数据中未载明）',
		'zh-TW': '以對該國的規定為準（資料中未載明）',
	},
	leaveBy: {en: 'Leave mainland China by', 'zh-CN': '最迟离境时间', 'zh-TW': '最遲離境時間'},
	leaveByValue: {
		en: '{at} Beijing time (the end of {lastDay})',
		'zh-CN': '北京时间{at}前（即{lastDay}当天结束前）',
		'zh-TW': '北京時間{at}前（即{lastDay}當天結束前）',
	},
	countingNote: {
		en: 'Counting from 00:00 on the day after entry is stated officially for earlier transit rules; no official text states it for this policy.',
		'zh-CN': '“自入境次日零时起算”见于此前过境政策的官方说明；该政策的官方文本未作规定。',
		'zh-TW': '「自入境次日零時起算」見於此前過境政策的官方說明；該政策的官方文本未作規定。',
	},
	countingNoteThirdParty: {
		en: 'Counting from 00:00 on the day after entry comes from a third-party source; official texts state the same for other visa-free schemes.',
		'zh-CN': '“自入境次日零时起算”取自第三方来源；其他免签政策的官方文本规定相同。',
		'zh-TW': '「自入境次日零時起算」取自第三方來源；其他免簽政策的官方文本規定相同。',
	},
	regimeLabel: {en: 'Arrangement', 'zh-CN': '免签安排', 'zh-TW': '免簽安排'},
	regimeUnilateral: {en: 'China’s unilateral visa-free policy', 'zh-CN': '中国单方面免签政策', 'zh-TW': '中國單方面免簽政策'},
	regimeMutual: {en: 'Mutual visa-exemption agreement', 'zh-CN': '互免签证协定', 'zh-TW': '互免簽證協定'},
	regimeUntil: {en: '{name}, in force until {until}', 'zh-CN': '{name}，有效期至{until}', 'zh-TW': '{name}，有效期至{until}'},
	areaHeading: {
		en: 'Permitted area (travel between these areas is allowed)',
		'zh-CN': '允许停留活动区域（可跨省域旅行）',
		'zh-TW': '允許停留活動區域（可跨省域旅行）',
	},
	areaListed: {en: '{name} ({count} listed areas)', 'zh-CN': '{name}（{cities}）', 'zh-TW': '{name}（{cities}）'},
	areaListedOne: {en: '{name} (1 listed area)', 'zh-CN': '{name}（{cities}）', 'zh-TW': '{name}（{cities}）'},
	areaVisitedNote: {en: '● this trip', 'zh-CN': '●为本行程所在区域', 'zh-TW': '●為本行程所在區域'},
	// checks
	checksHeading: {en: 'What was checked', 'zh-CN': '核查要点', 'zh-TW': '核查要點'},
	remindersHeading: {en: 'Also required', 'zh-CN': '另须满足', 'zh-TW': '另須滿足'},
	// wording
	wordingHeading: {en: 'Official wording', 'zh-CN': '官方表述', 'zh-TW': '官方表述'},
	wordingOfficial: {en: 'Official text', 'zh-CN': '官方原文', 'zh-TW': '官方原文'},
	wordingOfficialEnglish: {
		en: 'Published English version; the Chinese text prevails',
		'zh-CN': '已公布的英文版本，以中文文本为准',
		'zh-TW': '已公布的英文版本，以中文文本為準',
	},
	wordingTranslation: {
		en: 'Our translation, not an official text',
		'zh-CN': '我们的译文，非官方文本',
		'zh-TW': '我們的譯文，非官方文本',
	},
	wordingNone: {
		en: 'No official text of this rule was found in our sources. Below is our own summary, not an official text.',
		'zh-CN': '我们的来源中未找到该规定的官方原文。以下为我们自行撰写的摘要，并非官方文本。',
		'zh-TW': '我們的來源中未找到該規定的官方原文。以下為我們自行撰寫的摘要，並非官方文本。',
	},
	wordingSummary: {en: 'Summary, not official', 'zh-CN': '摘要，非官方', 'zh-TW': '摘要，非官方'},
	wordingUnverified: {
		en: 'Not checked word for word against the source.',
		'zh-CN': '未与来源逐字核对。',
		'zh-TW': '未與來源逐字核對。',
	},
	originalScript: {
		en: 'Chinese text in the original simplified characters.',
		'zh-CN': '中文按原文简体字呈现。',
		'zh-TW': '中文按原文簡體字呈現。',
	},
	sourceLabel: {en: 'Source', 'zh-CN': '来源', 'zh-TW': '來源'},
	sourceOfficial: {en: 'official source', 'zh-CN': '官方来源', 'zh-TW': '官方來源'},
	sourceNotOfficial: {en: 'not an official source', 'zh-CN': '非官方来源', 'zh-TW': '非官方來源'},
	sourceUndated: {en: 'undated', 'zh-CN': '日期不详', 'zh-TW': '日期不詳'},
	alsoAt: {en: 'Same text also in', 'zh-CN': '相同文本另见', 'zh-TW': '相同文本另見'},
	// footer
	rulesAsOf: {
		en: 'Rules as of {date} (version {version})',
		'zh-CN': '规则更新于{date}（版本{version}）',
		'zh-TW': '規則更新於{date}（版本{version}）',
	},
	disclaimer: {
		en: 'Guidance based on the published rules, not a visa and not legal advice. The border officer decides on entry; airlines apply their own checks.',
		'zh-CN': '依据已公布的规定提供参考，并非签证，亦非法律意见。是否准予入境由边检机关决定；航空公司另行查验。',
		'zh-TW': '依據已公布的規定提供參考，並非簽證，亦非法律意見。是否准予入境由邊檢機關決定；航空公司另行查驗。',
	},
	// no card
	noCardHeading: {en: 'No check-in card for this trip', 'zh-CN': '此行程没有值机说明', 'zh-TW': '此行程沒有值機說明'},
	noStop: {
		en: 'This itinerary has no stay in mainland China, so there is nothing to show.',
		'zh-CN': '此行程未在中国大陆停留，无需出示说明。',
		'zh-TW': '此行程未在中國大陸停留，無需出示說明。',
	},
	notEligible: {
		en: 'No visa-free route was found for this trip: a visa is probably needed. Open the extension for the reasons.',
		'zh-CN': '未找到此行程的免签方案：可能需要办理签证。原因请在扩展程序中查看。',
		'zh-TW': '未找到此行程的免簽方案：可能需要辦理簽證。原因請在擴充功能中查看。',
	},
	earlierRules: {
		en: 'This trip was judged by the 72- and 144-hour rules in force before 2024-12-17. The card quotes today’s rules, so there is none for it: the extension shows the reasons.',
		'zh-CN': '此行程按2024年12月17日前的72/144小时规定判断。本说明引用现行规定，因此不适用于此行程：原因请在扩展程序中查看。',
		'zh-TW': '此行程按2024年12月17日前的72/144小時規定判斷。本說明引用現行規定，因此不適用於此行程：原因請在擴充功能中查看。',
	},
	errorHeading: {en: 'This card link cannot be read', 'zh-CN': '无法读取此说明链接', 'zh-TW': '無法讀取此說明連結'},
	errorMissing: {
		en: 'The link carries no trip. Open the card again from the extension.',
		'zh-CN': '链接中没有行程信息。请从扩展程序重新打开。',
		'zh-TW': '連結中沒有行程資訊。請從擴充功能重新打開。',
	},
	errorDamaged: {
		en: 'The link is damaged or incomplete. Open the card again from the extension.',
		'zh-CN': '链接已损坏或不完整。请从扩展程序重新打开。',
		'zh-TW': '連結已損壞或不完整。請從擴充功能重新打開。',
	},
	errorInvalid: {
		en: 'The trip for this card is not valid. Open the card again from the extension.',
		'zh-CN': '此说明中的行程无效。请从扩展程序重新打开。',
		'zh-TW': '此說明中的行程無效。請從擴充功能重新打開。',
	},
	errorExpired: {
		en: 'This card link has expired: open it again from the badge or the popup.',
		'zh-CN': '此说明链接已失效：请从页面上的标记或扩展程序弹出窗口重新打开。',
		'zh-TW': '此說明連結已失效：請從頁面上的標記或擴充功能彈出視窗重新開啟。',
	},
	errorDetail: {en: 'Detail: {detail}', 'zh-CN': '详情：{detail}', 'zh-TW': '詳情：{detail}'},
	errorRules: {
		en: 'The rules bundled with the extension could not be read.',
		'zh-CN': '无法读取扩展程序内置的规则数据。',
		'zh-TW': '無法讀取擴充功能內建的規則資料。',
	},
} as const satisfies Record<string, Record<Locale, string>>;

export type CardTextKey = keyof typeof C;
/** One string in every card language. */
export type Tri = Record<Locale, string>;

export function cardText(key: CardTextKey, locale: Locale, params?: Record<string, string | number>): string {
	return fill(C[key][locale], params);
}

/** The string in all three languages, with the same parameters (or per-language ones). */
export function cardTri(
	key: CardTextKey,
	params?: Record<string, string | number> | ((locale: Locale) => Record<string, string | number>),
): Tri {
	const at = (locale: Locale) => cardText(key, locale, typeof params === 'function' ? params(locale) : params);
	return {en: at('en'), 'zh-CN': at('zh-CN'), 'zh-TW': at('zh-TW')};
}

export const CARD_TEXT = C;
