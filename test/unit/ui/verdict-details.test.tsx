// @vitest-environment jsdom
/**
 * The details (in the badge's popover and the popup) for a few trips: the component lays out its view-model
 * (lib/ui/details.ts) and nothing else; every link it renders opens over https on an allowlisted site, and a source
 * without such a link is still named by publisher, title and date, as plain text. Then the badge and its popover.
 */
import {afterEach, describe, expect, it, vi} from 'vitest';
import {cleanup, fireEvent, getByRole, render, waitFor} from '@testing-library/preact';
import './wait-longer';
import rawDomains from '@/data/source-domains.json';
import {createBadge, type BadgeProps} from '@/components/badge-view';
import {renderDetails} from '@/components/details-view';
import {VerdictDetails} from '@/components/VerdictDetails';
import {buildDetails} from '@/lib/ui/details';
import {citedSourceIds} from '@/lib/ui/format';
import {summarize} from '@/lib/ui/summary';
import {evaluateTrip} from '@/lib/rules/evaluate';
import {loadRules} from '@/lib/rules/load-rules';
import {ruleForUrl, type DomainRule} from '@/lib/rules/source-links';
import type {TripInput} from '@/lib/rules/types';

const rules = loadRules();
const domains = rawDomains.domains as DomainRule[];
const TODAY = '2026-03-01';

afterEach(() => {
	cleanup();
	document.body.replaceChildren();
});

const TRIPS: Record<string, TripInput> = {
	// The e2e page: two stops, no passport set (24-hour transit holds for everyone).
	'KUL → HAK → NRT, no passport': {
		passports: [],
		segments: [
			{from: 'KUL', to: 'HAK', departure: '2026-03-15T08:00', arrival: '2026-03-15T12:00'},
			{from: 'HAK', to: 'NRT', departure: '2026-03-15T18:40', arrival: '2026-03-15T23:55'},
		],
	},
	// Back to where it came from: the third-country rule fails for both transit policies.
	'LAX → PVG → LAX, US passport': {
		passports: ['US'],
		segments: [
			{from: 'LAX', to: 'PVG', departure: '2026-03-15T11:00', arrival: '2026-03-16T17:00'},
			{from: 'PVG', to: 'LAX', departure: '2026-03-20T09:00', arrival: '2026-03-20T06:00'},
		],
	},
	'CDG → PVG → CDG, French passport': {
		passports: ['FR'],
		segments: [
			{from: 'CDG', to: 'PVG', departure: '2026-03-15T11:00', arrival: '2026-03-16T07:00'},
			{from: 'PVG', to: 'CDG', departure: '2026-03-30T09:00', arrival: '2026-03-30T15:00'},
		],
	},
	// No times on the page: doubts, which cite their sources too.
	'JFK → PEK → NRT, no times, US passport': {
		passports: ['US'],
		segments: [
			{from: 'JFK', to: 'PEK'},
			{from: 'PEK', to: 'NRT'},
		],
	},
};

describe.each(Object.entries(TRIPS))('the details for %s', (_name, trip) => {
	const result = evaluateTrip(trip, rules, {today: TODAY});
	const cited = citedSourceIds(result);

	it('cites sources', () => {
		expect(cited.length).toBeGreaterThan(0);
	});

	it.each(['en', 'zh-CN', 'zh-TW'] as const)(
		'lays out its view-model in %s: notices, stops, policies, reasons, reminders, sources',
		(locale) => {
			const d = buildDetails(result, rules, locale, {heuristic: true});
			const {container} = render(<VerdictDetails details={d} />);
			// What is seen (text for screen readers only left out), and what a screen reader says (nothing hidden from it).
			const textWithout = (el: Node | null, skip: (e: Element) => boolean): string =>
				!el
					? ''
					: el.nodeType === Node.TEXT_NODE
						? el.textContent!
						: el instanceof Element && skip(el)
							? ''
							: [...el.childNodes].map((c) => textWithout(c, skip)).join('');
			const text = (el: Element | null) => textWithout(el, (e) => e.classList.contains('visually-hidden'));
			const spoken = (el: Element | null) => textWithout(el, (e) => e.getAttribute('aria-hidden') === 'true');
			// A screen reader reads an arrow as “right arrow”: it is given the word instead.
			const said = (seen: string) => seen.replaceAll(' → ', ` ${d.arrowWord} `);
			expect(d.arrowWord).toBe({en: 'to', 'zh-CN': '至', 'zh-TW': '至'}[locale]);
			expect([...container.querySelectorAll('.details > .notice')].map(text)).toEqual(d.notices);
			const stops = [...container.querySelectorAll('section.stop')];
			expect(stops.map((s) => text(s.querySelector('h3')))).toEqual(d.stops.map((s) => s.heading));
			expect(stops.map((s) => spoken(s.querySelector('h3')))).toEqual(d.stops.map((s) => said(s.heading)));
			expect(stops.map((s) => s.getAttribute('aria-label'))).toEqual(d.stops.map((s) => s.label));
			for (const [i, el] of stops.entries()) {
				const stop = d.stops[i]!;
				expect([...el.querySelectorAll('.times dt, .times dd')].map(text)).toEqual([
					stop.arrival.label,
					stop.arrival.value,
					stop.departure.label,
					stop.departure.value,
				]);
				expect([...el.querySelectorAll(':scope > p.meta')].map(text)).toEqual(
					[stop.names?.text, stop.route, stop.timeInChina].filter(Boolean),
				);
				expect([...el.querySelectorAll(':scope > p.meta')].map(spoken)).toEqual(
					[stop.names?.text, stop.route, stop.timeInChina].filter(Boolean).map((x) => said(x!)),
				);
				// The airports' names say which language they are in (the mainland's Chinese names are in simplified script).
				expect(el.querySelector('.airport-names')?.getAttribute('lang')).toBe(stop.names?.lang ?? (stop.names ? null : undefined));
				expect(text(el.querySelector('.best'))).toBe(stop.best);
				const policies = [...el.querySelectorAll('.policy')];
				expect(policies.map((p) => p.getAttribute('data-policy'))).toEqual(stop.policies.map((p) => p.policy));
				for (const [j, p] of policies.entries()) {
					const policy = stop.policies[j]!;
					expect(p.className).toBe(`policy status-${policy.status}`);
					expect([text(p.querySelector('.mark')), text(p.querySelector('strong')), text(p.querySelector('.status'))]).toEqual([
						policy.mark,
						policy.name,
						policy.statusText,
					]);
					expect(text(p.querySelector(':scope > .meta')) || undefined).toBe(policy.passportNote);
					expect(text(p.querySelector('.deadline')) || undefined).toBe(policy.deadline);
					expect([...p.querySelectorAll('.reason')].map((r) => [r.className, text(r)])).toEqual(
						policy.reasons.map((r) => [
							`reason kind-${r.kind}`,
							r.sources.length > 0 ? `${r.text} [${r.sources.join(', ')}]` : `${r.text} `,
						]),
					);
					expect(
						[...p.querySelectorAll('.reason')].map((r) =>
							spoken(r)
								.replace(/ \[.*\]$/, '')
								.trimEnd(),
						),
					).toEqual(policy.reasons.map((r) => said(r.text)));
				}
				expect([...el.querySelectorAll('.reminders li')].map(text)).toEqual(
					stop.reminders.map((r) => (r.sources.length > 0 ? `${r.text} [${r.sources.join(', ')}]` : `${r.text} `)),
				);
			}
			expect([...container.querySelectorAll('.source-list li')].map((li) => li.getAttribute('data-source'))).toEqual(
				d.sources.items.map((s) => s.id),
			);
			expect(text(container.querySelector('.footer'))).toBe(d.footer);
		},
	);

	it('links only to allowlisted sites over https', () => {
		const {container} = render(<VerdictDetails details={buildDetails(result, rules, 'en')} />);
		const links = [...container.querySelectorAll('a')];
		expect(links.length).toBeGreaterThan(0);
		for (const a of links) {
			const href = a.getAttribute('href')!;
			expect(new URL(href).protocol, href).toBe('https:');
			expect(ruleForUrl(href, domains), href).toBeDefined();
			expect(a.getAttribute('rel')).toContain('noopener');
		}
	});

	it('names every cited source by title, publisher and date, and links it only when the dataset has a link', () => {
		const {container} = render(<VerdictDetails details={buildDetails(result, rules, 'en')} />);
		for (const id of cited) {
			const s = rules.data.sources.find((x) => x.id === id)!;
			const item = container.querySelector(`.source-list li[data-source="${id}"]`);
			expect(item, id).not.toBeNull();
			expect(item!.textContent).toContain(s.title);
			expect(item!.textContent).toContain(s.publisher);
			if (s.date) expect(item!.textContent).toContain(s.date);
			const a = item!.querySelector('a');
			if (s.url) expect(a?.getAttribute('href')).toBe(s.url);
			else {
				expect(a, id).toBeNull();
				expect(item!.textContent).toContain('no link to a trusted site');
			}
			expect(item!.textContent!.includes('· official'), id).toBe(s.official);
		}
	});
});

describe('copying the details as text (in a badge’s details frame)', () => {
	const trip = TRIPS['KUL → HAK → NRT, no passport']!;
	const details = buildDetails(evaluateTrip(trip, rules, {today: TODAY}), rules, 'en');
	const shown = (onCopy?: () => Promise<boolean>) => {
		const view = renderDetails(details, {onOpenSettings: () => undefined, ...(onCopy ? {onCopy} : {})});
		document.body.append(view);
		return view;
	};

	it('offers the button between the others, and says under them whether the text was copied or refused', async () => {
		const answers = [true, false];
		const onCopy = vi.fn(async () => answers.shift()!);
		const view = shown(onCopy);
		const buttons = [...view.querySelectorAll('button')].map((b) => b.textContent);
		expect(buttons).toEqual(['Copy as text', 'Passports and settings']);
		const status = view.querySelector('.copy-status')!;
		expect(status.getAttribute('role')).toBe('status');
		expect(status.textContent).toBe('');
		fireEvent.click(getByRole(view, 'button', {name: 'Copy as text'}));
		await waitFor(() => expect(status.textContent).toBe('Copied: the route, its flights and the result, with reasons and sources.'));
		expect(status.classList.contains('copy-failed')).toBe(false);
		fireEvent.click(getByRole(view, 'button', {name: 'Copy as text'}));
		await waitFor(() => expect(status.textContent).toBe('The browser did not let the extension copy: nothing was copied.'));
		expect(status.classList.contains('copy-failed')).toBe(true);
		expect(onCopy).toHaveBeenCalledTimes(2);
	});

	it('has no copy button or status where nothing can copy (the popup copies under its result)', () => {
		const view = shown();
		expect([...view.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Passports and settings']);
		expect(view.querySelector('.copy-status')).toBeNull();
	});
});

describe('sources that lost their copies on spam sites', () => {
	it('are named without a link (S25, the Baiyun border station guidance, on a return to the origin)', () => {
		const result = evaluateTrip(TRIPS['LAX → PVG → LAX, US passport']!, rules, {today: TODAY});
		const {container} = render(<VerdictDetails details={buildDetails(result, rules, 'zh-CN')} />);
		const item = container.querySelector('.source-list li[data-source="S25"]');
		expect(item?.textContent).toContain('Guangzhou Baiyun');
		expect(item?.querySelector('a')).toBeNull();
		expect(item?.textContent).toContain('无可信网站链接');
		expect(container.innerHTML).not.toMatch(/51kaos|http:\/\//);
	});
});

describe('the badge and its popover', () => {
	const result = evaluateTrip(TRIPS['KUL → HAK → NRT, no passport']!, rules, {today: TODAY});
	const summary = summarize(result, 'manual', 'en')!;
	const FRAME = 'chrome-extension://0f1e2d3c4b5a69788796a5b4c3d2e1f0/details.html';
	/** The content script's side of a showing (components/badge-mount.ts): each call a new key, forgotten on close. */
	const showings = () => {
		const calls: {key: string; close: () => void; forgotten: boolean}[] = [];
		const openDetails = async (close: () => void) => {
			const call = {key: crypto.randomUUID(), close, forgotten: false};
			calls.push(call);
			return {url: `${FRAME}#${call.key}`, forget: () => void (call.forgotten = true)};
		};
		return {calls, openDetails};
	};

	/** The browser's toggle event when the popover opens or closes (jsdom has no popover API). */
	const toggle = async (el: Element, newState: 'open' | 'closed') => {
		el.dispatchEvent(Object.assign(new Event('toggle'), {newState, oldState: newState === 'open' ? 'closed' : 'open'}));
		await new Promise((resolve) => setTimeout(resolve, 0));
	};
	const badge = (props: Partial<BadgeProps> = {}) => {
		const view = createBadge({summary, locale: 'en', openDetails: showings().openDetails, ...props});
		document.body.append(view.element);
		return view;
	};

	/** The popover, made on the badge's first click (a script's click opens nothing). */
	const popoverOf = (view: {element: HTMLElement}) => {
		view.element.querySelector<HTMLButtonElement>('button.badge')!.click();
		return view.element.querySelector<HTMLElement>(':scope > [role="dialog"]')!;
	};

	it('is a button and a dialog in a popover, with a heading and a close button; no details while closed', () => {
		const view = badge();
		const root = view.element;
		// Until the first click a badge is its button only: hundreds of them on a results page cost that much.
		expect(root.querySelector('[role="dialog"]')).toBeNull();
		expect(root.className).toBe(`ctc tone-${summary.tone}`);
		const button = root.querySelector(':scope > button.badge')!;
		expect(button.getAttribute('aria-label')).toBe(summary.ariaLabel);
		expect(button.getAttribute('aria-haspopup')).toBe('dialog');
		expect(button.getAttribute('aria-expanded')).toBe('false');
		expect(button.querySelector('.text')?.textContent).toBe(summary.text);
		const popover = popoverOf(view);
		expect(popover.getAttribute('popover')).toBe('auto');
		expect(popover.getAttribute('aria-label')).toBe('Transit through mainland China');
		// The title is in the traveller's language: inert, so the page's text search cannot find it.
		expect(popover.querySelector('strong')?.textContent).toBe('Transit through mainland China');
		expect(popover.querySelector('strong')?.hasAttribute('inert')).toBe(true);
		expect(popover.querySelector('button.close')?.getAttribute('aria-label')).toBe('Close');
		expect(popover.querySelector('iframe, .details')).toBeNull();
	});

	it('a page badge’s note of flights not checked: its own inert element after the text, emptied when it goes', () => {
		const view = badge({page: true});
		const button = view.element.querySelector('button.badge')!;
		expect(button.querySelector('.note')).toBeNull(); // a card badge never has one
		const noted = {...summary, note: '· 1 flight not checked', fullText: `${summary.fullText} · 1 flight not checked`};
		view.update({summary: noted, locale: 'en', page: true, openDetails: showings().openDetails});
		const note = button.querySelector('.text + .note')!;
		expect(note.textContent).toBe('· 1 flight not checked');
		expect(note.hasAttribute('inert')).toBe(true);
		expect(button.getAttribute('title')).toBe(noted.fullText);
		view.update({summary, locale: 'en', page: true, openDetails: showings().openDetails});
		expect(button.querySelectorAll('.note')).toHaveLength(1);
		expect(note.textContent).toBe('');
	});

	it("shows the details in the extension's frame when the browser opens it, and empties it on closing", async () => {
		const {calls, openDetails} = showings();
		const view = badge({page: true, openDetails});
		const root = view.element;
		expect(root.className).toBe(`ctc tone-${summary.tone} page`);
		const button = root.querySelector<HTMLButtonElement>('button.badge')!;
		// A click a script fires is not the user's: nothing opens (and jsdom could not open a popover anyway).
		const popover = popoverOf(view);
		expect(button.getAttribute('aria-expanded')).toBe('false');
		expect(calls).toHaveLength(0);
		await toggle(popover, 'open');
		expect(button.getAttribute('aria-expanded')).toBe('true');
		const frame = popover.querySelector('iframe.details-frame')!;
		expect(frame.getAttribute('src')).toBe(`${FRAME}#${calls[0]!.key}`);
		expect(frame.getAttribute('title')).toBe('Transit through mainland China');
		expect(frame.getAttribute('referrerpolicy')).toBe('no-referrer');
		// Its "Copy as text" may write the clipboard on the user's click (the same for every traveller).
		expect(frame.getAttribute('allow')).toBe('clipboard-write *');
		// The details' text is the frame's, never the page's document's.
		expect(popover.textContent).not.toContain('HAK');
		expect(popover.style.width).toMatch(/^\d+px$/);
		expect(popover.ownerDocument.activeElement).toBe(popover.querySelector('button.close'));
		await toggle(popover, 'closed');
		expect(button.getAttribute('aria-expanded')).toBe('false');
		expect(popover.querySelector('iframe')).toBeNull();
		expect(calls[0]!.forgotten).toBe(true);
		expect(popover.ownerDocument.activeElement).toBe(button);
	});

	it('closes when its frame asks (Escape in the frame, through the background)', async () => {
		const {calls, openDetails} = showings();
		const view = badge({openDetails});
		const popover = popoverOf(view);
		const hide = vi.fn();
		Object.assign(popover, {hidePopover: hide});
		await toggle(popover, 'open');
		calls[0]!.close();
		expect(hide).toHaveBeenCalledTimes(1);
	});

	it('forgets a showing whose popover closed before its key came, and shows nothing for it', async () => {
		let release: () => void = () => undefined;
		const forget = vi.fn();
		const openDetails = () =>
			new Promise<{url: string; forget: () => void}>((resolve) => (release = () => resolve({url: `${FRAME}#k`, forget})));
		const view = badge({locale: 'zh-CN', openDetails});
		const popover = popoverOf(view);
		await toggle(popover, 'open');
		expect(popover.querySelector('iframe')).toBeNull();
		await toggle(popover, 'closed');
		release();
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(forget).toHaveBeenCalledTimes(1);
		expect(popover.querySelector('iframe')).toBeNull();
	});

	it('shows a new verdict and language in place, in the same elements', () => {
		const view = badge();
		const button = view.element.querySelector('button.badge')!;
		popoverOf(view);
		const zh = summarize(result, 'manual', 'zh-TW', 'compact')!;
		view.update({summary: zh, locale: 'zh-TW', openDetails: showings().openDetails});
		expect(view.element.querySelector('button.badge')).toBe(button);
		expect(button.querySelector('.text')?.textContent).toBe(zh.text);
		expect(button.getAttribute('aria-label')).toBe(zh.ariaLabel);
		expect(view.element.querySelector('button.close')?.getAttribute('aria-label')).toBe('關閉');
	});

	it('hands over the details again when the verdict or the language changes while it is open', async () => {
		const {calls, openDetails} = showings();
		const view = badge({openDetails});
		const popover = popoverOf(view);
		await toggle(popover, 'open');
		view.update({summary: summarize(result, 'manual', 'zh-CN')!, locale: 'zh-CN', openDetails});
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(calls).toHaveLength(2);
		expect(calls[0]!.forgotten).toBe(true);
		const frame = popover.querySelector('iframe.details-frame')!;
		expect(frame.getAttribute('src')).toBe(`${FRAME}#${calls[1]!.key}`);
		expect(frame.getAttribute('title')).toBe('经中国大陆过境');
	});
});
