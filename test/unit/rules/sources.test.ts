/**
 * Source links a border officer would accept: every link in the dataset opens over https on a reviewed site
 * (data/source-domains.json), and only a government's or an embassy's own site is called official.
 */
import {describe, expect, it} from 'vitest';
import rawRules from '../../../data/transit-rules.json';
import rawAirports from '../../../data/airports.json';
import rawDomains from '../../../data/source-domains.json';
import {buildRuleSet, DatasetError, loadRules} from '../../../lib/rules/load-rules';
import {SourceDomainsSchema} from '../../../lib/rules/schema';
import {linkProblem, OFFICIAL_KINDS, ruleForHost, ruleForUrl, type DomainRule} from '../../../lib/rules/source-links';

const rules = loadRules();
const domains = SourceDomainsSchema.parse(rawDomains).domains as DomainRule[];
const linksOf = (s: {url?: string; mirrors?: string[]}) => [...(s.url ? [s.url] : []), ...(s.mirrors ?? [])];

describe('the source-domain allowlist', () => {
	it('parses, and gives each pattern once with a kind and a reason', () => {
		expect(domains.length).toBeGreaterThan(10);
		expect(new Set(domains.map((d) => d.pattern)).size).toBe(domains.length);
		for (const d of domains) expect(d.reason.length, d.pattern).toBeGreaterThan(20);
	});

	it('matches exact hosts and *.suffix patterns, the most specific one deciding', () => {
		expect(ruleForHost('www.gov.cn', domains)?.kind).toBe('government');
		expect(ruleForHost('gov.cn', domains)?.kind).toBe('government');
		expect(ruleForHost('bh.china-embassy.gov.cn', domains)?.kind).toBe('embassy');
		expect(ruleForHost('en.people.cn', domains)?.kind).toBe('state-media');
		expect(ruleForHost('www.norway.no', domains)?.kind).toBe('embassy');
		// A look-alike suffix is not the domain: "evilgov.cn" does not end in ".gov.cn".
		expect(ruleForHost('evilgov.cn', domains)).toBeUndefined();
		expect(ruleForHost('gov.cn.example.com', domains)).toBeUndefined();
		expect(ruleForHost('norway.no', domains)).toBeUndefined(); // an exact host covers no other
	});

	it('refuses every scheme but https, credentials in a link and bare addresses', () => {
		expect(linkProblem('https://en.people.cn/n3/2024/0111/c90000-20120838.html')).toBeUndefined();
		expect(linkProblem('http://en.people.cn/')).toMatch(/only https/);
		expect(linkProblem('javascript:alert(1)')).toMatch(/only https/);
		expect(linkProblem('data:text/html,<script>alert(1)</script>')).toMatch(/only https/);
		expect(linkProblem('https://user:secret@www.gov.cn/')).toMatch(/user name or password/);
		expect(linkProblem('https://203.0.113.7/')).toMatch(/host/);
		expect(linkProblem('not a link')).toMatch(/not a URL/);
	});
});

describe('every source in the bundled dataset', () => {
	const sources = rules.data.sources;

	it.each(sources.filter((s) => linksOf(s).length > 0).map((s) => [s.id, s] as const))(
		'%s links only to allowlisted sites over https',
		(_id, s) => {
			for (const link of linksOf(s)) {
				expect(linkProblem(link), link).toBeUndefined();
				expect(ruleForUrl(link, domains), link).toBeDefined();
			}
		},
	);

	it('is official only with a link to a government or embassy site', () => {
		for (const s of sources.filter((x) => x.official)) {
			const rule = s.url ? ruleForUrl(s.url, domains) : undefined;
			expect(rule && OFFICIAL_KINDS.has(rule.kind), `${s.id} ${s.url}`).toBe(true);
		}
	});

	it('names publisher and title, not a research-note file name, and says where the text is when there is no link', () => {
		for (const s of sources) {
			expect(s.title, s.id).not.toMatch(/\.txt\b|^\(a\)|:\s*\(a\)/);
			expect(s.publisher.length, s.id).toBeGreaterThan(3);
			if (!s.url) expect(s.document, s.id).toBeTruthy();
		}
	});

	it('keeps no address of an unlisted site anywhere in the rules file (notes included)', () => {
		const text = JSON.stringify(rawRules);
		const hosts = [...text.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi)].map((m) => m[0]);
		for (const link of hosts) {
			expect(linkProblem(link), link).toBeUndefined();
			expect(ruleForUrl(link, domains), link).toBeDefined();
		}
	});

	// The spam copies that used to be linked (issue "Rules", part 4) must not come back.
	it.each(['xllpx.com', '51kaos.com', 'e993.com', 'findmova.com', 'per-better.com', 'se0552.com'])('has no link to %s', (host) => {
		expect(JSON.stringify(rawRules)).not.toContain(host);
	});
});

describe('a dataset with a bad source link fails validation', () => {
	type Rules = typeof rawRules;
	type MutableSource = {id: string; url?: string; mirrors?: string[]; official: boolean; document?: string};
	const withSource = (id: string, change: (s: MutableSource) => void): Rules => {
		const r = structuredClone(rawRules);
		change(r.sources.find((s) => s.id === id)! as MutableSource);
		return r;
	};
	const cases: [string, Rules, RegExp][] = [
		[
			'a plain http link',
			withSource('S5', (s) => void (s.url = 'http://en.people.cn/n3/2025/1103/c90000-20385581.html')),
			/only https/,
		],
		['a javascript: link', withSource('S5', (s) => void (s.url = 'javascript:alert(document.domain)')), /only https/],
		[
			'a data: link',
			withSource('S5', (s) => void (s.url = 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==')),
			/only https/,
		],
		[
			'an http mirror',
			withSource('S11', (s) => void (s.mirrors = ['http://en.people.cn/n3/2023/1117/c90000-20099029.html'])),
			/only https/,
		],
		[
			'a link to a site not on the allowlist',
			withSource('S7', (s) => void (s.url = 'https://xllpx.com/s8rtls.html')),
			/xllpx\.com is not on the source-domain allowlist/,
		],
		[
			'a mirror on a site not on the allowlist',
			withSource('S19', (s) => void s.mirrors!.push('https://www.mcurtmis.com/news/guonei/2024/01111001132024.html')),
			/mcurtmis\.com is not on the source-domain allowlist/,
		],
		[
			'official on a state-media site',
			withSource('S5', (s) => void (s.official = true)),
			/S5: official, but en\.people\.cn is state-media/,
		],
		['official without any link', withSource('S3', (s) => void (s.official = true)), /S3: official without a link/],
	];

	it.each(cases)('%s', (_name, broken, message) => {
		expect(() => buildRuleSet(broken, rawAirports)).toThrow(DatasetError);
		expect(() => buildRuleSet(broken, rawAirports)).toThrow(message);
	});

	it('also when the content script skips the zod parse (the cross-file checks still run)', () => {
		const broken = withSource('S5', (s) => void (s.url = 'javascript:alert(1)'));
		expect(() => buildRuleSet(broken, rawAirports, {trusted: true})).toThrow(/only https/);
	});

	it('and a site dropped from the allowlist takes its links with it', () => {
		const fewer = {...rawDomains, domains: rawDomains.domains.filter((d) => d.pattern !== '*.people.cn')};
		expect(() => buildRuleSet(rawRules, rawAirports, {domains: fewer})).toThrow(/en\.people\.cn is not on the source-domain allowlist/);
	});

	it('and an allowlist entry with a bad pattern or kind is refused', () => {
		const bad = {...rawDomains, domains: [...rawDomains.domains, {pattern: 'https://example.com', kind: 'blog', reason: 'x'}]};
		expect(() => buildRuleSet(rawRules, rawAirports, {domains: bad})).toThrow(/data\/source-domains\.json/);
	});
});
