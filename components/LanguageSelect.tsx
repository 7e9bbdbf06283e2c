/**
 * The interface language: automatic (the browser's) or one of the three, each named in its own script. The options
 * page labels it by its section heading, the welcome page by a label around it.
 */
import {t} from '@/lib/i18n/messages';
import {LOCALES, type Locale} from '@/lib/i18n/locale';
import type {Settings} from '@/lib/settings';

const LANGUAGE_NAMES = {en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文'} as const;

type LanguageSelectProps = {
	value: Settings['language'];
	locale: Locale;
	onChange: (language: Settings['language']) => void;
	/** The id of the element that names it, where no <label> wraps it. */
	labelledBy?: string;
};

export function LanguageSelect({value, locale, onChange, labelledBy}: LanguageSelectProps) {
	return (
		<select
			aria-labelledby={labelledBy}
			value={value}
			onChange={(e) => onChange((e.target as HTMLSelectElement).value as Settings['language'])}
		>
			<option value="auto">{t('languageAuto', locale)}</option>
			{LOCALES.map((l) => (
				<option key={l} value={l}>
					{LANGUAGE_NAMES[l]}
				</option>
			))}
		</select>
	);
}
