/**
 * The build's settings for rules updates (wxt.config.ts): the update URL, and the keys an update may be signed with
 * (data/rules-keys.json; in `--mode e2e` builds the test key too). Outside a build (the tests), no URL.
 */
import {bundledKeys} from '../rules/rules-keys';
import type {TrustedKey} from '../rules/signed-update';

export const RULES_UPDATE_URL: string | undefined = import.meta.env.CTC_RULES_UPDATE_URL || undefined;

export function trustedKeys(): TrustedKey[] {
	const extra = import.meta.env.CTC_RULES_TEST_KEYS;
	return [...bundledKeys(), ...(extra ? (JSON.parse(extra) as TrustedKey[]) : [])];
}

/** The match pattern the update host's permission is asked for (any port: patterns have none). */
export function updateHostPattern(url: string): string {
	const u = new URL(url);
	return `${u.protocol}//${u.hostname}/*`;
}
