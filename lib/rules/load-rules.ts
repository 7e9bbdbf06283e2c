/**
 * The dataset parsed with the zod schemas, for the build (wxt.config.ts), `npm run data:validate`, the command line
 * and the tests. Extension pages and the content script use ./rule-set.ts, which trusts the build-validated bundle.
 */
import rawRules from '../../data/transit-rules.json';
import rawAirports from '../../data/airports.json';
import rawDomains from '../../data/source-domains.json';
import {assembleRuleSet, bundledRules, DatasetError, type RuleSet} from './rule-set';
import {AirportsFileSchema, type AirportsFile} from '../airports/schema';
import {SourceDomainsSchema, TransitRulesSchema, type SourceDomains, type TransitRules} from './schema';

export {crossCheck, DatasetError, type RuleSet} from './rule-set';

type BuildOptions = {
	/**
	 * Skip the zod parses of the bundled files (the rules and the 4,500-record airport table): for the content
	 * script, where both were already parsed at build time (wxt.config.ts) and in the tests, and parsing them again
	 * would cost every results page a long task. The schemas have no defaults or transforms, so the data is the same
	 * either way; every cross-file check still runs, so an inconsistent bundle still fails closed.
	 */
	trusted?: boolean;
	/** The source-domain allowlist, in the shape of data/source-domains.json; the bundled one when absent (tests pass others). */
	domains?: unknown;
};

export function buildRuleSet(rulesJson: unknown, airportsJson: unknown, options: BuildOptions = {}): RuleSet {
	const rules = options.trusted ? ({success: true, data: rulesJson as TransitRules} as const) : TransitRulesSchema.safeParse(rulesJson);
	if (!rules.success) throw new DatasetError(`data/transit-rules.json: ${formatIssues(rules.error.issues)}`);
	const airports = options.trusted
		? ({success: true, data: airportsJson as AirportsFile} as const)
		: AirportsFileSchema.safeParse(airportsJson);
	if (!airports.success) throw new DatasetError(`data/airports.json: ${formatIssues(airports.error.issues)}`);
	const domainsJson = options.domains ?? rawDomains;
	const domains = options.trusted
		? ({success: true, data: domainsJson as SourceDomains} as const)
		: SourceDomainsSchema.safeParse(domainsJson);
	if (!domains.success) throw new DatasetError(`data/source-domains.json: ${formatIssues(domains.error.issues)}`);
	return assembleRuleSet(rules.data, airports.data, domains.data);
}

function formatIssues(issues: readonly {path: PropertyKey[]; message: string}[]): string {
	return issues
		.slice(0, 5)
		.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
		.join('; ');
}

let memo: RuleSet | undefined;

/**
 * The bundled dataset, parsed and checked once per context. Throws DatasetError when it is broken. `trusted`: the
 * same as ./rule-set.ts's bundledRules (no schema parse).
 */
export function loadRules(options: BuildOptions = {}): RuleSet {
	if (options.trusted) return bundledRules();
	memo ??= buildRuleSet(rawRules, rawAirports, options);
	return memo;
}

/**
 * A downloaded rules dataset (./signed-update.ts), checked exactly as the build checks data/transit-rules.json: the
 * schemas first, then the cross-file checks against the bundled airports and source domains.
 */
export function validateRulesUpdate(
	rulesJson: unknown,
): {ok: true; ruleSet: RuleSet} | {ok: false; problem: 'invalid-rules' | 'inconsistent'; detail: string} {
	const rules = TransitRulesSchema.safeParse(rulesJson);
	if (!rules.success) return {ok: false, problem: 'invalid-rules', detail: formatIssues(rules.error.issues)};
	try {
		return {ok: true, ruleSet: assembleRuleSet(rules.data, rawAirports as AirportsFile, rawDomains as SourceDomains)};
	} catch (error) {
		if (error instanceof DatasetError) return {ok: false, problem: 'inconsistent', detail: error.message.slice(0, 2000)};
		throw error;
	}
}
