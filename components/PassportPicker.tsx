/**
 * The traveller's passports: a localised, searchable country list (a datalist: type "Fra", "法国" or "FR"), added
 * in order, each removable. Pure props, so tests render it in jsdom.
 */
import {useMemo, useState} from 'preact/hooks';
import {countryFromInput, countryName, countryOptions} from '@/lib/i18n/countries';
import {t} from '@/lib/i18n/messages';
import type {Locale} from '@/lib/i18n/reason-text';

type PassportPickerProps = {passports: string[]; locale: Locale; onChange: (passports: string[]) => void; max?: number};

export function PassportPicker({passports, locale, onChange, max = 8}: PassportPickerProps) {
	const options = useMemo(() => countryOptions(locale), [locale]);
	const [text, setText] = useState('');
	const [problem, setProblem] = useState<string>();
	const add = (event: Event) => {
		event.preventDefault();
		const code = countryFromInput(text, locale);
		if (!code) return setProblem(text.trim() ? t('passportUnknown', locale, {text: text.trim()}) : t('passportEmpty', locale));
		if (passports.includes(code)) return setProblem(t('passportDuplicate', locale, {country: countryName(code, locale)}));
		if (passports.length >= max) return setProblem(t('passportTooMany', locale, {max}));
		setProblem(undefined);
		setText('');
		onChange([...passports, code]);
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
					</li>
				))}
			</ul>
			<form onSubmit={add} class="add" noValidate>
				<label>
					{t('countryLabel', locale)}{' '}
					<input
						name="country"
						list="countries"
						autocomplete="off"
						value={text}
						placeholder={t('countryHint', locale)}
						aria-invalid={problem ? true : undefined}
						aria-describedby={problem ? 'passport-problem' : undefined}
						onInput={(e) => setText((e.target as HTMLInputElement).value)}
					/>
				</label>
				<datalist id="countries">
					{options.map((o) => (
						<option key={o.code} value={`${o.name} (${o.code})`} disabled={passports.includes(o.code)} />
					))}
				</datalist>{' '}
				<button type="submit">{t('addPassport', locale)}</button>
				{problem ? (
					<p id="passport-problem" class="problem" role="alert">
						{problem}
					</p>
				) : null}
			</form>
		</>
	);
}
