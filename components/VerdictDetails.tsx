import {useLayoutEffect, useRef} from 'preact/hooks';
import type {Details} from '@/lib/ui/details';
import {renderDetails, type DetailsActions} from './details-view';

type VerdictDetailsProps = DetailsActions & {
	/** The explanation in words (lib/ui/details.ts): built here on the extension's pages, by the background for a badge. */
	details: Details;
};

/**
 * The details on the extension's pages (the popup): the same DOM as in the badge's popover (./details-view.ts), in
 * a wrapper that takes no room of its own.
 */
export function VerdictDetails({details, onOpenSettings, onOpenCard}: VerdictDetailsProps) {
	const host = useRef<HTMLDivElement>(null);
	useLayoutEffect(() => {
		host.current?.replaceChildren(renderDetails(details, {onOpenSettings, onOpenCard}));
	}, [details, onOpenSettings, onOpenCard]);
	return <div ref={host} class="details-host" />;
}
