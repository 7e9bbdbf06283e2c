/**
 * The badge: a button with an accessible name and a symbol as well as a colour, which opens the details in a popover
 * (a dialog in the top layer, so the overflow:hidden result cards of a page cannot clip it; Escape and outside clicks
 * close it). Plain DOM: the content script carries no view library.
 *
 * Only the user opens it: clicks a page script fires are not trusted and are ignored. The details themselves are not
 * in the page's document: they speak of the traveller's passports, and the browser's text search (`window.find`, which
 * a page script can run) reaches into closed shadow roots. The popover holds a frame of the extension's own
 * (entrypoints/details), opened for each showing with a key the background hands out (lib/browser/details-link.ts),
 * and emptied when it closes, so hundreds of badges on a results page cost a button each. The popover's title is
 * inert (search skips it; the dialog's name is its aria-label).
 */
import {badgeText} from '@/lib/i18n/badge-messages';
import type {Locale} from '@/lib/i18n/locale';
import type {BadgeSummary} from '@/lib/ui/summary';
import {el} from './details-view';

/** A showing of the details: the frame's URL, and what to call when the popover closes or shows other details. */
export type DetailsShowing = {url: string; forget: () => void};

export type BadgeProps = {
	summary: BadgeSummary;
	locale: Locale;
	/** The page-level badge (itineraries in the page's data, no cards). */
	page?: boolean;
	/**
	 * Hands the badge's current details to the background and gives the frame URL that shows them; `close` closes this
	 * popover (the frame's Escape, through the background). Always a URL: without a key the frame says it could not.
	 */
	openDetails: (close: () => void) => Promise<DetailsShowing>;
};

const MARGIN = 8;
const FULL_HEIGHT = 520;
const MIN_HEIGHT = 160;

/**
 * Keeps the popover next to its anchor (the badge) and inside the viewport. Its size depends on the window only,
 * never on what it says (the content scrolls), so a page probing the top layer learns nothing from it.
 */
function place(popover: HTMLElement, anchor: HTMLElement) {
	const a = anchor.getBoundingClientRect();
	const view = popover.ownerDocument.defaultView!;
	const width = Math.min(380, view.innerWidth - 2 * MARGIN);
	const left = Math.min(Math.max(MARGIN, a.left), view.innerWidth - width - MARGIN);
	// Below the anchor when the full height fits there, else above, else on the roomier side at that side's height:
	// never over the badge it belongs to.
	const below = view.innerHeight - MARGIN - (a.bottom + 4);
	const above = a.top - 4 - MARGIN;
	const full = Math.min(FULL_HEIGHT, view.innerHeight - 2 * MARGIN);
	const downwards = below >= full || (above < full && below >= above);
	const height = Math.max(MIN_HEIGHT, Math.min(full, downwards ? below : above));
	popover.style.width = `${width}px`;
	popover.style.height = `${height}px`;
	popover.style.left = `${left}px`;
	popover.style.top = `${downwards ? a.bottom + 4 : Math.max(MARGIN, a.top - 4 - height)}px`;
}

/** Opens or closes the popover, for the user only (`element.click()` and dispatched events are not trusted). */
function toggleByUser(popover: HTMLElement, event: Event): void {
	if (!event.isTrusted) return;
	(popover as HTMLElement & {togglePopover?: () => void}).togglePopover?.();
}

/**
 * `element`: the badge; `frame`: the box around it that fills its host (./badge-host.ts), what goes into the host's
 * shadow root. `update` shows new props in it.
 */
/** `focus`: the keyboard's focus on the badge's button (the badge it replaces had it). */
export type BadgeView = {element: HTMLElement; frame: HTMLElement; update: (props: BadgeProps) => void; focus: () => void};

/** The popover's parts, made on the badge's first click: until then a badge is a button and its two labels. */
type Popover = {popover: HTMLElement; title: HTMLElement; close: HTMLElement; body: HTMLElement};

/**
 * The badge's elements before it says anything, in the box that fills its host, made once and cloned for each badge:
 * a clone is one call into the DOM where building them was a dozen (a results page makes a hundred badges in the
 * frames that add their cards), and the box comes with it rather than made and filled by the host.
 *
 * The pill's icon and text are `inert`: a closed shadow root keeps its text from the page's DOM calls, but not from
 * the browser's text search, which a page script can run (`window.find('240h')`, `window.find('US passport')`: true
 * when a badge shows it, in Chromium and Firefox alike), and what a badge says follows the traveller's passports and
 * settings. Text search skips inert nodes. They are still painted, the pointer goes through them to the button, and
 * the button's accessible name is its `aria-label`, which says the same.
 */
let blank: HTMLElement | undefined;

function blankBadge(): {frame: HTMLElement; element: HTMLElement; button: HTMLElement; icon: HTMLElement; text: HTMLElement} {
	blank ??= el('span', 'root', [
		el('span', undefined, [
			el('button', 'badge', [el('span', 'icon', [], {'aria-hidden': 'true', inert: ''}), el('span', 'text', [], {inert: ''})], {
				type: 'button',
				'aria-haspopup': 'dialog',
				'aria-expanded': 'false',
			}),
		]),
	]);
	const frame = blank.cloneNode(true) as HTMLElement;
	const element = frame.firstElementChild as HTMLElement;
	const button = element.firstElementChild as HTMLElement;
	return {frame, element, button, icon: button.firstElementChild as HTMLElement, text: button.lastElementChild as HTMLElement};
}

/** The pill's note (BadgeSummary `note`), after its text: inert like it, and never cut by its ellipsis (badge.css). */
function noteAfter(text: HTMLElement): HTMLElement {
	const note = el('span', 'note', [], {inert: ''});
	text.after(note);
	return note;
}

/** The badge's element, and how to show new props in it (a new verdict, another language). */
export function createBadge(initial: BadgeProps): BadgeView {
	let props = initial;
	const {frame, element, button, icon, text} = blankBadge();
	let parts: Popover | undefined;
	let iconHidden = false;
	let note: HTMLElement | undefined;

	let opened = 0;
	let showing: DetailsShowing | undefined;
	const forget = () => {
		showing?.forget();
		showing = undefined;
	};
	const show = async ({body, popover}: Popover) => {
		const mine = ++opened;
		forget();
		body.replaceChildren();
		const next = await props.openDetails(() => popover.hidePopover());
		if (mine !== opened) return next.forget(); // closed, or opened again, meanwhile
		showing = next;
		body.replaceChildren(
			el('iframe', 'details-frame', [], {
				// Its "Copy as text" writes the clipboard on the user's click, which Chrome lets a frame from another
				// origin do only where its embedder allows it. Chrome's allowlists match no extension origin (neither the
				// default, the address's, nor one named), so any: a page that could put its own page in this frame
				// could write the clipboard on a click in its own document anyway. The same for every traveller.
				allow: 'clipboard-write *',
				src: next.url,
				title: badgeText('detailsTitle', props.locale),
				referrerpolicy: 'no-referrer',
			}),
		);
	};
	const label = ({title, close, popover}: Popover, locale: Locale) => {
		const heading = badgeText('detailsTitle', locale);
		title.textContent = heading;
		popover.setAttribute('aria-label', heading);
		close.setAttribute('aria-label', badgeText('close', locale));
	};
	const made = (): Popover => {
		if (parts) return parts;
		// Inert: the title is in the traveller's language, which text search must not find (the dialog's name says it).
		const title = el('strong', undefined, [], {inert: ''});
		const close = el('button', 'close', ['×'], {type: 'button'});
		const body = el('div', 'popover-body');
		const popover = el('div', 'popover', [el('div', 'popover-head', [title, close]), body], {popover: 'auto', role: 'dialog'});
		parts = {popover, title, close, body};
		label(parts, props.locale);
		close.addEventListener('click', (event) => toggleByUser(popover, event));
		popover.addEventListener('toggle', (event) => {
			const open = (event as ToggleEvent).newState === 'open';
			button.setAttribute('aria-expanded', String(open));
			if (open) {
				place(popover, button);
				close.focus();
				void show(made());
			} else {
				opened++;
				forget();
				body.replaceChildren();
				button.focus({preventScroll: true});
			}
		});
		element.append(popover);
		return parts;
	};
	// Made on the first click, the user's or not (a page script's click opens nothing, and cannot see into the closed
	// root where it is made), so tests can reach it before they open it as the browser would.
	button.addEventListener('click', (event) => toggleByUser(made().popover, event));

	const update = (next: BadgeProps) => {
		props = next;
		const {summary, locale, page} = next;
		element.className = `ctc tone-${summary.tone}${page ? ' page' : ''}`;
		button.title = summary.fullText;
		button.setAttribute('aria-label', summary.ariaLabel);
		icon.textContent = summary.icon;
		// Written only when it changes (a clone starts shown), as each write is a call into the page's DOM.
		if (iconHidden !== !summary.icon) icon.hidden = iconHidden = !summary.icon;
		text.textContent = summary.text;
		// Made for the first summary that has one (only the page badge's do), and emptied rather than taken out.
		if (summary.note || note) (note ??= noteAfter(text)).textContent = summary.note ?? '';
		if (!parts) return;
		label(parts, locale);
		// Open while the verdict or the language changed: its details are asked for again.
		if (button.getAttribute('aria-expanded') === 'true') void show(parts);
	};
	update(initial);
	return {element, frame, update, focus: () => button.focus()};
}
