/**
 * Which source links the product may show. A traveller shows the check-in card to an airline agent or a border officer:
 * every link on it (and in the details card and the options page) must open over https on a site they would accept,
 * the publisher's own or a reputable outlet. The reviewed list of such sites is data/source-domains.json; copies of
 * official texts on any other site stay in the research notes. Pure: no DOM, no fetch.
 */

/** What a site is. Only government and embassy sites may be called official on the card. */
export const DOMAIN_KINDS = [
	'government',
	'embassy',
	'state-media',
	'news',
	'international-org',
	'public-body',
	'authorised-agent',
] as const;
type DomainKind = (typeof DOMAIN_KINDS)[number];
export const OFFICIAL_KINDS: ReadonlySet<DomainKind> = new Set(['government', 'embassy']);

export type DomainRule = {pattern: string; kind: DomainKind; reason: string};

/** Why a string is not a link we may show, or undefined when it is one: https, a host name, no user name or password. */
export function linkProblem(value: string): string | undefined {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return 'not a URL';
	}
	// z.url() takes javascript:, data:, mailto: and plain http alike; a card link opens in the reader's browser.
	if (url.protocol !== 'https:') return `${url.protocol.replace(/:$/, '')}: links are not allowed, only https`;
	if (url.username || url.password) return 'a link must not carry a user name or password';
	// A dotted name whose last label has a letter: no bare IP addresses, no localhost.
	if (!/^([a-z0-9-]+\.)+[a-z][a-z0-9-]*$/.test(url.hostname)) return 'a link must name a host, not an address';
	return undefined;
}

export function isShowableLink(value: string | undefined): value is string {
	return value !== undefined && linkProblem(value) === undefined;
}

function base(pattern: string): string {
	return pattern.startsWith('*.') ? pattern.slice(2) : pattern;
}

function matches(pattern: string, host: string): boolean {
	if (!pattern.startsWith('*.')) return host === pattern;
	const suffix = base(pattern);
	return host === suffix || host.endsWith(`.${suffix}`);
}

/** The allowlist entry for a host: the most specific pattern that matches (an embassy under *.gov.cn is an embassy). */
export function ruleForHost(host: string, rules: readonly DomainRule[]): DomainRule | undefined {
	let best: DomainRule | undefined;
	for (const r of rules) {
		if (matches(r.pattern, host) && (!best || base(r.pattern).length > base(best.pattern).length)) best = r;
	}
	return best;
}

export function ruleForUrl(value: string, rules: readonly DomainRule[]): DomainRule | undefined {
	if (linkProblem(value)) return undefined;
	return ruleForHost(new URL(value).hostname, rules);
}

type LinkedSource = {id: string; url?: string; mirrors?: string[]; official: boolean};

/** One line per problem: a link that is not https or not on the allowlist, or `official` on a site that is not a government's. */
export function sourceLinkProblems(sources: readonly LinkedSource[], rules: readonly DomainRule[]): string[] {
	const problems: string[] = [];
	for (const s of sources) {
		const links = [...(s.url ? [s.url] : []), ...(s.mirrors ?? [])];
		for (const link of links) {
			const bad = linkProblem(link);
			if (bad) problems.push(`source ${s.id}: ${link}: ${bad}`);
			else if (!ruleForUrl(link, rules))
				problems.push(`source ${s.id}: ${new URL(link).hostname} is not on the source-domain allowlist (data/source-domains.json)`);
		}
		if (s.official) {
			// "Official" is a claim the reader can check: it needs a link, on a government or embassy site.
			const rule = s.url ? ruleForUrl(s.url, rules) : undefined;
			if (!s.url) problems.push(`source ${s.id}: official without a link to a government site`);
			else if (rule && !OFFICIAL_KINDS.has(rule.kind))
				problems.push(`source ${s.id}: official, but ${new URL(s.url).hostname} is ${rule.kind}, not a government or embassy site`);
		}
	}
	return problems;
}
