/**
 * The details frame: what a badge's popover shows, in a page of the extension's own (lib/browser/details-link.ts says
 * why: the booking page can neither read nor search another origin's text). The key in the URL's hash is all it is
 * given; it asks the background for that key's details, which the background answers only to this page in the tab
 * whose badge opened it. Plain DOM, the same layout as the popup's details (components/details-view.ts).
 *
 * Its buttons act only on the user's own clicks (a page cannot fire trusted events in another origin's frame): the
 * check-in card, the settings, and the details as text to copy (made by the background with the details). Escape here
 * asks the background to close the popover, as Escape does on the badge's side of it.
 */
import {browser} from '#imports';
import {renderDetails} from '@/components/details-view';
import {detailsKeyOf} from '@/lib/browser/details-link';
import type {BackgroundReply, ToBackground} from '@/lib/browser/message-types';
import {readSettings} from '@/lib/browser/settings-store';
import {badgeText, resolveLocale} from '@/lib/i18n/badge-messages';
import type {Locale} from '@/lib/i18n/locale';
import './style.css';

/** Before the details come, a loading line once this long has passed (most come sooner, and a flash is noise). */
const LOADING_AFTER_MS = 150;

async function ask<T extends ToBackground>(message: T): Promise<BackgroundReply<T['type']> | undefined> {
	try {
		return (await browser.runtime.sendMessage(message)) as BackgroundReply<T['type']>;
	} catch {
		return undefined;
	}
}

const content = document.getElementById('details')!;
const heading = document.getElementById('title')!;
const key = detailsKeyOf(location.hash);

function status(text: string): void {
	const line = Object.assign(document.createElement('p'), {className: 'details-status', textContent: text});
	line.setAttribute('role', 'status');
	content.replaceChildren(line);
}

/** The page's language, title and heading (the popover's title, for screen readers in the frame). */
function name(locale: Locale): void {
	document.documentElement.lang = locale;
	document.title = heading.textContent = badgeText('detailsTitle', locale);
}

async function show(): Promise<void> {
	// The traveller's language for the lines said before (or instead of) the details, as the badge would say them.
	const locale = readSettings().then((settings) => resolveLocale(settings.language, navigator.language));
	void locale.then((l) => {
		if (!heading.textContent) name(l);
	});
	let settled = false;
	setTimeout(() => void locale.then((l) => settled || status(badgeText('detailsLoading', l))), LOADING_AFTER_MS);
	const reply = key ? await ask({type: 'details-frame', key}) : undefined;
	settled = true;
	if (!reply?.ok) return status(badgeText('detailsFailed', await locale));
	name(reply.locale);
	const card = reply.card;
	content.replaceChildren(
		renderDetails(reply.details, {
			headingLevel: 2,
			onOpenSettings: (event) => {
				if (event.isTrusted) void ask({type: 'open-options'});
			},
			onOpenCard: card
				? (event) => {
						if (event.isTrusted) void ask({type: 'open-card', trip: card});
					}
				: undefined,
			// The click lets the frame write the clipboard (the badge's iframe allows `clipboard-write`); no permission.
			onCopy: async (event) => {
				if (!event.isTrusted) return false;
				try {
					await navigator.clipboard.writeText(reply.text);
					return true;
				} catch {
					return false;
				}
			},
		}),
	);
}

addEventListener('keydown', (event) => {
	if (event.key !== 'Escape' || !event.isTrusted || !key) return;
	event.preventDefault();
	void ask({type: 'details-close', key});
});

void show();
