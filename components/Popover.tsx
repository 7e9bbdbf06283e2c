import type {ComponentChildren, RefObject} from 'preact';
import {useEffect} from 'preact/hooks';

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

/**
 * Opens or closes the popover, for the user only: clicks a page script fires (`element.click()`, dispatched events)
 * are not trusted and are ignored.
 */
export function togglePopover(popover: HTMLElement | null, event: Event): void {
	if (!event.isTrusted) return;
	(popover as (HTMLElement & {togglePopover?: () => void}) | null)?.togglePopover?.();
}

type Props = {
	/** The popover element, for the control that opens it (togglePopover). */
	popoverRef: RefObject<HTMLDivElement | null>;
	/** The control that opens it: the popover is placed next to it, and focus returns to it on closing. */
	anchor: RefObject<HTMLElement | null>;
	open: boolean;
	/** Told when the browser opens or closes the popover (a click, Escape, a click outside). Must be stable (a state setter). */
	onOpenChange: (open: boolean) => void;
	/** The dialog's accessible name and visible heading. */
	title: string;
	closeLabel: string;
	/** Rendered only while open: hundreds of badges on a results page cost a button each. */
	children: ComponentChildren;
};

/**
 * A dialog in a popover: the top layer, so the overflow:hidden result cards of a page cannot clip it; Escape and
 * outside clicks close it.
 */
export function Popover({popoverRef, anchor, open, onOpenChange, title, closeLabel, children}: Props) {
	useEffect(() => {
		const el = popoverRef.current;
		if (!el) return;
		const onToggle = (event: Event) => {
			const isOpen = (event as ToggleEvent).newState === 'open';
			onOpenChange(isOpen);
			if (!isOpen) anchor.current?.focus({preventScroll: true});
		};
		el.addEventListener('toggle', onToggle);
		return () => el.removeEventListener('toggle', onToggle);
	}, []);

	useEffect(() => {
		const el = popoverRef.current;
		if (!open || !el) return;
		place(el, anchor.current!);
		el.querySelector<HTMLElement>('.close')?.focus();
	}, [open]);

	return (
		<div ref={popoverRef} class="popover" popover="auto" role="dialog" aria-label={title}>
			<div class="popover-head">
				<strong>{title}</strong>
				<button type="button" class="close" aria-label={closeLabel} onClick={(event) => togglePopover(popoverRef.current, event)}>
					×
				</button>
			</div>
			{open ? children : null}
		</div>
	);
}
