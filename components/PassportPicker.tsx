/**
 * The traveller's passports: a localised, searchable country list (a datalist: type "Fra", "法国" or "FR"), added
 * in order, each removable; one the rules hold nothing for says so. Pure props, so tests render it in jsdom.
 */
import {useMemo} from 'preact/hooks';
import {countryFromInput, countryInSentence, countryName, countryOptions} from '@/lib/i18n/countries';
import {t} from '@/lib/i18n/messages';
import type {Locale} from '@/lib/i18n/locale';
import {AddForm} from './AddForm';

type PassportPickerProps = {
	passports: string[];
	locale: Locale;
	onChange: (passports: string[]) => void;
	max?: number;
	/**
	 * Passports the rules in use hold nothing for (`passportsNotCovered`: the schemes are for foreign nationals); each
	 * listed one says so under its name, as every check with it will.
	 */
	notCovered?: readonly string[];
};

export function PassportPicker({passports, locale, onChange, max = 8, notCovered = []}: PassportPickerProps) {
	const options = useMemo(() => countryOptions(locale), [locale]);
	const add = (text: string) => {
		const code = countryFromInput(text, locale);
		if (!code) return text.trim() ? t('passportUnknown', locale, {text: text.trim()}) : t('passportEmpty', locale);
		if (passports.includes(code)) return t('passportDuplicate', locale, {country: countryInSentence(code, locale)});
		if (passports.length >= max) return t('passportTooMany', locale, {max});
		onChange([...passports, code]);
		return undefined;
	};
	return (
		<>
			{passports.length === 0 ? <p data-testid="no-passports">{t('noPassports', locale)}</p> : null}
			<ul class="passports" data-testid="passports">
				{passports.map((code) => (
					<li key={code} data-code={code}>
						<span>
							{countryName(code, locale)} ({code})
						</span>
						<button type="button" onClick={() => onChange(passports.filter((p) => p !== code))}>
							{t('removePassport', locale, {country: countryName(code, locale)})}
						</button>
						{notCovered.includes(code) ? (
							<p class="passport-note" data-testid="passport-not-covered">
								{t('passportNotCovered', locale)}
							</p>
						) : null}
					</li>
				))}
			</ul>
			<AddForm
				label={t('countryLabel', locale)}
				button={t('addPassport', locale)}
				onAdd={add}
				problemId="passport-problem"
				field={{name: 'country', list: 'countries', placeholder: t('countryHint', locale)}}
			>
				<datalist id="countries">
					{options.map((o) => (
						<option key={o.code} value={`${o.name} (${o.code})`} disabled={passports.includes(o.code)} />
					))}
				</datalist>
			</AddForm>
		</>
	);
}
