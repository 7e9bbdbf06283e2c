/** The privacy promise in one paragraph, and the link to the whole policy (entrypoints/privacy/): options and welcome page. */
import {t} from '@/lib/i18n/messages';
import type {Locale} from '@/lib/i18n/locale';

export function PrivacyPromise({locale}: {locale: Locale}) {
	return (
		<>
			<p>{t('welcomePrivacy', locale)}</p>
			<p>
				<a href="privacy.html" target="_blank" rel="noopener">
					{t('privacyPolicyLink', locale)}
				</a>
			</p>
		</>
	);
}
