/**
 * Reroutes a saved page in memory: the same real markup and CSS, with some airports replaced by others, so that a
 * capture without a connection in mainland China shows what a badge looks like on that site's cards. Airport codes
 * are replaced as whole words only, names as plain text; times are left as they are, so a replacement keeps the UTC
 * offset where the times must stay consistent (HKG → PVG and TPE → PEK are all UTC+8). Used by the paint tests and
 * the demo; the fixtures themselves stay as they were saved.
 */
export type Reroute = {codes: Record<string, string>; names?: [string, string][]};

export function reroute(html: string, {codes, names = []}: Reroute): string {
	let out = html;
	for (const [from, to] of names) out = out.split(from).join(to);
	// One pass for all codes, so A→B, B→C never turns an A into a C.
	const pattern = new RegExp(`\\b(${Object.keys(codes).join('|')})\\b`, 'g');
	return out.replace(pattern, (code) => codes[code]!);
}
