/**
 * Interface strings in English, Simplified and Traditional Chinese. Components take every word from here (or from
 * reason-text.ts for the engine's codes); none is written inline.
 */
import type {Locale} from './locale';
import {BADGE_MESSAGES} from './badge-messages';
import {fill} from './fill';

const M = {
	...BADGE_MESSAGES,
	appName: {en: 'China Transit Check', 'zh-CN': '中国过境免签查询', 'zh-TW': '中國過境免簽查詢'},
	appDescription: {
		en: 'Shows, on flight booking pages, whether a connection in mainland China qualifies for 24-hour or 240-hour visa-free transit.',
		'zh-CN': '在机票预订页面上显示经停中国大陆的行程是否适用24小时或240小时过境免签。',
		'zh-TW': '在機票預訂頁面上顯示經停中國大陸的行程是否適用24小時或240小時過境免簽。',
	},
	heuristicNote: {
		en: 'Found in the page text, not in structured data: check the flights shown.',
		'zh-CN': '从页面文字中识别，并非结构化数据：请核对所示航班。',
		'zh-TW': '從頁面文字中識別，並非結構化資料：請核對所示航班。',
	},
	stopHeading: {en: 'Stop {n}: {airports}', 'zh-CN': '第{n}站：{airports}', 'zh-TW': '第{n}站：{airports}'},
	stopRoute: {en: 'From {from} to {to}', 'zh-CN': '{from} → {to}', 'zh-TW': '{from} → {to}'},
	arrival: {en: 'Arrive', 'zh-CN': '抵达', 'zh-TW': '抵達'},
	departure: {en: 'Leave', 'zh-CN': '离开', 'zh-TW': '離開'},
	timeInChina: {
		en: 'Time in China: {hours} h {minutes} min',
		'zh-CN': '在华停留：{hours}小时{minutes}分',
		'zh-TW': '在華停留：{hours}小時{minutes}分',
	},
	notShown: {en: 'not shown', 'zh-CN': '未显示', 'zh-TW': '未顯示'},
	notShownNotBefore: {en: 'not shown (not before {time})', 'zh-CN': '未显示（不早于{time}）', 'zh-TW': '未顯示（不早於{time}）'},
	deadline: {en: 'Leave mainland China by {deadline}', 'zh-CN': '须在{deadline}前离开中国大陆', 'zh-TW': '須在{deadline}前離開中國大陸'},
	passportUsed: {en: 'With your passport from {passport}', 'zh-CN': '使用{passport}护照', 'zh-TW': '使用{passport}護照'},
	bestLabel: {en: 'Best option: {policy}', 'zh-CN': '最佳方案：{policy}', 'zh-TW': '最佳方案：{policy}'},
	noBest: {en: 'No visa-free route found for this stop.', 'zh-CN': '此站未找到免签方案。', 'zh-TW': '此站未找到免簽方案。'},
	/** A route checked by hand that changes planes nowhere in mainland China (Hong Kong, say). */
	noMainlandStop: {
		en: 'This route does not stop in mainland China, so the transit rules checked here do not apply. Hong Kong, Macao and Taiwan have entry rules of their own.',
		'zh-CN': '此行程不经停中国大陆，此处查询的过境规则不适用。香港、澳门和台湾另有各自的入境规定。',
		'zh-TW': '此行程不經停中國大陸，此處查詢的過境規則不適用。香港、澳門和台灣另有各自的入境規定。',
	},
	/** No policy holds, and some are left open (conditional): not a "no". */
	openBest: {
		en: 'Not settled: check before you travel. May apply: {policy}.',
		'zh-CN': '尚无定论，出行前请核实。可能适用：{policy}。',
		'zh-TW': '尚無定論，出行前請核實。可能適用：{policy}。',
	},
	/** No policy holds, and some could not be judged without a passport. */
	unknownBest: {
		en: 'Not settled: set your passport to see whether a visa-free route applies.',
		'zh-CN': '尚无定论：请设置护照，以查看是否有适用的免签方案。',
		'zh-TW': '尚無定論：請設定護照，以查看是否有適用的免簽方案。',
	},
	remindersHeading: {en: 'Also make sure', 'zh-CN': '另请确认', 'zh-TW': '另請確認'},
	sources: {en: 'Sources', 'zh-CN': '来源', 'zh-TW': '來源'},
	// Said only of a source whose link is a government's or an embassy's own site (data/source-domains.json).
	sourceOfficialTag: {en: 'official', 'zh-CN': '官方', 'zh-TW': '官方'},
	sourceNoLink: {en: 'no link to a trusted site', 'zh-CN': '无可信网站链接', 'zh-TW': '無可信網站連結'},
	rulesAsOf: {en: 'Rules as of {date}', 'zh-CN': '规则更新于{date}', 'zh-TW': '規則更新於{date}'},
	openSettings: {en: 'Passports and settings', 'zh-CN': '护照与设置', 'zh-TW': '護照與設定'},
	setPassportPrompt: {
		en: 'Set your passport to check 240-hour transit and visa-free entry.',
		'zh-CN': '设置护照后可核查240小时过境免签和免签入境。',
		'zh-TW': '設定護照後可核查240小時過境免簽和免簽入境。',
	},
	noPassportTip: {
		en: '24-hour transit does not depend on your passport, so it was checked. Add your passports in the settings to check 240-hour transit and visa-free entry too.',
		'zh-CN': '24小时过境与护照国籍无关，已为您核查。在设置中添加护照后，还可核查240小时过境免签和免签入境。',
		'zh-TW': '24小時過境與護照國籍無關，已為您核查。在設定中新增護照後，還可核查240小時過境免簽和免簽入境。',
	},
	disclaimer: {
		en: 'Guidance based on the published rules, not legal advice. Border officers and airlines decide.',
		'zh-CN': '依据已公布的规定提供参考，并非法律意见。以边检和航空公司的决定为准。',
		'zh-TW': '依據已公布的規定提供參考，並非法律意見。以邊檢和航空公司的決定為準。',
	},
	qualifying: {en: 'Qualifying passports: {list}', 'zh-CN': '适用护照：{list}', 'zh-TW': '適用護照：{list}'},
	// options
	optionsTitle: {en: 'China Transit Check — settings', 'zh-CN': '中国过境免签查询 — 设置', 'zh-TW': '中國過境免簽查詢 — 設定'},
	passportsHeading: {en: 'Your passports', 'zh-CN': '您的护照', 'zh-TW': '您的護照'},
	passportsHelp: {
		en: 'Add every passport you can travel on; each check uses the one that qualifies.',
		'zh-CN': '添加您可使用的所有护照；每项核查将使用适用的护照。',
		'zh-TW': '新增您可使用的所有護照；每項核查將使用適用的護照。',
	},
	addPassport: {en: 'Add passport', 'zh-CN': '添加护照', 'zh-TW': '新增護照'},
	removePassport: {en: 'Remove {country}', 'zh-CN': '删除{country}', 'zh-TW': '刪除{country}'},
	countryLabel: {en: 'Country of passport', 'zh-CN': '护照签发国家', 'zh-TW': '護照簽發國家'},
	countryHint: {
		en: 'Country name or code, e.g. France or FR',
		'zh-CN': '国家名称或代码，如 法国 或 FR',
		'zh-TW': '國家名稱或代碼，如 法國 或 FR',
	},
	passportEmpty: {en: 'Choose a country first.', 'zh-CN': '请先选择国家。', 'zh-TW': '請先選擇國家。'},
	passportUnknown: {en: 'Unknown country: {text}', 'zh-CN': '未知国家：{text}', 'zh-TW': '未知國家：{text}'},
	passportDuplicate: {en: 'You have already added {country}.', 'zh-CN': '{country}已在列表中。', 'zh-TW': '{country}已在清單中。'},
	passportTooMany: {en: 'At most {max} passports.', 'zh-CN': '最多{max}本护照。', 'zh-TW': '最多{max}本護照。'},
	/** Under a listed passport of China, Hong Kong, Macao or Taiwan (the data's `passportsNotCovered`). */
	passportNotCovered: {
		en: 'Our data holds the visa exemptions China grants foreign nationals, and none for this passport: checks with it never say yes, and tell you to ask your airline.',
		'zh-CN':
			'我们的数据收录的是中国给予外国人的免签政策，没有适用于此护照的规定：用它查询不会得到“可以”的结果，并会提示您向航空公司确认。',
		'zh-TW':
			'我們的資料收錄的是中國給予外國人的免簽政策，沒有適用於此護照的規定：用它查詢不會得到「可以」的結果，並會提示您向航空公司確認。',
	},
	noPassports: {en: 'No passport set yet.', 'zh-CN': '尚未设置护照。', 'zh-TW': '尚未設定護照。'},
	languageHeading: {en: 'Language', 'zh-CN': '语言', 'zh-TW': '語言'},
	shortcutHeading: {en: 'Keyboard shortcut', 'zh-CN': '键盘快捷键', 'zh-TW': '鍵盤快速鍵'},
	shortcutSet: {
		en: 'Opens this extension’s window from the toolbar: select a booking on the page, press the keys, and check the selection.',
		'zh-CN': '打开本扩展在工具栏中的窗口：在页面上选中一份订单，按下快捷键，即可核查所选文字。',
		'zh-TW': '開啟本擴充功能在工具列中的視窗：在頁面上選取一筆訂位，按下快速鍵，即可核查所選文字。',
	},
	shortcutNone: {
		en: 'No keyboard shortcut opens this extension’s window: the browser leaves it unset where its keys are already taken.',
		'zh-CN': '尚未设置打开本扩展窗口的快捷键：所建议的按键已被占用时，浏览器不会设置。',
		'zh-TW': '尚未設定開啟本擴充功能視窗的快速鍵：建議的按鍵已被占用時，瀏覽器不會設定。',
	},
	shortcutChange: {en: 'Change the shortcut', 'zh-CN': '更改快捷键', 'zh-TW': '變更快速鍵'},
	languageAuto: {en: 'Automatic (browser language)', 'zh-CN': '自动（浏览器语言）', 'zh-TW': '自動（瀏覽器語言）'},
	sitesHeading: {en: 'Sites', 'zh-CN': '网站', 'zh-TW': '網站'},
	rulesHeading: {en: 'Rules dataset', 'zh-CN': '规则数据', 'zh-TW': '規則資料'},
	rulesVersion: {
		en: 'Version {version}, checked against sources on {reviewedAt}; latest rule change {latest}.',
		'zh-CN': '版本{version}，于{reviewedAt}核对来源；最近规则变更{latest}。',
		'zh-TW': '版本{version}，於{reviewedAt}核對來源；最近規則變更{latest}。',
	},
	// popup
	popupThisPage: {en: 'This page', 'zh-CN': '当前页面', 'zh-TW': '目前頁面'},
	popupPageFound: {
		en: '{itineraries} itineraries found by {adapter}, {withStops} via mainland China.',
		'zh-CN': '{adapter}识别出{itineraries}个行程，其中{withStops}个经停中国大陆。',
		'zh-TW': '{adapter}識別出{itineraries}個行程，其中{withStops}個經停中國大陸。',
	},
	popupPageFoundOne: {
		en: '1 itinerary found by {adapter}, {withStops} via mainland China.',
		'zh-CN': '{adapter}识别出1个行程，其中{withStops}个经停中国大陆。',
		'zh-TW': '{adapter}識別出1個行程，其中{withStops}個經停中國大陸。',
	},
	popupUnplacedOne: {
		en: '1 badge could not be placed on the page.',
		'zh-CN': '有1个标记无法在页面上显示。',
		'zh-TW': '有1個標記無法在頁面上顯示。',
	},
	popupUnplaced: {
		en: '{count} badges could not be placed on the page.',
		'zh-CN': '有{count}个标记无法在页面上显示。',
		'zh-TW': '有{count}個標記無法在頁面上顯示。',
	},
	popupUnreadOne: {
		en: '1 result could not be read and has no badge: check its flights yourself.',
		'zh-CN': '有1个结果无法读取，没有标记：请自行核对其航班。',
		'zh-TW': '有1個結果無法讀取，沒有標記：請自行核對其航班。',
	},
	popupUnread: {
		en: '{count} results could not be read and have no badge: check their flights yourself.',
		'zh-CN': '有{count}个结果无法读取，没有标记：请自行核对其航班。',
		'zh-TW': '有{count}個結果無法讀取，沒有標記：請自行核對其航班。',
	},
	/**
	 * A site's results page (by its address) on which its adapter read no result: not "nothing here", since a layout the
	 * adapter does not know (Kayak's later `nrc6` cards, Trip.com's international list) shows as none read.
	 */
	popupPageNothing: {
		en: 'No result was read on this {adapter} results page: none may be shown yet, or they are in a layout the extension does not know. Nothing on this page is checked: check its flights yourself.',
		'zh-CN':
			'此{adapter}结果页上未读取到任何结果：可能尚未显示结果，也可能其页面布局不为扩展所识别。此页面上的航班均未经核查：请自行核对。',
		'zh-TW':
			'此{adapter}結果頁上未讀取到任何結果：可能尚未顯示結果，也可能其頁面版面不為擴充功能所識別。此頁面上的航班均未經核查：請自行核對。',
	},
	popupPageReading: {en: 'Reading this page…', 'zh-CN': '正在读取此页面…', 'zh-TW': '正在讀取此頁面…'},
	popupSiteNotRead: {
		en: 'This {adapter} page has not been read: it was open before the extension was installed or updated. Scan it now, or reload it.',
		'zh-CN': '此{adapter}页面尚未读取：它在扩展安装或更新之前就已打开。请立即扫描，或重新加载页面。',
		'zh-TW': '此{adapter}頁面尚未讀取：它在擴充功能安裝或更新之前就已開啟。請立即掃描，或重新載入頁面。',
	},
	popupSiteUnlisted: {
		en: 'This is {adapter} on {site}, where the extension does not run by itself: scan this page to check its results.',
		'zh-CN': '这是{site}上的{adapter}，扩展不会自动在此运行：扫描此页面以核查其结果。',
		'zh-TW': '這是{site}上的{adapter}，擴充功能不會自動在此執行：掃描此頁面以核查其結果。',
	},
	popupSiteNotResults: {
		en: 'This {adapter} page is not one of its flight results pages: badges come on the results of a flight search there.',
		'zh-CN': '此{adapter}页面不是其航班搜索结果页：在该网站搜索航班后，标记会显示在搜索结果上。',
		'zh-TW': '此{adapter}頁面不是其航班搜尋結果頁：在該網站搜尋航班後，標記會顯示在搜尋結果上。',
	},
	popupSiteUnlistedNotResults: {
		en: 'This is {adapter} on {site}, where the extension does not run by itself: on its flight results, scan the page to check them.',
		'zh-CN': '这是{site}上的{adapter}，扩展不会自动在此运行：请在其航班搜索结果页上扫描页面以核查结果。',
		'zh-TW': '這是{site}上的{adapter}，擴充功能不會自動在此執行：請在其航班搜尋結果頁上掃描頁面以核查結果。',
	},
	popupPageUnsupported: {
		en: 'This site is not one of the supported booking sites.',
		'zh-CN': '此网站不在支持的预订网站之列。',
		'zh-TW': '此網站不在支援的預訂網站之列。',
	},
	popupLayoutUnrecognised: {
		en: 'This page shows flights, but its {adapter} layout is not recognised: nothing on it is checked. Below is what its text says, read by the generic detector.',
		'zh-CN': '此页面显示了航班，但无法识别其{adapter}页面布局：页面上的行程未经核查。以下为通用识别器从页面文字中读取的内容。',
		'zh-TW': '此頁面顯示了航班，但無法識別其{adapter}頁面版面：頁面上的行程未經核查。以下為通用識別器從頁面文字中讀取的內容。',
	},
	pasteHeading: {en: 'Paste an itinerary', 'zh-CN': '粘贴行程', 'zh-TW': '貼上行程'},
	pasteLabel: {
		en: 'A GDS/PNR display, an e-ticket or copied page text',
		'zh-CN': 'GDS/PNR显示、电子客票或复制的页面文字',
		'zh-TW': 'GDS/PNR顯示、電子機票或複製的頁面文字',
	},
	pasteCheck: {en: 'Check this text', 'zh-CN': '核查此文字', 'zh-TW': '核查此文字'},
	/** Reads the text selected on the tab's page into the box and checks it (activeTab, on this click only). */
	pasteFromSelection: {en: 'Check the text selected on the page', 'zh-CN': '核查页面上选中的文字', 'zh-TW': '核查頁面上選取的文字'},
	/** The page's context menu, on selected text: opens the popup, which checks the selection (lib/browser/selection-menu.ts). */
	menuCheckSelection: {
		en: 'Check the selected itinerary for China transit',
		'zh-CN': '核查选中行程的中国过境条件',
		'zh-TW': '核查選取行程的中國過境條件',
	},
	pasteSelectionNone: {
		en: 'Nothing is selected on the page: select the itinerary there, then open this popup again.',
		'zh-CN': '页面上没有选中的文字：请先在页面上选中行程，再打开本扩展的弹出窗口。',
		'zh-TW': '頁面上沒有選取的文字：請先在頁面上選取行程，再開啟本擴充功能的彈出視窗。',
	},
	/** The context menu's item (offered on selected text only) asked, and the selection read as nothing. */
	pasteSelectionOutOfReach: {
		en: 'The text you selected is where the browser does not let extensions read it (a frame from another site): copy it there and paste it above.',
		'zh-CN': '您选中的文字位于浏览器不允许扩展读取的位置（来自其他网站的框架）：请在该处复制文字，粘贴到上方。',
		'zh-TW': '您選取的文字位於瀏覽器不允許擴充功能讀取的位置（來自其他網站的框架）：請在該處複製文字，貼到上方。',
	},
	pasteSelectionPdf: {
		en: 'This is a PDF, whose text the browser’s viewer keeps from extensions: select the itinerary there, copy it and paste it above.',
		'zh-CN': '这是PDF文件，浏览器的PDF查看器不允许扩展读取其中的文字：请在其中选中行程，复制后粘贴到上方。',
		'zh-TW': '這是PDF檔案，瀏覽器的PDF檢視器不允許擴充功能讀取其中的文字：請在其中選取行程，複製後貼到上方。',
	},
	pasteSelectionUnreadable: {
		en: 'The browser does not let extensions read this page: copy the text there and paste it above.',
		'zh-CN': '浏览器不允许扩展读取此页面：请在页面上复制文字，粘贴到上方。',
		'zh-TW': '瀏覽器不允許擴充功能讀取此頁面：請在頁面上複製文字，貼到上方。',
	},
	pasteFound: {
		en: '{count} itineraries found, {stops} via mainland China.',
		'zh-CN': '识别出{count}个行程，其中{stops}个经停中国大陆。',
		'zh-TW': '識別出{count}個行程，其中{stops}個經停中國大陸。',
	},
	pasteFoundOne: {
		en: '1 itinerary found, {stops} via mainland China.',
		'zh-CN': '识别出1个行程，其中{stops}个经停中国大陆。',
		'zh-TW': '識別出1個行程，其中{stops}個經停中國大陸。',
	},
	/**
	 * Several itineraries judged at once (a pasted text, a page's record): one line each, above its details, which are
	 * folded under it. The route as its airports' codes; the date its first flight leaves (or lands), where known.
	 */
	itineraryLine: {en: 'Itinerary {n}: {route}, {date}', 'zh-CN': '行程{n}：{route}，{date}', 'zh-TW': '行程{n}：{route}，{date}'},
	itineraryLineNoDate: {en: 'Itinerary {n}: {route}', 'zh-CN': '行程{n}：{route}', 'zh-TW': '行程{n}：{route}'},
	// Between two airports of a route read aloud (the line shows an arrow, which screen readers read as “right arrow”).
	routeTo: {en: 'to', 'zh-CN': '至', 'zh-TW': '至'},
	pasteEmpty: {en: 'Paste some text first.', 'zh-CN': '请先粘贴文字。', 'zh-TW': '請先貼上文字。'},
	pasteLeftOut: {en: 'Not checked:', 'zh-CN': '未核查：', 'zh-TW': '未核查：'},
	/** A page badge's details: a flight of the page it read but did not check (./left-out.ts's sentence). */
	detailsNotChecked: {en: 'Not checked: {line}', 'zh-CN': '未核查：{line}', 'zh-TW': '未核查：{line}'},
	pasteExcluded: {
		en: '{what}: {status} ({code}), left out',
		'zh-CN': '{what}：{status}（{code}），未计入行程',
		'zh-TW': '{what}：{status}（{code}），未計入行程',
	},
	segmentCancelled: {en: 'cancelled', 'zh-CN': '已取消', 'zh-TW': '已取消'},
	segmentWaitlisted: {en: 'waitlisted', 'zh-CN': '候补', 'zh-TW': '候補'},
	segmentUnconfirmed: {en: 'not confirmed', 'zh-CN': '未确认', 'zh-TW': '未確認'},
	segmentSurface: {en: 'surface sector', 'zh-CN': '地面段', 'zh-TW': '地面段'},
	segmentUnread: {en: 'not read', 'zh-CN': '未能读取', 'zh-TW': '未能讀取'},
	segmentFlown: {en: 'flown', 'zh-CN': '已乘坐', 'zh-TW': '已搭乘'},
	pasteUnreadSegment: {
		en: '“{line}”: a flight that could not be read, so the flights before and after it were checked apart',
		'zh-CN': '“{line}”：无法读取的航段，其前后的航班已分开核查',
		'zh-TW': '“{line}”：無法讀取的航段，其前後的航班已分開核查',
	},
	pasteUnknownAirport: {
		en: '{what}: airport not known ({names}); the flights before and after it were checked apart',
		'zh-CN': '{what}：无法识别机场（{names}）；其前后的航班分开核查',
		'zh-TW': '{what}：無法識別機場（{names}）；其前後的航班分開核查',
	},
	pasteCityCodeSegment: {
		en: '{what}: {names} is a city’s code, not an airport’s; the flights before and after it were checked apart',
		'zh-CN': '{what}：{names}是城市代码，不是机场三字码；其前后的航班分开核查',
		'zh-TW': '{what}：{names}是城市代碼，不是機場三字碼；其前後的航班分開核查',
	},
	/** A flight both of whose ends are cities' codes (`BJSTYO`). */
	pasteCityCodesSegment: {
		en: '{what}: {names} are cities’ codes, not airports’; the flights before and after it were checked apart',
		'zh-CN': '{what}：{names}都是城市代码，不是机场三字码；其前后的航班分开核查',
		'zh-TW': '{what}：{names}都是城市代碼，不是機場三字碼；其前後的航班分開核查',
	},
	pasteCityInName: {
		en: '{name} begins with a city’s name, {city}: if it is one of the airports we know there ({codes}), write its code in the text and check again',
		'zh-CN': '{name}以城市名{city}开头：若是该地我们所知的机场之一（{codes}），请在文字中改为其三字码后再查',
		'zh-TW': '{name}以城市名{city}開頭：若是該地我們所知的機場之一（{codes}），請在文字中改為其三字碼後再查',
	},
	/** A pasted record's passengers' nationalities (SSR DOCS), with the passports the check used. */
	pasteRecordSettings: {
		en: 'The record gives the passengers’ nationality: {countries}. This check used the passports in your settings: {passports}.',
		'zh-CN': '记录中的旅客国籍：{countries}。本次查询使用的是设置中的护照：{passports}。',
		'zh-TW': '記錄中的旅客國籍：{countries}。本次查詢使用的是設定中的護照：{passports}。',
	},
	pasteRecordNoPassport: {
		en: 'The record gives the passengers’ nationality: {countries}. No passport is set in your settings, so this check covered only what holds for every passport.',
		'zh-CN': '记录中的旅客国籍：{countries}。设置中未填写护照，本次只查询了适用于所有护照的政策。',
		'zh-TW': '記錄中的旅客國籍：{countries}。設定中未填寫護照，本次只查詢了適用於所有護照的政策。',
	},
	/** A page badge's details, when it stands for more itineraries (or longer ones) than the details take (MESSAGE_LIMITS). */
	detailsTripsOmitted: {
		en: 'These details show {shown} of the {total} itineraries with a stop in mainland China on this page: paste the others into the extension’s popup to check them.',
		'zh-CN': '以下详情只列出本页{total}个经停中国大陆的行程中的{shown}个：其余行程请粘贴到本扩展的弹出窗口中查询。',
		'zh-TW': '以下詳情只列出本頁{total}個經停中國大陸的行程中的{shown}個：其餘行程請貼到本擴充功能的彈出視窗中查詢。',
	},
	/** A page badge's details on an agent's page whose record gives the passengers' nationalities (SSR DOCS). */
	detailsRecordSettings: {
		en: 'The page gives the passengers’ nationality: {countries}. These results used the passports in your settings: {passports}. To check with a passenger’s, open the extension’s popup on this page.',
		'zh-CN':
			'页面上的记录给出旅客国籍：{countries}。以下结果使用的是设置中的护照：{passports}。如需按旅客的国籍查询，请在此页面上打开本扩展的弹出窗口。',
		'zh-TW':
			'頁面上的記錄列出旅客國籍：{countries}。以下結果使用的是設定中的護照：{passports}。如需按旅客的國籍查詢，請在此頁面上開啟本擴充功能的彈出視窗。',
	},
	detailsRecordNoPassport: {
		en: 'The page gives the passengers’ nationality: {countries}. No passport is set in your settings, so these results cover only what holds for every passport. To check with a passenger’s, open the extension’s popup on this page.',
		'zh-CN':
			'页面上的记录给出旅客国籍：{countries}。设置中未填写护照，以下结果只涉及适用于所有护照的政策。如需按旅客的国籍查询，请在此页面上打开本扩展的弹出窗口。',
		'zh-TW':
			'頁面上的記錄列出旅客國籍：{countries}。設定中未填寫護照，以下結果只涉及適用於所有護照的政策。如需按旅客的國籍查詢，請在此頁面上開啟本擴充功能的彈出視窗。',
	},
	/** The popup's "This page", on an agent's page whose record gives the passengers' nationalities (SSR DOCS). */
	popupRecordSettings: {
		en: 'The page gives the passengers’ nationality: {countries}. Its badge used the passports in your settings: {passports}.',
		'zh-CN': '页面上的记录给出旅客国籍：{countries}。页面上的标记使用的是设置中的护照：{passports}。',
		'zh-TW': '頁面上的記錄列出旅客國籍：{countries}。頁面上的標記使用的是設定中的護照：{passports}。',
	},
	popupRecordNoPassport: {
		en: 'The page gives the passengers’ nationality: {countries}. No passport is set in your settings, so its badge covers only what holds for every passport.',
		'zh-CN': '页面上的记录给出旅客国籍：{countries}。设置中未填写护照，页面上的标记只涉及适用于所有护照的政策。',
		'zh-TW': '頁面上的記錄列出旅客國籍：{countries}。設定中未填寫護照，頁面上的標記只涉及適用於所有護照的政策。',
	},
	pasteRecordUse: {en: 'Check with a passport from {country}', 'zh-CN': '按{country}护照查询', 'zh-TW': '按{country}護照查詢'},
	pasteRecordUsed: {
		en: 'Checked with a passport from {country}, as the record gives it (one nationality at a time: each passenger is one traveller).',
		'zh-CN': '已按记录中的{country}护照查询（每次一个国籍：每位旅客分别查询）。',
		'zh-TW': '已按記錄中的{country}護照查詢（每次一個國籍：每位旅客分別查詢）。',
	},
	pasteRecordBack: {en: 'Check with the passports in your settings', 'zh-CN': '改按设置中的护照查询', 'zh-TW': '改按設定中的護照查詢'},
	/** A code button's accessible name, in the paste box and under the route form's question which airport. */
	pasteUseCode: {
		en: 'Use {code} for {name} and check again',
		'zh-CN': '将{name}改为{code}后再查',
		'zh-TW': '將{name}改為{code}後再查',
	},
	pasteCityAirports: {
		en: '{city} is a city: write its airport’s code in the text and check again ({codes})',
		'zh-CN': '{city}是城市：请在文字中改为其机场的三字码后再查（{codes}）',
		'zh-TW': '{city}是城市：請在文字中改為其機場的三字碼後再查（{codes}）',
	},
	pasteCityCode: {
		en: '{code} is the code of a city, {city}, not of an airport: write the code of the airport each flight uses in the text and check again ({codes})',
		'zh-CN': '{code}是城市{city}的代码，不是机场的：请在文字中改为各航班所用机场的三字码后再查（{codes}）',
		'zh-TW': '{code}是城市{city}的代碼，不是機場的：請在文字中改為各航班所用機場的三字碼後再查（{codes}）',
	},
	pasteUnreadLine: {
		en: '“{line}”: could not be read, so its option was left out',
		'zh-CN': '“{line}”：无法读取，该选项未核查',
		'zh-TW': '“{line}”：無法讀取，該選項未核查',
	},
	pasteTruncated: {
		en: 'This text is very long: only its first {chars} characters were read. Paste the part with the flights.',
		'zh-CN': '此文字过长：只读取了前{chars}个字符。请只粘贴含航班的部分。',
		'zh-TW': '此文字過長：只讀取了前{chars}個字元。請只貼上含航班的部分。',
	},
	pasteNothing: {
		en: 'No flights found in this text. It reads GDS/PNR displays (Amadeus, Sabre, Galileo, Apollo, eTerm), e-tickets and copied booking pages.',
		'zh-CN': '此文字中未发现航班。可识别GDS/PNR显示（Amadeus、Sabre、Galileo、Apollo、eTerm）、电子客票和复制的预订页面。',
		'zh-TW': '此文字中未發現航班。可識別GDS/PNR顯示（Amadeus、Sabre、Galileo、Apollo、eTerm）、電子機票和複製的預訂頁面。',
	},
	pasteUnreadable: {
		en: 'Found {dropped} flight lists, but not one could be read completely (an airport or a date is unclear): nothing was checked.',
		'zh-CN': '发现{dropped}组航班，但没有一组能完整读取（机场或日期不明确）：未作核查。',
		'zh-TW': '發現{dropped}組航班，但沒有一組能完整讀取（機場或日期不明確）：未作核查。',
	},
	pasteUnreadableOne: {
		en: 'Found a flight list, but it could not be read completely (an airport or a date is unclear): nothing was checked.',
		'zh-CN': '发现1组航班，但未能完整读取（机场或日期不明确）：未作核查。',
		'zh-TW': '發現1組航班，但未能完整讀取（機場或日期不明確）：未作核查。',
	},
	popupSiteOff: {
		en: '{adapter} is switched off in your settings: nothing on this page is checked.',
		'zh-CN': '您已在设置中关闭{adapter}：此页面不作核查。',
		'zh-TW': '您已在設定中關閉{adapter}：此頁面不作核查。',
	},
	popupSiteTurnOn: {en: 'Turn {adapter} back on', 'zh-CN': '重新开启{adapter}', 'zh-TW': '重新開啟{adapter}'},
	popupScanPage: {en: 'Scan this page', 'zh-CN': '扫描此页面', 'zh-TW': '掃描此頁面'},
	popupScanHelpSite: {
		en: 'Reads this page once, as on the {adapter} sites the extension runs on. Nothing leaves your browser.',
		'zh-CN': '读取此页面一次，与扩展自动运行的{adapter}网站相同。数据不会离开您的浏览器。',
		'zh-TW': '讀取此頁面一次，與擴充功能自動執行的{adapter}網站相同。資料不會離開您的瀏覽器。',
	},
	popupScanHelp: {
		en: 'Reads this page once with the generic detector (GDS displays, e-tickets, itinerary text). Nothing leaves your browser.',
		'zh-CN': '用通用识别器读取此页面一次（GDS显示、电子客票、行程文字）。数据不会离开您的浏览器。',
		'zh-TW': '用通用識別器讀取此頁面一次（GDS顯示、電子機票、行程文字）。資料不會離開您的瀏覽器。',
	},
	/** What "scan this page" read; followed by popupScanSeeBadge where a badge came of it, else by popupScanEnd. */
	popupScanFound: {
		en: '{itineraries} itineraries read by the generic detector, {withStops} via mainland China',
		'zh-CN': '通用识别器读到{itineraries}个行程，其中{withStops}个经停中国大陆',
		'zh-TW': '通用識別器讀到{itineraries}個行程，其中{withStops}個經停中國大陸',
	},
	popupScanFoundOne: {
		en: '1 itinerary read by the generic detector, {withStops} via mainland China',
		'zh-CN': '通用识别器读到1个行程，其中{withStops}个经停中国大陆',
		'zh-TW': '通用識別器讀到1個行程，其中{withStops}個經停中國大陸',
	},
	popupScanSeeBadge: {
		en: ': see the badge at the top of the page.',
		'zh-CN': '：请看页面顶部的标记。',
		'zh-TW': '：請看頁面頂部的標記。',
	},
	popupScanEnd: {en: '.', 'zh-CN': '。', 'zh-TW': '。'},
	popupScanNothing: {
		en: 'The generic detector found no flights on this page.',
		'zh-CN': '通用识别器在此页面上未发现航班。',
		'zh-TW': '通用識別器在此頁面上未發現航班。',
	},
	/** "Scan this page" on a PDF in the browser's viewer: Chrome's, whose text the scan cannot see, or Firefox's, which it cannot enter. */
	popupScanPdf: {
		en: 'This is a PDF, whose text the browser’s viewer keeps from extensions: select the itinerary there, copy it and paste it into the box below.',
		'zh-CN': '这是PDF文件，浏览器的PDF查看器不允许扩展读取其中的文字：请在其中选中行程，复制后粘贴到下方的输入框中。',
		'zh-TW': '這是PDF檔案，瀏覽器的PDF檢視器不允許擴充功能讀取其中的文字：請在其中選取行程，複製後貼到下方的輸入框中。',
	},
	popupCannotScan: {
		en: 'This page cannot be scanned (browser pages and the extension store are off limits).',
		'zh-CN': '无法扫描此页面（浏览器自身页面和扩展商店不可访问）。',
		'zh-TW': '無法掃描此頁面（瀏覽器自身頁面和擴充功能商店不可存取）。',
	},
	popupAlwaysRun: {en: 'Always run on {site}', 'zh-CN': '始终在{site}上运行', 'zh-TW': '一律在{site}上執行'},
	popupAlwaysRunOn: {
		en: 'Runs on {site} from now on. Remove it in the settings.',
		'zh-CN': '今后将在{site}上运行。可在设置中移除。',
		'zh-TW': '今後將在{site}上執行。可在設定中移除。',
	},
	siteDenied: {
		en: 'The browser did not grant access to {site}: nothing changed.',
		'zh-CN': '浏览器未授予访问{site}的权限：未作更改。',
		'zh-TW': '瀏覽器未授予存取{site}的權限：未作變更。',
	},
	/** Copies a judged itinerary as plain text (lib/ui/result-text.ts): an agent's note or e-mail. */
	copyResult: {en: 'Copy as text', 'zh-CN': '复制为文字', 'zh-TW': '複製為文字'},
	copyDone: {
		en: 'Copied: the route, its flights and the result, with reasons and sources.',
		'zh-CN': '已复制：航线、航班和核查结果，以及理由和来源。',
		'zh-TW': '已複製：航線、航班和核查結果，以及理由和來源。',
	},
	copyFailed: {
		en: 'The browser did not let the extension copy: nothing was copied.',
		'zh-CN': '浏览器不允许扩展复制：未复制任何内容。',
		'zh-TW': '瀏覽器不允許擴充功能複製：未複製任何內容。',
	},
	/** The first line of the copied text. */
	copyHeading: {en: '{app}: {route}', 'zh-CN': '{app}：{route}', 'zh-TW': '{app}：{route}'},
	openCard: {en: 'Check-in card (print, English + 中文)', 'zh-CN': '值机说明卡（打印，中英文）', 'zh-TW': '報到說明卡（列印，中英文）'},
	// options: badge detail level, user sites
	detailHeading: {en: 'Badge detail', 'zh-CN': '标记详细程度', 'zh-TW': '標記詳細程度'},
	detailCompact: {en: 'Compact: ✓ 240h', 'zh-CN': '简洁：✓ 240小时', 'zh-TW': '簡潔：✓ 240小時'},
	detailStandard: {
		en: 'Standard: 240h visa-free ✓ until 26 Mar',
		'zh-CN': '标准：240小时免签 ✓ 至3月26日',
		'zh-TW': '標準：240小時免簽 ✓ 至3月26日',
	},
	detailDetailed: {
		en: 'Detailed: 240h visa-free ✓ until 26 Mar · PVG · US passport',
		'zh-CN': '详细：240小时免签 ✓ 至3月26日 · PVG · 美国护照',
		'zh-TW': '詳細：240小時免簽 ✓ 至3月26日 · PVG · 美國護照',
	},
	detailHelp: {
		en: 'What the badge says on the page. Screen readers always hear the full sentence, and a click always opens the full details.',
		'zh-CN': '页面标记显示的内容。屏幕阅读器始终读出完整句子，点击始终打开完整详情。',
		'zh-TW': '頁面標記顯示的內容。螢幕閱讀器一律讀出完整句子，點擊一律開啟完整詳情。',
	},
	builtInSites: {en: 'Built-in sites', 'zh-CN': '内置网站', 'zh-TW': '內建網站'},
	userSitesHeading: {en: 'Your sites', 'zh-CN': '您添加的网站', 'zh-TW': '您新增的網站'},
	userSitesHelp: {
		en: 'Booking tools and other sites the extension should always run on, read with the generic detector; another country site of Google Flights, Kayak or Skyscanner (www.kayak.ch) is read as the built-in ones are. The browser asks you to allow each one; the extension never asks for all sites.',
		'zh-CN':
			'希望本扩展始终运行的预订工具等网站，由通用识别器读取；Google Flights、Kayak或Skyscanner的其他国家/地区网站（如 www.kayak.ch）按内置网站的方式读取。浏览器会逐一请求您的许可；本扩展从不请求访问所有网站。',
		'zh-TW':
			'希望本擴充功能一律執行的預訂工具等網站，由通用識別器讀取；Google Flights、Kayak或Skyscanner的其他國家/地區網站（如 www.kayak.ch）按內建網站的方式讀取。瀏覽器會逐一請求您的許可；本擴充功能從不請求存取所有網站。',
	},
	userSitesNone: {en: 'None yet.', 'zh-CN': '暂无。', 'zh-TW': '暫無。'},
	userSiteLabel: {en: 'Site address', 'zh-CN': '网站地址', 'zh-TW': '網站位址'},
	userSiteAdd: {en: 'Add site', 'zh-CN': '添加网站', 'zh-TW': '新增網站'},
	userSiteInvalid: {
		en: 'Not a web address: {text}. Type something like agent.example.com.',
		'zh-CN': '不是网址：{text}。请输入类似 agent.example.com 的地址。',
		'zh-TW': '不是網址：{text}。請輸入類似 agent.example.com 的位址。',
	},
	userSiteBuiltIn: {en: '{site} is already built in.', 'zh-CN': '{site}已内置。', 'zh-TW': '{site}已內建。'},
	userSiteRemove: {en: 'Remove {site}', 'zh-CN': '移除{site}', 'zh-TW': '移除{site}'},
	userSiteNotGranted: {
		en: 'access not granted: not running',
		'zh-CN': '未获授权：未运行',
		'zh-TW': '未獲授權：未執行',
	},
	userSiteGrant: {en: 'Allow again', 'zh-CN': '重新授权', 'zh-TW': '重新授權'},
	popupCheckHeading: {en: 'Check a route', 'zh-CN': '查询航线', 'zh-TW': '查詢航線'},
	formFrom: {en: 'From', 'zh-CN': '出发地', 'zh-TW': '出發地'},
	formVia: {en: 'Connecting in China', 'zh-CN': '中国中转机场', 'zh-TW': '中國轉機機場'},
	formAddVia: {en: 'Add a domestic stop', 'zh-CN': '添加国内经停', 'zh-TW': '新增境內經停'},
	formTo: {en: 'To', 'zh-CN': '目的地', 'zh-TW': '目的地'},
	formArrive: {en: 'Arrive in China (local time)', 'zh-CN': '抵达中国（当地时间）', 'zh-TW': '抵達中國（當地時間）'},
	formLeave: {en: 'Leave China (local time)', 'zh-CN': '离开中国（当地时间）', 'zh-TW': '離開中國（當地時間）'},
	formSeparate: {en: 'Separate tickets (I check in again)', 'zh-CN': '分开出票（需重新值机）', 'zh-TW': '分開開票（需重新報到）'},
	formPassportsLabel: {en: 'Passports', 'zh-CN': '护照', 'zh-TW': '護照'},
	formPassportsHint: {en: 'e.g. US, FR', 'zh-CN': '如 US, FR 或 美国、法国', 'zh-TW': '如 US, FR 或 美國、法國'},
	formPassportsHelp: {
		en: 'Country codes or names, comma-separated; filled in from your settings, change them for someone else.',
		'zh-CN': '国家代码或名称，用逗号分隔；已按设置填写，可为他人修改。',
		'zh-TW': '國家代碼或名稱，用逗號分隔；已依設定填寫，可為他人修改。',
	},
	formCheck: {en: 'Check', 'zh-CN': '查询', 'zh-TW': '查詢'},
	formAirportHint: {en: 'Code, city or airport name', 'zh-CN': '三字码、城市或机场名', 'zh-TW': '三字碼、城市或機場名'},
	formUnknownAirport: {en: 'Unknown airport: {text}', 'zh-CN': '未知机场：{text}', 'zh-TW': '未知機場：{text}'},
	formCityAbroad: {
		en: 'Which airport is {text}? The one we know by that name is {code}, in {country}: type its code, or your airport’s.',
		'zh-CN': '{text}是哪个机场？我们所知此名的机场为{country}的 {code}：请填写其三字码，或您的机场的三字码。',
		'zh-TW': '{text}是哪個機場？我們所知此名的機場為{country}的 {code}：請填寫其三字碼，或您的機場的三字碼。',
	},
	formCityAirports: {
		en: 'Which airport in {text}? Type its code, for example {codes}.',
		'zh-CN': '{text}的哪个机场？请填写其三字码，例如 {codes}。',
		'zh-TW': '{text}的哪個機場？請填寫其三字碼，例如 {codes}。',
	},
	formCityCode: {
		en: '{code} is the code of a city, {city}: which of its airports? Type its code, for example {codes}.',
		'zh-CN': '{code}是城市{city}的代码：哪个机场？请填写其三字码，例如 {codes}。',
		'zh-TW': '{code}是城市{city}的代碼：哪個機場？請填寫其三字碼，例如 {codes}。',
	},
	formNeedFrom: {en: 'Where do you fly from?', 'zh-CN': '请填写出发地。', 'zh-TW': '請填寫出發地。'},
	formNeedVia: {en: 'Which airport in China do you connect at?', 'zh-CN': '请填写中国中转机场。', 'zh-TW': '請填寫中國轉機機場。'},
	formNeedTo: {en: 'Where do you fly to?', 'zh-CN': '请填写目的地。', 'zh-TW': '請填寫目的地。'},
	formLeaveBeforeArrive: {
		en: 'You leave before you arrive: check the dates.',
		'zh-CN': '离开时间早于抵达时间，请检查日期。',
		'zh-TW': '離開時間早於抵達時間，請檢查日期。',
	},
	formInvalid: {en: 'Please check the route: {detail}', 'zh-CN': '请检查航线：{detail}', 'zh-TW': '請檢查航線：{detail}'},
	formTimesOptional: {
		en: 'Times are optional; without them the length of the stay cannot be checked.',
		'zh-CN': '时间可不填；不填则无法核对停留时长。',
		'zh-TW': '時間可不填；不填則無法核對停留時長。',
	},
	// The route form's dates and times, typed in the UI language's format (components/DateTimeField.tsx).
	formDatePlaceholder: {en: 'YYYY-MM-DD', 'zh-CN': '年-月-日', 'zh-TW': '年-月-日'},
	formTimePlaceholder: {en: 'HH:mm', 'zh-CN': '时:分', 'zh-TW': '時:分'},
	formArriveTime: {en: 'Arrival time', 'zh-CN': '抵达时刻', 'zh-TW': '抵達時刻'},
	formLeaveTime: {en: 'Departure time', 'zh-CN': '离开时刻', 'zh-TW': '離開時刻'},
	formWhenFormat: {
		en: 'Dates as YYYY-MM-DD, times as HH:mm (24-hour clock).',
		'zh-CN': '日期（年-月-日），时间（时:分，24小时制）。',
		'zh-TW': '日期（年-月-日），時間（時:分，24小時制）。',
	},
	formBadDate: {
		en: 'Not a date: {text}. Type it as YYYY-MM-DD, e.g. 2026-03-16.',
		'zh-CN': '无法识别的日期：{text}。请按“年-月-日”填写，如 2026-03-16。',
		'zh-TW': '無法識別的日期：{text}。請按「年-月-日」填寫，如 2026-03-16。',
	},
	formBadTime: {
		en: 'Not a time: {text}. Type it as HH:mm on the 24-hour clock, e.g. 16:30.',
		'zh-CN': '无法识别的时间：{text}。请按“时:分”（24小时制）填写，如 16:30。',
		'zh-TW': '無法識別的時間：{text}。請按「時:分」（24小時制）填寫，如 16:30。',
	},
	formTimeNeedsDate: {en: 'Add the date for this time.', 'zh-CN': '请填写该时间对应的日期。', 'zh-TW': '請填寫該時間對應的日期。'},
	saved: {en: 'Saved', 'zh-CN': '已保存', 'zh-TW': '已儲存'},
	toolbarTitle: {
		en: '{app}: {count} via mainland China on this page · best: {verdict}',
		'zh-CN': '{app}：本页{count}个行程经停中国大陆 · 最佳：{verdict}',
		'zh-TW': '{app}：本頁{count}個行程經停中國大陸 · 最佳：{verdict}',
	},
	// welcome page (first run)
	welcomeTitle: {en: 'Welcome to China Transit Check', 'zh-CN': '欢迎使用中国过境免签查询', 'zh-TW': '歡迎使用中國過境免簽查詢'},
	welcomeLead: {
		en: 'When you book flights, a small badge on each result that changes planes in mainland China tells you whether you can do it without a visa, with the reasons and the official sources one click away.',
		'zh-CN': '预订机票时，每个在中国大陆转机的航班结果上都会出现一个小标记，告诉您能否免签转机；点一下即可查看理由和官方来源。',
		'zh-TW': '預訂機票時，每個在中國大陸轉機的航班結果上都會出現一個小標記，告訴您能否免簽轉機；點一下即可查看理由和官方來源。',
	},
	welcomeStepPassports: {en: '1. Your passports', 'zh-CN': '1. 您的护照', 'zh-TW': '1. 您的護照'},
	welcomePassportsHelp: {
		en: 'Add the passports you travel with: the badges then check 240-hour transit and visa-free entry for them. You can skip this: 24-hour transit does not depend on your passport, and the badges check it either way.',
		'zh-CN': '添加您出行所用的护照，标记将据此核查240小时过境免签和免签入境。也可以跳过：24小时过境与护照国籍无关，标记始终会核查。',
		'zh-TW': '新增您出行所用的護照，標記將據此核查240小時過境免簽和免簽入境。也可以跳過：24小時過境與護照國籍無關，標記始終會核查。',
	},
	welcomeStepBadge: {en: '2. What a badge looks like', 'zh-CN': '2. 标记的样子', 'zh-TW': '2. 標記的樣子'},
	welcomeBadgeHelp: {
		en: 'It sits on the flight result itself. Click it (or press Enter on it) for each stop in China, every rule that applies, and its sources.',
		'zh-CN': '标记显示在航班结果上。点击（或按回车键）即可查看每个在华经停点、适用的每条规定及其来源。',
		'zh-TW': '標記顯示在航班結果上。點擊（或按 Enter 鍵）即可查看每個在華經停點、適用的每條規定及其來源。',
	},
	welcomeSamplesLabel: {en: 'Examples of flight results with a badge', 'zh-CN': '带标记的航班结果示例', 'zh-TW': '帶標記的航班結果範例'},
	welcomeSampleStop: {
		en: '1 stop: {airport}, {hours} h',
		'zh-CN': '经停1次：{airport}，{hours}小时',
		'zh-TW': '經停1次：{airport}，{hours}小時',
	},
	welcomeShortcut: {en: 'The keyboard opens it too:', 'zh-CN': '也可以用键盘打开：', 'zh-TW': '也可以用鍵盤開啟：'},
	welcomeWhere: {
		en: 'Badges appear on {sites}. On any other site (an airline, an agent\'s booking tool), open the extension from the toolbar and choose "Scan this page", or select one itinerary there and choose "Check the text selected on the page" (or right-click the selection and choose "{menu}"); the toolbar button also counts the results that stop in China.',
		'zh-CN':
			'标记会出现在 {sites}。在其他网站（航空公司、代理订票系统）上，请点击工具栏中的扩展图标并选择“扫描此页面”，或先选中其中一个行程，再选择“核查页面上选中的文字”（也可右键点击选中的文字，选择“{menu}”）；工具栏按钮也会显示经停中国的结果数量。',
		'zh-TW':
			'標記會出現在 {sites}。在其他網站（航空公司、代理訂票系統）上，請點擊工具列中的擴充功能圖示並選擇「掃描此頁面」，或先選取其中一個行程，再選擇「核查頁面上選取的文字」（也可在選取的文字上按右鍵，選擇「{menu}」）；工具列按鈕也會顯示經停中國的結果數量。',
	},
	welcomeStepPrivacy: {en: '3. Your privacy', 'zh-CN': '3. 您的隐私', 'zh-TW': '3. 您的隱私'},
	welcomePrivacy: {
		en: 'Every check runs in your browser. Your passports, settings and itineraries stay in the browser and are never sent anywhere, and the booking sites cannot read them from the badges. The extension makes no request of its own unless you switch on rules updates, which download one file a day and send nothing about you.',
		'zh-CN':
			'所有核查均在您的浏览器中进行。您的护照、设置和行程只保存在浏览器中，绝不会发送到任何地方，订票网站也无法从标记中读取。除非您开启规则更新（每天下载一个文件，不发送任何关于您的信息），扩展不会自行发出任何网络请求。',
		'zh-TW':
			'所有核查均在您的瀏覽器中進行。您的護照、設定和行程只保存在瀏覽器中，絕不會傳送到任何地方，訂票網站也無法從標記中讀取。除非您開啟規則更新（每天下載一個檔案，不傳送任何關於您的資訊），擴充功能不會自行發出任何網路請求。',
	},
	privacyHeading: {en: 'Privacy', 'zh-CN': '隐私', 'zh-TW': '隱私'},
	privacyPolicyLink: {
		en: 'Privacy policy (opens in a new tab)',
		'zh-CN': '隐私政策（在新标签页中打开）',
		'zh-TW': '隱私權政策（在新分頁中開啟）',
	},
	welcomeAllSettings: {en: 'All settings', 'zh-CN': '全部设置', 'zh-TW': '全部設定'},
	// rules updates (options page)
	rulesInUseBundled: {
		en: 'In use: the rules that came with this version of the extension.',
		'zh-CN': '正在使用：随本版本扩展附带的规则。',
		'zh-TW': '正在使用：隨本版本擴充功能附帶的規則。',
	},
	rulesInUseUpdate: {
		en: 'In use: a signed rules update, downloaded {fetched} (published {published}).',
		'zh-CN': '正在使用：已签名的规则更新，下载于{fetched}（发布于{published}）。',
		'zh-TW': '正在使用：已簽章的規則更新，下載於{fetched}（發布於{published}）。',
	},
	rulesUpdatesSwitch: {
		en: 'Check for rules updates once a day (downloads one file; nothing about you or your trips is sent)',
		'zh-CN': '每天检查一次规则更新（只下载一个文件；不发送任何关于您或您行程的信息）',
		'zh-TW': '每天檢查一次規則更新（只下載一個檔案；不傳送任何關於您或您行程的資訊）',
	},
	rulesUpdatesHelp: {
		en: 'The file comes from {host} and is used only if it carries our signature and passes the same checks as a release. Turning this off goes back to the rules that came with the extension.',
		'zh-CN': '文件来自{host}，仅在带有我们的签名并通过与正式版本相同的检查时才会使用。关闭后恢复使用扩展附带的规则。',
		'zh-TW': '檔案來自{host}，僅在帶有我們的簽章並通過與正式版本相同的檢查時才會使用。關閉後恢復使用擴充功能附帶的規則。',
	},
	rulesUpdatesDenied: {
		en: 'The browser did not allow access to {host}, so updates stay off.',
		'zh-CN': '浏览器未允许访问{host}，因此更新保持关闭。',
		'zh-TW': '瀏覽器未允許存取{host}，因此更新保持關閉。',
	},
	rulesUpdatesNotGranted: {
		en: 'Access to {host} was withdrawn in the browser: no check can run until you allow it again.',
		'zh-CN': '浏览器中对{host}的访问权限已被撤销：重新允许之前无法检查。',
		'zh-TW': '瀏覽器中對{host}的存取權限已被撤銷：重新允許之前無法檢查。',
	},
	rulesUpdatesAllow: {en: 'Allow access', 'zh-CN': '允许访问', 'zh-TW': '允許存取'},
	rulesUpdatesNever: {en: 'Not checked yet.', 'zh-CN': '尚未检查。', 'zh-TW': '尚未檢查。'},
	rulesUpdatesUpdated: {
		en: 'Last checked {when}: new rules were found and are in use.',
		'zh-CN': '上次检查：{when}。发现新规则，已启用。',
		'zh-TW': '上次檢查：{when}。發現新規則，已啟用。',
	},
	rulesUpdatesCurrent: {
		en: 'Last checked {when}: the rules in use are the newest published.',
		'zh-CN': '上次检查：{when}。正在使用的规则已是最新发布的版本。',
		'zh-TW': '上次檢查：{when}。正在使用的規則已是最新發布的版本。',
	},
	rulesUpdatesFailed: {
		en: 'Last checked {when}: {why} The rules in use did not change.',
		'zh-CN': '上次检查：{when}。{why}正在使用的规则没有改变。',
		'zh-TW': '上次檢查：{when}。{why}正在使用的規則沒有改變。',
	},
	rulesCheckNow: {en: 'Check now', 'zh-CN': '立即检查', 'zh-TW': '立即檢查'},
	rulesChecking: {en: 'Checking…', 'zh-CN': '正在检查…', 'zh-TW': '正在檢查…'},
	rulesProblemNetwork: {
		en: 'The update server could not be reached.',
		'zh-CN': '无法连接更新服务器。',
		'zh-TW': '無法連線更新伺服器。',
	},
	rulesProblemHttp: {
		en: 'The update server did not send the file ({detail}).',
		'zh-CN': '更新服务器未提供该文件（{detail}）。',
		'zh-TW': '更新伺服器未提供該檔案（{detail}）。',
	},
	rulesProblemPermission: {
		en: 'Updates are off or access to the update server is not allowed.',
		'zh-CN': '更新已关闭，或未允许访问更新服务器。',
		'zh-TW': '更新已關閉，或未允許存取更新伺服器。',
	},
	rulesProblemTooLarge: {
		en: 'The file was far larger than a rules update can be, so it was not read.',
		'zh-CN': '文件远大于规则更新应有的大小，因此未读取。',
		'zh-TW': '檔案遠大於規則更新應有的大小，因此未讀取。',
	},
	rulesProblemMalformed: {
		en: 'The file is not a rules update this extension can read.',
		'zh-CN': '该文件不是本扩展能读取的规则更新。',
		'zh-TW': '該檔案不是本擴充功能能讀取的規則更新。',
	},
	rulesProblemUnknownKey: {
		en: 'The file is signed with a key this version does not know; a newer version of the extension may.',
		'zh-CN': '文件使用了本版本不认识的密钥签名；较新版本的扩展或许可以识别。',
		'zh-TW': '檔案使用了本版本不認得的金鑰簽章；較新版本的擴充功能或許可以識別。',
	},
	rulesProblemBadSignature: {
		en: 'The signature does not match: the file was changed after it was signed, so it was rejected.',
		'zh-CN': '签名不符：文件在签名后被改动过，因此已拒绝。',
		'zh-TW': '簽章不符：檔案在簽章後被改動過，因此已拒絕。',
	},
	rulesProblemNoVerifier: {
		en: 'This browser cannot check Ed25519 signatures; please update the browser.',
		'zh-CN': '此浏览器无法验证Ed25519签名；请更新浏览器。',
		'zh-TW': '此瀏覽器無法驗證Ed25519簽章；請更新瀏覽器。',
	},
	rulesProblemNewerFormat: {
		en: 'The update is made for a newer version of the extension; update the extension to use it.',
		'zh-CN': '该更新适用于较新版本的扩展；请更新扩展后使用。',
		'zh-TW': '該更新適用於較新版本的擴充功能；請更新擴充功能後使用。',
	},
	rulesProblemInvalid: {
		en: 'The rules in the file failed our checks ({detail}), so they were not used.',
		'zh-CN': '文件中的规则未通过检查（{detail}），因此未使用。',
		'zh-TW': '檔案中的規則未通過檢查（{detail}），因此未使用。',
	},
} as const;

export type MessageKey = keyof typeof M;

export function t(key: MessageKey, locale: Locale, params?: Record<string, string | number>): string {
	return fill(M[key][locale], params);
}

export const MESSAGES = M;
