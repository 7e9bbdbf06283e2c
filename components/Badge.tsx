import {useRef, useState} from 'preact/hooks';
import {t} from '@/lib/i18n/messages';
import type {BadgeSummary} from '@/lib/ui/summary';
import {Popover, togglePopover} from './Popover';
import {VerdictDetails, type VerdictDetailsProps} from './VerdictDetails';

/** What the popover shows (the verdict's details), and what the badge itself says. */
type BadgeProps = VerdictDetailsProps & {
	summary: BadgeSummary;
	/** The page-level badge (itineraries in the page's data, no cards). */
	page?: boolean;
};

/**
 * The badge: a button with an accessible name and a symbol as well as a colour, which opens the details in a popover
 * (./Popover.tsx). Only the user opens it: clicks a page script fires are ignored.
 */
export function Badge({summary, result, rules, locale, heuristic, onOpenSettings, onOpenCard, page}: BadgeProps) {
	const button = useRef<HTMLButtonElement>(null);
	const popover = useRef<HTMLDivElement>(null);
	const [open, setOpen] = useState(false);

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
				onClick={(event) => togglePopover(popover.current, event)}
			>
				{summary.icon ? (
					<span class="icon" aria-hidden="true">
						{summary.icon}
					</span>
				) : null}
				<span class="text">{summary.text}</span>
			</button>
			<Popover
				popoverRef={popover}
				anchor={button}
				open={open}
				onOpenChange={setOpen}
				title={t('detailsTitle', locale)}
				closeLabel={t('close', locale)}
			>
				<VerdictDetails
					result={result}
					rules={rules}
					locale={locale}
					heuristic={heuristic}
					onOpenSettings={onOpenSettings}
					onOpenCard={onOpenCard}
				/>
			</Popover>
		</span>
	);
}
