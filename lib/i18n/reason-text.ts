/**
 * Plain-language texts for the engine's codes, in English, Simplified and Traditional Chinese.
 * Pure: used by the CLI, the popup and the badge alike. `{name}` placeholders take the reason's params.
 */
import type {NoticeCode, ReasonCode, ReminderCode} from '../rules/reasons';
import type {PolicyId, Status} from '../rules/types';
import {fill} from './fill';
import type {Locale} from './locale';

type Table<K extends string> = Record<K, Record<Locale, string>>;

const POLICY_NAMES: Table<PolicyId> = {
	transit24: {en: '24-hour direct transit', 'zh-CN': '24小时直接过境', 'zh-TW': '24小時直接過境'},
	transit240: {en: '240-hour visa-free transit', 'zh-CN': '240小时过境免签', 'zh-TW': '240小時過境免簽'},
	visaFree: {en: 'Visa-free entry', 'zh-CN': '免签入境', 'zh-TW': '免簽入境'},
};

/** A verdict's policy by name: the 240-hour policy of a trip before 2024-12-17 is called by its scheme's hours. */
export function policyName(verdict: {policy: PolicyId; hours?: number}, locale: Locale): string {
	if (verdict.policy !== 'transit240' || !verdict.hours || verdict.hours === 240) return POLICY_NAMES[verdict.policy][locale];
	return POLICY_NAMES.transit240[locale].replace('240', String(verdict.hours));
}

/** The name of a stop's best policy (the verdict that won it), or undefined when none holds. */
export function bestPolicyName(
	stop: {best: PolicyId | null; verdicts: {policy: PolicyId; hours?: number}[]},
	locale: Locale,
): string | undefined {
	const best = stop.verdicts.find((v) => v.policy === stop.best);
	return best ? policyName(best, locale) : undefined;
}

/**
 * Why no policy holds at a stop: `open` names the policies its rules leave open (conditional: the data or the page
 * does not settle them), joined in the reader's language; else `passport` when some could not be judged without one;
 * else `none`, every policy refused. The details and the CLI text head a stop without a best policy by it.
 */
export function unsettled(
	stop: {verdicts: {policy: PolicyId; status: Status; hours?: number}[]},
	locale: Locale,
): {kind: 'open'; policies: string} | {kind: 'passport' | 'none'} {
	const open = stop.verdicts.filter((v) => v.status === 'conditional');
	if (open.length > 0) return {kind: 'open', policies: open.map((v) => policyName(v, locale)).join(locale === 'en' ? ', ' : '、')};
	return {kind: stop.verdicts.some((v) => v.status === 'unknown') ? 'passport' : 'none'};
}

export const STATUS_NAMES: Table<Status> = {
	eligible: {en: 'likely OK', 'zh-CN': '看来可行', 'zh-TW': '看來可行'},
	ineligible: {en: 'does not apply', 'zh-CN': '不适用', 'zh-TW': '不適用'},
	conditional: {en: 'check', 'zh-CN': '需核实', 'zh-TW': '需核實'},
	unknown: {en: 'set your passport', 'zh-CN': '请设置护照', 'zh-TW': '請設定護照'},
};

export const REASON_TEXT: Table<ReasonCode> = {
	'third-region': {
		en: 'Onward to a third country or region ({from} → {to}).',
		'zh-CN': '前往第三国或地区（{from} → {to}）。',
		'zh-TW': '前往第三國或地區（{from} → {to}）。',
	},
	'within-24h': {en: 'Connection within 24 hours.', 'zh-CN': '中转时间不超过24小时。', 'zh-TW': '轉機時間不超過24小時。'},
	'inspection-exempt': {
		en: '{airport} lets transfer passengers who stay airside skip border inspection (since {since}).',
		'zh-CN': '{airport}对不出隔离区的中转旅客免办边检手续（自{since}起）。',
		'zh-TW': '{airport}對不出隔離區的轉機旅客免辦邊檢手續（自{since}起）。',
	},
	'inspection-required': {
		en: 'Expect border inspection at the transfer.',
		'zh-CN': '中转时需办理边检手续。',
		'zh-TW': '轉機時需辦理邊檢手續。',
	},
	'nationality-listed': {
		en: 'Your passport is from {passport}, which is on the list of eligible countries.',
		'zh-CN': '{passport}护照在适用国家名单内。',
		'zh-TW': '{passport}護照在適用國家名單內。',
	},
	'port-listed': {
		en: '{airport} is an entry port for this policy.',
		'zh-CN': '{airport}是该政策的开放口岸。',
		'zh-TW': '{airport}是該政策的開放口岸。',
	},
	'inside-permitted-area': {
		en: 'Every airport of the stay ({airports}) is inside the permitted areas.',
		'zh-CN': '停留期间的所有机场（{airports}）都在允许停留区域内。',
		'zh-TW': '停留期間的所有機場（{airports}）都在允許停留區域內。',
	},
	'within-240h': {
		en: 'You leave before the deadline, {deadline}.',
		'zh-CN': '您在截止时间{deadline}之前离境。',
		'zh-TW': '您在截止時間{deadline}之前離境。',
	},
	'within-24h-earliest-arrival': {
		en: 'The arrival time is not shown, but the flight in cannot land before {earliest} (its departure, in Beijing time), and you fly out within 24 hours of that.',
		'zh-CN': '未显示到达时间，但入境航班不会早于{earliest}（其起飞时刻，北京时间）落地，而您在此后24小时内离境。',
		'zh-TW': '未顯示到達時間，但入境航班不會早於{earliest}（其起飛時刻，北京時間）落地，而您在此後24小時內離境。',
	},
	'within-limit-earliest-arrival': {
		en: 'The arrival time is not shown, but the flight in cannot land before {earliest} (its departure, in Beijing time): counted even from then, you leave before the deadline, {deadline}.',
		'zh-CN':
			'未显示到达时间，但入境航班不会早于{earliest}（其起飞时刻，北京时间）落地：即使自该时刻起算，您也在截止时间{deadline}之前离境。',
		'zh-TW':
			'未顯示到達時間，但入境航班不會早於{earliest}（其起飛時刻，北京時間）落地：即使自該時刻起算，您也在截止時間{deadline}之前離境。',
	},
	'layover-within-limit': {
		en: 'The layover ({minutes} min) is well within the time limit.',
		'zh-CN': '中转停留（{minutes}分钟）远在时限之内。',
		'zh-TW': '轉機停留（{minutes}分鐘）遠在時限之內。',
	},
	'regime-in-force': {
		en: 'Visa-free entry applies to passports from {passport} on your travel date.',
		'zh-CN': '出行日期{passport}护照适用免签入境。',
		'zh-TW': '出行日期{passport}護照適用免簽入境。',
	},
	'within-stay-limit': {
		en: 'Your stay fits within {days} days (leave by {deadline}).',
		'zh-CN': '停留不超过{days}天（须在{deadline}前离境）。',
		'zh-TW': '停留不超過{days}天（須在{deadline}前離境）。',
	},
	'counting-unverified': {
		en: 'Your connection is close to the limit; no official rule says exactly how the hours are counted.',
		'zh-CN': '中转时间接近上限；官方未明确时长的计算方式。',
		'zh-TW': '轉機時間接近上限；官方未明確時長的計算方式。',
	},
	'policy-not-in-force': {
		en: 'This policy was not in force on your travel date (it starts {since}).',
		'zh-CN': '出行日期该政策尚未实施（自{since}起实施）。',
		'zh-TW': '出行日期該政策尚未實施（自{since}起實施）。',
	},
	'domestic-leg': {
		en: 'The trip includes a domestic flight in China, which means entering the country.',
		'zh-CN': '行程包含中国国内航段，需要入境。',
		'zh-TW': '行程包含中國境內航段，需要入境。',
	},
	'airport-change': {
		en: 'You change airports ({from} → {to}), which means leaving the airport.',
		'zh-CN': '需要换机场（{from} → {to}），即离开口岸。',
		'zh-TW': '需要換機場（{from} → {to}），即離開口岸。',
	},
	'temporary-entry-needed': {
		en: 'To leave the airport within the 24 hours, ask border control for a transit temporary entry permit: a passport valid for 3 more months and a confirmed onward ticket within 24 hours. Border control decides on the spot.',
		'zh-CN':
			'如需在24小时内离开机场，须向边检申请过境临时入境许可：护照有效期3个月以上，并持24小时内确定座位的联程客票。是否批准由边检现场决定。',
		'zh-TW':
			'如需在24小時內離開機場，須向邊檢申請過境臨時入境許可：護照效期3個月以上，並持24小時內確定座位的聯程客票。是否核准由邊檢現場決定。',
	},
	'onward-same-region': {
		en: 'You fly in from and on to the same country or region ({region}); transit must be to a third one.',
		'zh-CN': '来自和前往同一国家或地区（{region}）；过境须前往第三国或地区。',
		'zh-TW': '來自和前往同一國家或地區（{region}）；過境須前往第三國或地區。',
	},
	'over-24h': {en: 'The connection is longer than 24 hours.', 'zh-CN': '中转时间超过24小时。', 'zh-TW': '轉機時間超過24小時。'},
	'nationality-not-listed': {
		en: 'The list of eligible countries does not include {passport}.',
		'zh-CN': '{passport}不在适用国家名单内。',
		'zh-TW': '{passport}不在適用國家名單內。',
	},
	'nationality-not-yet-listed': {
		en: 'The list includes {passport} only from {since}.',
		'zh-CN': '{passport}自{since}起才适用。',
		'zh-TW': '{passport}自{since}起才適用。',
	},
	'nationality-removed': {
		en: 'The list included {passport} only until {until}.',
		'zh-CN': '{passport}仅适用至{until}。',
		'zh-TW': '{passport}僅適用至{until}。',
	},
	'port-not-listed': {
		en: '{airport} is not an entry port for this policy.',
		'zh-CN': '{airport}不是该政策的开放口岸。',
		'zh-TW': '{airport}不是該政策的開放口岸。',
	},
	'port-not-yet-open': {
		en: '{airport} becomes an entry port only on {since}.',
		'zh-CN': '{airport}自{since}起才成为开放口岸。',
		'zh-TW': '{airport}自{since}起才成為開放口岸。',
	},
	'port-closed': {
		en: '{airport} stopped being an entry port on {until}.',
		'zh-CN': '{airport}已于{until}停止适用。',
		'zh-TW': '{airport}已於{until}停止適用。',
	},
	'outside-permitted-area': {
		en: 'The stay includes airports outside the permitted areas: {airports}.',
		'zh-CN': '停留包括允许区域以外的机场：{airports}。',
		'zh-TW': '停留包括允許區域以外的機場：{airports}。',
	},
	'over-240h': {
		en: 'You leave after the deadline, {deadline}.',
		'zh-CN': '离境时间晚于截止时间{deadline}。',
		'zh-TW': '離境時間晚於截止時間{deadline}。',
	},
	'no-visa-free-regime': {
		en: 'No visa-free entry scheme for passports from {passport} is in our data.',
		'zh-CN': '我们的数据中没有{passport}护照的免签入境政策。',
		'zh-TW': '我們的資料中沒有{passport}護照的免簽入境政策。',
	},
	'regime-ended': {
		en: 'Visa-free entry for {passport} ended on {until}.',
		'zh-CN': '{passport}免签政策已于{until}结束。',
		'zh-TW': '{passport}免簽政策已於{until}結束。',
	},
	'earlier-scheme': {
		en: 'Before 2024-12-17 the rule was {hours} hours: {airport} was a port of the {scheme} ({since} to {until}).',
		'zh-CN': '2024年12月17日前为{hours}小时：{airport}属于{schemeZh}口岸（{since}至{until}）。',
		'zh-TW': '2024年12月17日前為{hours}小時：{airport}屬於{schemeZh}口岸（{since}至{until}）。',
	},
	'inside-scheme-area': {
		en: 'Every airport of the stay ({airports}) is inside the area of the {scheme}.',
		'zh-CN': '停留期间的所有机场（{airports}）均在{schemeZh}的允许区域内。',
		'zh-TW': '停留期間的所有機場（{airports}）均在{schemeZh}的允許區域內。',
	},
	'within-scheme-limit': {
		en: 'You leave within {hours} hours, before {deadline}.',
		'zh-CN': '在{hours}小时内离境，早于{deadline}。',
		'zh-TW': '在{hours}小時內離境，早於{deadline}。',
	},
	'outside-scheme-area': {
		en: 'Before 2024-12-17 the stay had to remain inside the area of the {scheme}, with no travel between regions: {airports} is outside it.',
		'zh-CN': '2024年12月17日前，停留须限于{schemeZh}的区域内，不得跨区域：{airports}在区域以外。',
		'zh-TW': '2024年12月17日前，停留須限於{schemeZh}的區域內，不得跨區域：{airports}在區域以外。',
	},
	'over-scheme-limit': {
		en: 'The stay is longer than the {hours} hours allowed then (leave by {deadline}).',
		'zh-CN': '停留超过当时允许的{hours}小时（须于{deadline}前离境）。',
		'zh-TW': '停留超過當時允許的{hours}小時（須於{deadline}前離境）。',
	},
	'scheme-history-unverified': {
		en: '{airport} may have been a transit port on {date}, but our sources do not show which scheme (72 or 144 hours) or area applied then.',
		'zh-CN': '{airport}在{date}可能已是过境免签口岸，但我们的来源未能确认当时适用的政策（72或144小时）和区域。',
		'zh-TW': '{airport}在{date}可能已是過境免簽口岸，但我們的來源未能確認當時適用的政策（72或144小時）和區域。',
	},
	'regional-regime': {
		en: 'Passports from {passport} may enter under the {scheme}, inside that region only.',
		'zh-CN': '{passport}护照可适用{schemeZh}，仅限该地区内停留。',
		'zh-TW': '{passport}護照可適用{schemeZh}，僅限該地區內停留。',
	},
	'travel-agency-required': {
		en: 'The {scheme} goes through a travel agency in China (invitation or reception), which the itinerary cannot show: arrange it before you travel.',
		'zh-CN': '{schemeZh}须经中国境内旅行社邀请或接待，行程无法显示此项：请在出行前安排。',
		'zh-TW': '{schemeZh}須經中國境內旅行社邀請或接待，行程無法顯示此項：請在出行前安排。',
	},
	'group-scheme-available': {
		en: 'For tour groups only: the {scheme} lets a group organised by a travel agency enter visa-free here (up to {hours} hours).',
		'zh-CN': '仅限旅游团：按{schemeZh}，由旅行社组织的旅游团可在此免签入境（最长{hours}小时）。',
		'zh-TW': '僅限旅遊團：按{schemeZh}，由旅行社組織的旅遊團可在此免簽入境（最長{hours}小時）。',
	},
	'scheduled-end-passed': {
		en: 'This rule ({what}) is scheduled to end on {until}; our rules are from {reviewedAt}. It may have been extended or ended since: check before you travel.',
		'zh-CN': '该规定（{whatZh}）原定于{until}结束；我们的规则数据截至{reviewedAt}。此后可能已延长或终止：出行前请核实。',
		'zh-TW': '該規定（{whatZh}）原定於{until}結束；我們的規則資料截至{reviewedAt}。此後可能已延長或終止：出行前請核實。',
	},
	'regime-not-yet': {
		en: 'Visa-free entry for {passport} starts only on {since}.',
		'zh-CN': '{passport}免签自{since}起才实施。',
		'zh-TW': '{passport}免簽自{since}起才實施。',
	},
	'over-stay-limit': {
		en: 'The stay is longer than {days} days (leave by {deadline}).',
		'zh-CN': '停留超过{days}天（须在{deadline}前离境）。',
		'zh-TW': '停留超過{days}天（須在{deadline}前離境）。',
	},
	'no-passport': {
		en: 'Set your passport in the options to check this.',
		'zh-CN': '请在设置中选择护照以进行核对。',
		'zh-TW': '請在設定中選擇護照以進行核對。',
	},
	'origin-not-shown': {
		en: 'Where you fly in from is not shown.',
		'zh-CN': '未显示来自哪个国家或地区。',
		'zh-TW': '未顯示來自哪個國家或地區。',
	},
	'onward-not-shown': {
		en: 'No onward flight out of mainland China is shown.',
		'zh-CN': '未显示离开中国大陆的后续航班。',
		'zh-TW': '未顯示離開中國大陸的後續航班。',
	},
	'entry-not-shown': {
		en: 'How you enter mainland China is not shown.',
		'zh-CN': '未显示入境方式。',
		'zh-TW': '未顯示入境方式。',
	},
	'times-missing': {
		en: 'Arrival or departure times are not shown, so the length of the stay cannot be checked.',
		'zh-CN': '未显示到达或出发时间，无法核对停留时长。',
		'zh-TW': '未顯示到達或出發時間，無法核對停留時長。',
	},
	'exit-time-not-shown': {
		en: 'When you leave is not shown; you must leave by {deadline}.',
		'zh-CN': '未显示离境时间；须在{deadline}前离境。',
		'zh-TW': '未顯示離境時間；須在{deadline}前離境。',
	},
	'separate-tickets': {
		en: "Separate tickets: you must collect bags and check in again, which means going through border control. The law asks for a connecting ticket; leaving the airport needs a temporary entry permit at the officers' discretion.",
		'zh-CN': '分开出票：需提取行李并重新值机，即须办理边检手续。法律要求联程客票；离开口岸需申请临时入境许可。',
		'zh-TW': '分開開票：需提取行李並重新報到，即須辦理邊檢手續。法律要求聯程客票；離開口岸需申請臨時入境許可。',
	},
	'passport-not-covered': {
		en: 'Our data holds the visa exemptions China grants foreign nationals (Exit and Entry Administration Law, Art. 22), and no rules for passports from {passport}: ask your airline which travel documents you need.',
		'zh-CN':
			'我们的数据收录的是中国给予外国人的免签政策（《出境入境管理法》第二十二条），没有适用于{passport}护照的规定：请向航空公司确认所需的旅行证件。',
		'zh-TW':
			'我們的資料收錄的是中國給予外國人的免簽政策（《出境入境管理法》第二十二條），沒有適用於{passport}護照的規定：請向航空公司確認所需的旅行證件。',
	},
	'nationality-date-unverified': {
		en: 'We could not verify that {passport} was on the list before {since}.',
		'zh-CN': '无法核实{passport}在{since}之前是否适用。',
		'zh-TW': '無法核實{passport}在{since}之前是否適用。',
	},
	'port-date-unverified': {
		en: 'We could not verify that {airport} was an entry port before {since}.',
		'zh-CN': '无法核实{airport}在{since}之前是否为开放口岸。',
		'zh-TW': '無法核實{airport}在{since}之前是否為開放口岸。',
	},
	'policy-date-unverified': {
		en: 'Our sources on this policy begin on {since}; they do not say what applied on your travel date.',
		'zh-CN': '我们关于该政策的来源自{since}起；未说明您出行日期适用的规定。',
		'zh-TW': '我們關於該政策的來源自{since}起；未說明您出行日期適用的規定。',
	},
	'exit-port-not-listed': {
		en: 'You leave from {airport}, which is not one of the designated ports; sources disagree on whether that is allowed.',
		'zh-CN': '您从{airport}离境，该机场不在指定口岸名单内；来源对此说法不一。',
		'zh-TW': '您從{airport}離境，該機場不在指定口岸名單內；來源對此說法不一。',
	},
	'area-unverified': {
		en: 'We could not confirm which city {airports} belongs to.',
		'zh-CN': '无法确认{airports}所属城市。',
		'zh-TW': '無法確認{airports}所屬城市。',
	},
	'regime-date-unverified': {
		en: 'The start date of visa-free entry for {passport} is not verified.',
		'zh-CN': '{passport}免签的生效日期未经核实。',
		'zh-TW': '{passport}免簽的生效日期未經核實。',
	},
	'regime-unverified': {
		en: 'Visa-free entry for {passport} is not confirmed by an official source in our data.',
		'zh-CN': '{passport}免签尚无官方来源确认。',
		'zh-TW': '{passport}免簽尚無官方來源確認。',
	},
	'stay-limit-unknown': {
		en: 'How long citizens of {passport} may stay is not in our data.',
		'zh-CN': '我们的数据中没有{passport}公民的停留期限。',
		'zh-TW': '我們的資料中沒有{passport}公民的停留期限。',
	},
	'stay-limit-unverified': {
		en: 'The {days}-day limit comes from a third-party source.',
		'zh-CN': '{days}天的期限来自第三方来源。',
		'zh-TW': '{days}天的期限來自第三方來源。',
	},
	'regime-ends-during-stay': {
		en: 'The scheme is scheduled to end on {until}, during your stay. Our sources do not say whether a stay begun before then may go on past it: to be sure, leave by {deadline}.',
		'zh-CN':
			'该政策原定于{until}结束，在您停留期间。此前入境者能否停留至该日期之后，我们的资料来源未作说明：稳妥起见，请在{deadline}前离境。',
		'zh-TW':
			'該政策原定於{until}結束，在您停留期間。此前入境者能否停留至該日期之後，我們的資料來源未作說明：穩妥起見，請在{deadline}前離境。',
	},
	'leave-by-scheduled-end': {
		en: 'The scheme is scheduled to end on {until}: leave by {deadline}. Our sources do not say what holds for a stay past that date.',
		'zh-CN': '该政策原定于{until}结束：请在{deadline}前离境。对停留超过该日期的情况，我们的资料来源未作说明。',
		'zh-TW': '該政策原定於{until}結束：請在{deadline}前離境。對停留超過該日期的情況，我們的資料來源未作說明。',
	},
};

export const REMINDER_TEXT: Table<ReminderCode> = {
	'passport-validity': {
		en: 'Your passport must be valid for at least {months} more months.',
		'zh-CN': '护照有效期须在{months}个月以上。',
		'zh-TW': '護照有效期須在{months}個月以上。',
	},
	'onward-ticket': {
		en: 'Carry a confirmed onward ticket with a fixed date.',
		'zh-CN': '须持有确定日期的联程客票。',
		'zh-TW': '須持有確定日期的聯程客票。',
	},
	purpose: {
		en: 'Tourism, business and visits only: work, study and journalism need a visa.',
		'zh-CN': '仅限旅游、商务、访问、探亲；工作、学习、新闻采访须办签证。',
		'zh-TW': '僅限旅遊、商務、訪問、探親；工作、學習、新聞採訪須辦簽證。',
	},
	'register-accommodation': {
		en: 'Register your accommodation within 24 hours (hotels do this for you).',
		'zh-CN': '须在24小时内办理住宿登记（酒店会代办）。',
		'zh-TW': '須在24小時內辦理住宿登記（酒店會代辦）。',
	},
	'leaving-airport-needs-permit': {
		en: 'To leave the airport during a 24-hour transit you need a temporary entry permit from the border officers.',
		'zh-CN': '24小时过境期间如需离开机场，须向边检申请临时入境许可。',
		'zh-TW': '24小時過境期間如需離開機場，須向邊檢申請臨時入境許可。',
	},
	'arrival-card': {
		en: 'Fill in the arrival card: online before you travel (NIA website or government service platform, the “移民局12367” app, WeChat or Alipay mini programs), or at the port by QR code or on paper.',
		'zh-CN':
			'请填写入境卡：可在出行前通过国家移民管理局网站或政务服务平台、“移民局12367”App、微信或支付宝小程序在线填写，也可在口岸扫码或填写纸质卡。',
		'zh-TW':
			'請填寫入境卡：可在出行前透過國家移民管理局網站或政務服務平台、「移民局12367」App、微信或支付寶小程式線上填寫，也可在口岸掃碼或填寫紙本卡。',
	},
	'arrival-card-airside-exempt': {
		en: 'On a 24-hour direct transit that stays in the airport’s restricted area you need no arrival card; if you leave the airport, fill one in.',
		'zh-CN': '24小时直接过境且不离开口岸限定区域的，免填入境卡；如离开机场，须填写入境卡。',
		'zh-TW': '24小時直接過境且不離開口岸限定區域的，免填入境卡；如離開機場，須填寫入境卡。',
	},
};

export const NOTICE_TEXT: Table<NoticeCode> = {
	'data-review-old': {
		en: 'Our rules were last checked on {reviewedAt} ({days} days ago). Check the official sources before you travel.',
		'zh-CN': '规则数据最后核对于{reviewedAt}（{days}天前）。出行前请查阅官方来源。',
		'zh-TW': '規則資料最後核對於{reviewedAt}（{days}天前）。出行前請查閱官方來源。',
	},
	'trip-starts-in-mainland': {
		en: 'The trip starts in mainland China ({airport}); how you entered is not shown.',
		'zh-CN': '行程从中国大陆（{airport}）出发；未显示入境情况。',
		'zh-TW': '行程從中國大陸（{airport}）出發；未顯示入境情況。',
	},
	'rules-may-have-changed': {
		en: 'Rules may have changed: this trip is judged by our rules of {reviewedAt}, and it comes after that by more than 180 days or after a scheduled end date in them. Check the official sources before you travel.',
		'zh-CN':
			'规则可能已有变化：本行程按截至{reviewedAt}的规则判断，而行程日期比该日期晚180天以上，或晚于其中某项规定的原定结束日期。出行前请查阅官方来源。',
		'zh-TW':
			'規則可能已有變化：本行程按截至{reviewedAt}的規則判斷，而行程日期比該日期晚180天以上，或晚於其中某項規定的原定結束日期。出行前請查閱官方來源。',
	},
};

export function reasonText(code: ReasonCode, locale: Locale, params?: Record<string, string | number>): string {
	return fill(REASON_TEXT[code][locale], params);
}
export function reminderText(code: ReminderCode, locale: Locale, params?: Record<string, string | number>): string {
	return fill(REMINDER_TEXT[code][locale], params);
}
export function noticeText(code: NoticeCode, locale: Locale, params?: Record<string, string | number>): string {
	return fill(NOTICE_TEXT[code][locale], params);
}
