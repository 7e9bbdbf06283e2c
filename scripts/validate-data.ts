/**
 * `npm run data:validate`: the build's checks of data/ (scripts/build-check.ts): the zod schemas and cross-file checks,
 * the compact file made from them, the trusted update keys. Exit 1 with the problems.
 */
import {DatasetError} from '../lib/rules/load-rules.ts';
import {checkDataForBuild} from './build-check.ts';

try {
	const {rules, keys} = checkDataForBuild();
	const d = rules.data;
	console.log(
		`data ok: rules ${d.rulesVersion} (reviewed ${d.reviewedAt}); ${d.transit240Nationalities.length} nationalities, ${d.transit240Ports.length} ports, ${d.transit240Areas.length} provinces, ${d.transit24InspectionExempt.length} inspection-exempt airports, ${d.visaFree.length} visa-free regimes, ${d.sources.length} sources, ${Object.keys(rules.airports).length} airports; ${keys.keys.length} rules update key(s)`,
	);
} catch (error) {
	if (!(error instanceof DatasetError) && !(error instanceof Error && error.message.includes('is stale'))) throw error;
	console.error(error.message);
	process.exit(1);
}
