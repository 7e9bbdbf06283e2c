/**
 * The options page's rules-updates part: which rules are in use, the opt-in switch (only in builds with an update
 * URL), the last check in words, and "check now". The browser calls come in as callbacks (entrypoints/options/App.tsx);
 * the background does the checking (lib/browser/rules-updater.ts).
 */
import {useState} from 'preact/hooks';
import {t, type MessageKey} from '@/lib/i18n/messages';
import type {Locale} from '@/lib/i18n/locale';
import type {CheckProblem, StoredUpdate, UpdateStatus} from '@/lib/rules/update-state';

const PROBLEM_TEXT: Record<CheckProblem, MessageKey> = {
	network: 'rulesProblemNetwork',
	http: 'rulesProblemHttp',
	permission: 'rulesProblemPermission',
	'too-large': 'rulesProblemTooLarge',
	malformed: 'rulesProblemMalformed',
	'unknown-key': 'rulesProblemUnknownKey',
	'bad-signature': 'rulesProblemBadSignature',
	'no-verifier': 'rulesProblemNoVerifier',
	'newer-format': 'rulesProblemNewerFormat',
	'needs-newer-extension': 'rulesProblemNewerFormat',
	'not-newer': 'rulesProblemMalformed',
	'invalid-rules': 'rulesProblemInvalid',
	inconsistent: 'rulesProblemInvalid',
};

export type RulesUpdatesProps = {
	locale: Locale;
	/** The build's update URL; undefined: this build has no updates, and no switch. */
	url: string | undefined;
	/** The user's switch. */
	enabled: boolean;
	/** The browser grants the update host right now. */
	granted: boolean;
	update: StoredUpdate | undefined;
	status: UpdateStatus | undefined;
	/**
	 * Switches updates on or off. Turning them on asks for the update host's permission first, inside the click; resolves
	 * false when the browser refused it.
	 */
	setEnabled: (on: boolean) => Promise<boolean>;
	/** Asks the background to check now; resolves when it has. */
	checkNow: () => Promise<void>;
};

const when = (ms: number, locale: Locale) => new Intl.DateTimeFormat(locale, {dateStyle: 'medium', timeStyle: 'short'}).format(ms);

export function statusText(status: UpdateStatus | undefined, locale: Locale): string {
	if (!status) return t('rulesUpdatesNever', locale);
	const at = when(status.checkedAt, locale);
	if (status.outcome === 'updated') return t('rulesUpdatesUpdated', locale, {when: at});
	if (status.outcome === 'current') return t('rulesUpdatesCurrent', locale, {when: at});
	const why = t(PROBLEM_TEXT[status.problem ?? 'network'] ?? 'rulesProblemNetwork', locale, {
		detail: (status.detail ?? '—').slice(0, 160),
	});
	return t('rulesUpdatesFailed', locale, {when: at, why});
}

export function RulesUpdates({locale, url, enabled, granted, update, status, setEnabled, checkNow}: RulesUpdatesProps) {
	const [denied, setDenied] = useState(false);
	const [checking, setChecking] = useState(false);
	const host = url ? new URL(url).host : '';
	const toggle = (on: boolean) => {
		setDenied(false);
		// setEnabled asks for the permission before anything is awaited: the click still counts as the user's.
		void setEnabled(on).then((ok) => setDenied(on && !ok));
	};
	const check = () => {
		setChecking(true);
		void checkNow().finally(() => setChecking(false));
	};
	return (
		<div data-testid="rules-updates">
			<p data-testid="rules-source">
				{update
					? t('rulesInUseUpdate', locale, {fetched: when(update.fetchedAt, locale), published: update.publishedAt})
					: t('rulesInUseBundled', locale)}
			</p>
			{url ? (
				<>
					<label class="switch">
						<input
							type="checkbox"
							data-testid="rules-updates-switch"
							checked={enabled}
							aria-describedby="rules-updates-help"
							onChange={(e) => toggle((e.target as HTMLInputElement).checked)}
						/>{' '}
						{t('rulesUpdatesSwitch', locale)}
					</label>
					<p id="rules-updates-help" class="help">
						{t('rulesUpdatesHelp', locale, {host})}
					</p>
					{denied ? (
						<p role="alert" class="warn">
							{t('rulesUpdatesDenied', locale, {host})}
						</p>
					) : null}
					{enabled && !granted ? (
						<p class="warn">
							{t('rulesUpdatesNotGranted', locale, {host})}{' '}
							<button type="button" onClick={() => toggle(true)}>
								{t('rulesUpdatesAllow', locale)}
							</button>
						</p>
					) : null}
					{enabled ? (
						<p>
							<span data-testid="rules-update-status" role="status">
								{checking ? t('rulesChecking', locale) : statusText(status, locale)}
							</span>{' '}
							<button type="button" data-testid="rules-check-now" disabled={checking || !granted} onClick={check}>
								{t('rulesCheckNow', locale)}
							</button>
						</p>
					) : null}
				</>
			) : null}
		</div>
	);
}
