/**
 * The Chinese names the views show from data/ (the 240-hour areas, the schemes, the map's provinces and prefectures,
 * the divisions), in the reader's script: for Traditional, as data/zh-hant.json has them (OpenCC, whole names, made by
 * `npm run data:hant`); for Simplified, as data/ writes them. The views' only traditional forms of the data's names:
 * the official texts quoted keep their simplified original.
 */
import file from '../../data/zh-hant.json';
import type {Locale} from '../i18n/locale';

const HANT: Readonly<Record<string, string | undefined>> = file.names;

/** `name` in the reader's script: its traditional form for zh-TW where it differs, else as it is. */
export function nameInScript(name: string, locale: Locale): string {
	return locale === 'zh-TW' ? (HANT[name] ?? name) : name;
}
