import {RulesInfo} from '@/components/RulesInfo';
import {loadRules} from '@/lib/rules/load-rules';

export function App() {
	const rules = loadRules();
	return (
		<main style={{maxWidth: '720px', margin: '0 auto', padding: '16px', font: '14px system-ui, sans-serif'}}>
			<h1 style={{fontSize: '20px'}}>China Transit Check — Options</h1>
			<h2 style={{fontSize: '16px'}}>Rules dataset</h2>
			<RulesInfo rules={rules} />
			<h2 style={{fontSize: '16px'}}>Sources</h2>
			<ul>
				{rules.data.sources.map((s) => (
					<li key={s.id}>
						{s.id}: {s.url ? <a href={s.url} target="_blank" rel="noreferrer">{s.title}</a> : s.title} — {s.publisher}
						{s.date ? ` (${s.date})` : ''}
					</li>
				))}
			</ul>
		</main>
	);
}
