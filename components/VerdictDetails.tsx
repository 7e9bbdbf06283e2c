import type {Details, DetailsPolicy, DetailsSources, DetailsStop} from '@/lib/ui/details';

type VerdictDetailsProps = {
	/** The explanation in words (lib/ui/details.ts): built here on the extension's pages, by the background for a badge. */
	details: Details;
	onOpenSettings?: (event: Event) => void;
	/** Given for an eligible stay read from structured data: opens the printable check-in card. */
	onOpenCard?: (event: Event) => void;
};

/** Markers after a reason: the ids of the sources listed under the stops, where each is named in full. */
function SourceRefs({ids}: {ids: string[]}) {
	if (ids.length === 0) return null;
	return <span class="sources">[{ids.join(', ')}]</span>;
}

/**
 * Every cited source by publisher, title and date. A link only where the dataset has one (an allowlisted site over
 * https, checked when the rules load): a source whose only copies are on unvetted sites is named without a link.
 */
function SourceList({sources}: {sources: DetailsSources}) {
	if (sources.items.length === 0) return null;
	return (
		<section class="source-list" aria-label={sources.heading}>
			<h4>{sources.heading}</h4>
			<ul>
				{sources.items.map((s) => (
					<li key={s.id} data-source={s.id}>
						<span class="source-id">{s.id}</span>{' '}
						{s.url ? (
							<a href={s.url} target="_blank" rel="noreferrer noopener">
								{s.title}
							</a>
						) : (
							<span class="source-title">{s.title}</span>
						)}
						{' — '}
						{s.publisher}
						{s.date ? `, ${s.date}` : ''}
						{s.official ? ` · ${sources.officialTag}` : ''}
						{s.url ? '' : ` · ${sources.noLink}`}
					</li>
				))}
			</ul>
		</section>
	);
}

function Policy({policy}: {policy: DetailsPolicy}) {
	return (
		<li class={`policy status-${policy.status}`} data-policy={policy.policy}>
			<div class="policy-head">
				<span class="mark" aria-hidden="true">
					{policy.mark}
				</span>
				<strong>{policy.name}</strong>
				<span class="status">{policy.statusText}</span>
			</div>
			{policy.passportNote ? <div class="meta">{policy.passportNote}</div> : null}
			{policy.deadline ? <div class="deadline">{policy.deadline}</div> : null}
			<ul class="reasons">
				{policy.reasons.map((r, i) => (
					<li key={i} class={`reason kind-${r.kind}`}>
						{r.text} <SourceRefs ids={r.sources} />
					</li>
				))}
			</ul>
		</li>
	);
}

function StopView({stop}: {stop: DetailsStop}) {
	return (
		<section class="stop" aria-label={stop.label}>
			<h3>{stop.heading}</h3>
			<dl class="times">
				<dt>{stop.arrival.label}</dt>
				<dd>{stop.arrival.value}</dd>
				<dt>{stop.departure.label}</dt>
				<dd>{stop.departure.value}</dd>
			</dl>
			{stop.route ? <p class="meta">{stop.route}</p> : null}
			{stop.timeInChina ? <p class="meta">{stop.timeInChina}</p> : null}
			<p class="best">{stop.best}</p>
			<ul class="policies">
				{stop.policies.map((p) => (
					<Policy key={p.policy} policy={p} />
				))}
			</ul>
			<h4>{stop.remindersHeading}</h4>
			<ul class="reminders">
				{stop.reminders.map((r) => (
					<li key={r.code}>
						{r.text} <SourceRefs ids={r.sources} />
					</li>
				))}
			</ul>
		</section>
	);
}

/** The full explanation of a result, laid out from its view-model (lib/ui/details.ts): in the badge's popover and the popup. */
export function VerdictDetails({details, onOpenSettings, onOpenCard}: VerdictDetailsProps) {
	return (
		<div class="details">
			{details.notices.map((text, i) => (
				<p key={i} class="notice">
					{text}
				</p>
			))}
			{details.stops.map((s, i) => (
				<StopView key={i} stop={s} />
			))}
			<SourceList sources={details.sources} />
			<p class="footer">{details.footer}</p>
			{onOpenCard ? (
				<button type="button" class="link open-card" onClick={onOpenCard}>
					{details.actions.openCard}
				</button>
			) : null}
			{onOpenCard && onOpenSettings ? ' · ' : null}
			{onOpenSettings ? (
				<button type="button" class="link" onClick={onOpenSettings}>
					{details.actions.openSettings}
				</button>
			) : null}
		</div>
	);
}
