import {useEffect, useRef, useState} from 'preact/hooks';
import {badgeText as t} from '@/lib/i18n/badge-messages';
import type {Locale} from '@/lib/i18n/locale';
import type {Details} from '@/lib/ui/details';
import type {BadgeSummary} from '@/lib/ui/summary';
import {Popover, togglePopover} from './Popover';
import {VerdictDetails} from './VerdictDetails';

type BadgeProps = {
	summary: BadgeSummary;
	locale: Locale;
	/** The page-level badge (itineraries in the page's data, no cards). */
	page?: boolean;
	/**
	 * The details, asked for each time the popover opens: the content script carries only the compact rules, so the
	 * background explains the badge's trips (undefined: it could not).
	 */
	loadDetails: () => Promise<Details | undefined>;
	onOpenSettings?: (event: Event) => void;
	/** Given for an eligible stay read from structured data: opens the printable check-in card. */
	onOpenCard?: (event: Event) => void;
};

type Loaded = {state: 'loading'} | {state: 'failed'} | {state: 'done'; details: Details};

/** The popover's content: a line while the background answers, then the details, or why there are none. */
function LoadedDetails({
	load,
	locale,
	onOpenSettings,
	onOpenCard,
}: {load: BadgeProps['loadDetails']; locale: Locale} & Pick<BadgeProps, 'onOpenSettings' | 'onOpenCard'>) {
	const [loaded, setLoaded] = useState<Loaded>({state: 'loading'});
	useEffect(() => {
		let current = true;
		load().then(
			(details) => current && setLoaded(details ? {state: 'done', details} : {state: 'failed'}),
			() => current && setLoaded({state: 'failed'}),
		);
		return () => {
			current = false;
		};
	}, [load]);
	if (loaded.state === 'done') return <VerdictDetails details={loaded.details} onOpenSettings={onOpenSettings} onOpenCard={onOpenCard} />;
	return (
		<p class="details-status" role="status">
			{t(loaded.state === 'loading' ? 'detailsLoading' : 'detailsFailed', locale)}
		</p>
	);
}

/**
 * The badge: a button with an accessible name and a symbol as well as a colour, which opens the details in a popover
 * (./Popover.tsx). Only the user opens it: clicks a page script fires are ignored.
 */
export function Badge({summary, locale, page, loadDetails, onOpenSettings, onOpenCard}: BadgeProps) {
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
				<LoadedDetails load={loadDetails} locale={locale} onOpenSettings={onOpenSettings} onOpenCard={onOpenCard} />
			</Popover>
		</span>
	);
}
