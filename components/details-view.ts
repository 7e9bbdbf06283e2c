/**
 * The details (lib/ui/details.ts) as DOM: what the badge's popover shows, and what the popup shows through
 * ./VerdictDetails.tsx. Plain DOM, so the content script carries no view library; it only lays the view-model out.
 */
import type {Details, DetailsPolicy, DetailsSources, DetailsStop} from '@/lib/ui/details';

type Child = Node | string | null | undefined | false;

/** An element with a class (or none), attributes and children; text is always text, never markup. */
export function el(tag: string, className?: string, children: Child[] = [], attributes: Record<string, string> = {}): HTMLElement {
	const element = document.createElement(tag);
	if (className) element.className = className;
	for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
	for (const child of children) if (child) element.append(child);
	return element;
}

/**
 * A text whose arrows between places (`PEK → PKX`, `美国 → 日本`) a screen reader says as `to`, the word given (it
 * would read “right arrow”); seen as it is.
 */
function withArrows(text: string, to: string): Child[] {
	return text
		.split(' → ')
		.flatMap((part, i) =>
			i === 0 ? [part] : [' ', el('span', undefined, ['→'], {'aria-hidden': 'true'}), el('span', 'visually-hidden', [to]), ' ', part],
		);
}

/** Markers after a reason: the ids of the sources listed under the stops, where each is named in full. */
const sourceRefs = (ids: string[]) => (ids.length === 0 ? null : el('span', 'sources', [`[${ids.join(', ')}]`]));

/**
 * Every cited source by publisher, title and date. A link only where the dataset has one (an allowlisted site over
 * https, checked when the rules load): a source whose only copies are on unvetted sites is named without a link.
 */
function sourceList(sources: DetailsSources, sub: string): HTMLElement | null {
	if (sources.items.length === 0) return null;
	const items = sources.items.map((s) => {
		const title = s.url
			? el('a', undefined, [s.title], {href: s.url, target: '_blank', rel: 'noreferrer noopener'})
			: el('span', 'source-title', [s.title]);
		const tail = `${s.publisher}${s.date ? `, ${s.date}` : ''}${s.official ? ` · ${sources.officialTag}` : ''}${s.url ? '' : ` · ${sources.noLink}`}`;
		return el('li', undefined, [el('span', 'source-id', [s.id]), ' ', title, ' — ', tail], {'data-source': s.id});
	});
	return el('section', 'source-list', [el(sub, 'sub', [sources.heading]), el('ul', undefined, items)], {
		'aria-label': sources.heading,
	});
}

function policyItem(policy: DetailsPolicy, to: string): HTMLElement {
	const head = el('div', 'policy-head', [
		el('span', 'mark', [policy.mark], {'aria-hidden': 'true'}),
		el('strong', undefined, [policy.name]),
		el('span', 'status', [policy.statusText]),
	]);
	const reasons = policy.reasons.map((r) => el('li', `reason kind-${r.kind}`, [...withArrows(r.text, to), ' ', sourceRefs(r.sources)]));
	return el(
		'li',
		`policy status-${policy.status}`,
		[
			head,
			policy.passportNote ? el('div', 'meta', [policy.passportNote]) : null,
			policy.deadline ? el('div', 'deadline', [policy.deadline]) : null,
			el('ul', 'reasons', reasons),
		],
		{'data-policy': policy.policy},
	);
}

function stopSection(stop: DetailsStop, [top, sub]: Levels, to: string): HTMLElement {
	const times = el('dl', 'times', [
		el('dt', undefined, [stop.arrival.label]),
		el('dd', undefined, [stop.arrival.value]),
		el('dt', undefined, [stop.departure.label]),
		el('dd', undefined, [stop.departure.value]),
	]);
	return el(
		'section',
		'stop',
		[
			el(top, 'top', withArrows(stop.heading, to)),
			stop.names
				? el('p', 'meta airport-names', withArrows(stop.names.text, to), stop.names.lang ? {lang: stop.names.lang} : {})
				: null,
			times,
			stop.route ? el('p', 'meta', withArrows(stop.route, to)) : null,
			stop.timeInChina ? el('p', 'meta', [stop.timeInChina]) : null,
			el('p', 'best', [stop.best]),
			el(
				'ul',
				'policies',
				stop.policies.map((p) => policyItem(p, to)),
			),
			el(sub, 'sub', [stop.remindersHeading]),
			el(
				'ul',
				'reminders',
				stop.reminders.map((r) => el('li', undefined, [...withArrows(r.text, to), ' ', sourceRefs(r.sources)])),
			),
		],
		{'aria-label': stop.label},
	);
}

/** The heading elements of a stop and of the parts under it: h3 and h4 in the popup, one level up in the frame. */
type Levels = [top: string, sub: string];

export type DetailsActions = {
	onOpenSettings?: (event: Event) => void;
	/** Given for an eligible stay read from structured data: opens the printable check-in card. */
	onOpenCard?: (event: Event) => void;
	/**
	 * Given where the details can be copied as text (a badge's details frame): writes the text, resolving true once it
	 * is on the clipboard and false where the browser refused; the outcome is said in a status line under the buttons.
	 */
	onCopy?: (event: Event) => Promise<boolean>;
	/** The level of each stop's heading (the parts under it one below): 3 unless given. */
	headingLevel?: 2 | 3;
};

function linkButton(className: string, text: string, onClick: (event: Event) => void): HTMLElement {
	const button = el('button', className, [text], {type: 'button'});
	button.addEventListener('click', onClick);
	return button;
}

/** The copy button and the line under the buttons that says what it did (politely, to a screen reader too). */
function copyParts(details: Details, onCopy: (event: Event) => Promise<boolean>): [HTMLElement, HTMLElement] {
	const status = el('p', 'copy-status', [], {role: 'status'});
	const button = linkButton('link copy-text', details.actions.copyText, (event) => {
		status.textContent = '';
		void onCopy(event).then((done) => {
			status.textContent = done ? details.actions.copyDone : details.actions.copyFailed;
			status.classList.toggle('copy-failed', !done);
			// Below the fold of a frame scrolled to the button: brought up, in this document only (never its embedder's).
			const view = status.ownerDocument.defaultView;
			const below = view ? status.getBoundingClientRect().bottom - view.innerHeight : 0;
			if (view && below > 0) view.scrollBy(0, below + 4);
		});
	});
	return [button, status];
}

/** The full explanation of a result, laid out from its view-model. */
export function renderDetails(details: Details, {onOpenSettings, onOpenCard, onCopy, headingLevel = 3}: DetailsActions = {}): HTMLElement {
	const levels: Levels = [`h${headingLevel}`, `h${headingLevel + 1}`];
	const [copy, copied] = onCopy ? copyParts(details, onCopy) : [];
	const actions = [
		onOpenCard ? linkButton('link open-card', details.actions.openCard, onOpenCard) : null,
		copy,
		onOpenSettings ? linkButton('link', details.actions.openSettings, onOpenSettings) : null,
	].filter((a): a is HTMLElement => Boolean(a));
	return el('div', 'details', [
		...details.notices.map((text) => el('p', 'notice', withArrows(text, details.arrowWord))),
		details.tip ? el('p', 'tip', [details.tip]) : null,
		...details.stops.map((stop) => stopSection(stop, levels, details.arrowWord)),
		sourceList(details.sources, levels[1]),
		el('p', 'footer', [details.footer]),
		...actions.flatMap((a, i) => (i > 0 ? [' · ', a] : [a])),
		copied,
	]);
}
