/**
 * What the toolbar button says about a tab's page (lib/ui/page-summary.ts toolbarVerdict): a count on the button, a
 * colour for the best verdict, and the same in words in its tooltip, so the colour is never the only signal. Pure:
 * the background hands the result to the browser's action API.
 */
import {t} from '../i18n/messages';
import type {Locale} from '../i18n/locale';
import type {ToolbarVerdict} from './page-summary';

/** Badge colours, each under white text at ≥ 4.5:1. */
const COLOURS = {ok: '#1a7f37', check: '#8a5300', passport: '#0a5cc2', none: '#b42318'} as const;

type ToolbarLook = {text: string; title: string; colour?: string};

export function toolbarLook(verdict: ToolbarVerdict, locale: Locale): ToolbarLook {
	const app = t('appName', locale);
	if (verdict.withStops === 0 || !verdict.tone) return {text: '', title: app};
	return {
		text: verdict.withStops > 999 ? '999+' : String(verdict.withStops),
		title: t('toolbarTitle', locale, {app, count: verdict.withStops, verdict: verdict.text}),
		colour: COLOURS[verdict.tone],
	};
}
