/**
 * A text whose arrows between places (`JFK → PEK`, `美国 → 韩国`) a screen reader says as a word (`to`, `至`), where it
 * would read “right arrow”; seen as it is. The details' plain DOM (details-view.ts) does the same for its texts.
 */
import {Fragment} from 'preact';
import type {Locale} from '@/lib/i18n/locale';
import {t} from '@/lib/i18n/messages';

export function Arrows({text, locale}: {text: string; locale: Locale}) {
	const [first, ...rest] = text.split(' → ');
	return (
		<>
			{first}
			{rest.map((part, i) => (
				<Fragment key={i}>
					{' '}
					<span aria-hidden="true">→</span>
					<span class="visually-hidden">{t('routeTo', locale)}</span> {part}
				</Fragment>
			))}
		</>
	);
}
