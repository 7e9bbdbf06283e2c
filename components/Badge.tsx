import {useEffect, useRef, useState} from 'preact/hooks';
import type {CheckResult} from '@/lib/rules/types';
import type {RuleSet} from '@/lib/rules/load-rules';
import type {Locale} from '@/lib/i18n/reason-text';
import {t} from '@/lib/i18n/messages';
import type {BadgeSummary} from '@/lib/ui/summary';
import {VerdictDetails} from './VerdictDetails';

export type BadgeProps = {
	summary: BadgeSummary;
	result: CheckResult;
	rules: RuleSet;
	locale: Locale;
	heuristic?: boolean;
	onOpenSettings?: (event: Event) => void;
	onOpenCard?: (event: Event) => void;
	/** The page-level badge (itineraries in the page's data, no cards). */
	page?: boolean;
};

const MARGIN = 8;
const FULL_HEIGHT = 520;
const MIN_HEIGHT = 160;

/**
 * Keeps the details card next to the badge and inside the viewport. Its size depends on the window only, never on
 * what it says (the content scrolls), so a page probing the top layer learns nothing from it.
 */
function place(card: HTMLElement, anchor: HTMLElement) {
	const a = anchor.getBoundingClientRect();
	const view = card.ownerDocument.defaultView!;
	const width = Math.min(380, view.innerWidth - 2 * MARGIN);
	const left = Math.min(Math.max(MARGIN, a.left), view.innerWidth - width - MARGIN);
	// Below the badge when the full height fits there, else above, else on the roomier side at that side's height:
	// never over the badge it belongs to.
	const below = view.innerHeight - MARGIN - (a.bottom + 4);
	const above = a.top - 4 - MARGIN;
	const full = Math.min(FULL_HEIGHT, view.innerHeight - 2 * MARGIN);
	const downwards = below >= full || (above < full && below >= above);
	const height = Math.max(MIN_HEIGHT, Math.min(full, downwards ? below : above));
	card.style.width = `${width}px`;
	card.style.height = `${height}px`;
	card.style.left = `${left}px`;
	card.style.top = `${downwards ? a.bottom + 4 : Math.max(MARGIN, a.top - 4 - height)}px`;
}

/**
 * The badge: a button with an accessible name and a symbol as well as a colour, and a details card in a popover
 * (top layer, so overflow:hidden cards cannot clip it; Escape and outside clicks close it). Only the user opens it:
 * clicks a page script fires (`element.click()`, dispatched events) are not trusted and are ignored.
 */
export function Badge({summary, result, rules, locale, heuristic, onOpenSettings, onOpenCard, page}: BadgeProps) {
	const button = useRef<HTMLButtonElement>(null);
	const card = useRef<HTMLDivElement>(null);
	const [open, setOpen] = useState(false);

	useEffect(() => {
		const el = card.current;
		if (!el) return;
		const onToggle = (event: Event) => {
			const isOpen = (event as ToggleEvent).newState === 'open';
			setOpen(isOpen);
			if (!isOpen) button.current?.focus({preventScroll: true});
		};
		el.addEventListener('toggle', onToggle);
		return () => el.removeEventListener('toggle', onToggle);
	}, []);

	// The details are rendered only while open: hundreds of badges on a results page cost a button each.
	useEffect(() => {
		const el = card.current;
		if (!open || !el) return;
		place(el, button.current!);
		el.querySelector<HTMLElement>('.close')?.focus();
	}, [open]);

	const toggle = (event: Event) => {
		if (!event.isTrusted) return;
		const el = card.current as (HTMLDivElement & {togglePopover?: () => void}) | null;
		el?.togglePopover?.();
	};

	return (
		<span class={`ctc tone-${summary.tone}${page ? ' page' : ''}`}>
			<button
				ref={button}
				type="button"
				class="badge"
				title={summary.fullText}
				aria-label={summary.ariaLabel}
				aria-haspopup="dialog"
				aria-expanded={open}
				onClick={toggle}
			>
				{summary.icon ? (
					<span class="icon" aria-hidden="true">
						{summary.icon}
					</span>
				) : null}
				<span class="text">{summary.text}</span>
			</button>
			<div ref={card} class="card" popover="auto" role="dialog" aria-label={t('detailsTitle', locale)}>
				<div class="card-head">
					<strong>{t('detailsTitle', locale)}</strong>
					<button type="button" class="close" aria-label={t('close', locale)} onClick={toggle}>
						×
					</button>
				</div>
				{open ? (
					<VerdictDetails
						result={result}
						rules={rules}
						locale={locale}
						heuristic={heuristic}
						onOpenSettings={onOpenSettings}
						onOpenCard={onOpenCard}
					/>
				) : null}
			</div>
		</span>
	);
}
