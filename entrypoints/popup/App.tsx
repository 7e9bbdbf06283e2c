import {RulesInfo} from '@/components/RulesInfo';
import {loadRules} from '@/lib/rules/load-rules';

export function App() {
	const rules = loadRules();
	return (
		<main style={{width: '340px', padding: '12px', font: '14px system-ui, sans-serif'}}>
			<h1 style={{fontSize: '16px', margin: '0 0 8px'}}>China Transit Check</h1>
			<p>
				On supported booking pages, each connection in mainland China gets a badge: 24-hour direct transit,
				240-hour visa-free transit, visa-free entry for your passport, or “no visa-free route found”.
			</p>
			<p>{rules.data.transit240Nationalities.length} nationalities, {rules.data.transit240Ports.length} entry ports and {rules.data.transit240Areas.length} provinces are in the 240-hour data.</p>
			<RulesInfo rules={rules} />
		</main>
	);
}
