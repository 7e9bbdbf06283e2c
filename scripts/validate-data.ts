/** `npm run data:validate`: parses data/ with the zod schemas and the cross-file checks; exit 1 with the problems. */
import {DatasetError, loadRules} from '../lib/rules/load-rules.ts';

try {
	const rules = loadRules();
	const d = rules.data;
	console.log(
		`data ok: rules ${d.rulesVersion} (reviewed ${d.reviewedAt}); ${d.transit240Nationalities.length} nationalities, ${d.transit240Ports.length} ports, ${d.transit240Areas.length} provinces, ${d.transit24InspectionExempt.length} inspection-exempt airports, ${d.visaFree.length} visa-free regimes, ${d.sources.length} sources, ${Object.keys(rules.airports).length} airports`,
	);
} catch (error) {
	if (!(error instanceof DatasetError)) throw error;
	console.error(error.message);
	process.exit(1);
}
