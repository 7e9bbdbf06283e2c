/**
 * The little Markdown the store documents use (store/<language>/privacy-policy.md), read into blocks for a page to
 * render as text: `#`/`##` headings, paragraphs (lines joined), `- ` lists, `**bold**` and `` `code` ``. Nothing is
 * ever turned into HTML, so a document can only ever show as text.
 */
export type Inline = {text: string; strong?: true; code?: true};
type Block = {kind: 'h1' | 'h2' | 'p'; inlines: Inline[]} | {kind: 'ul'; items: Inline[][]};

/** `**bold**` and `` `code` `` spans of one paragraph or item; anything else is plain text. */
export function inlines(text: string): Inline[] {
	const out: Inline[] = [];
	const pattern = /\*\*([^*]+)\*\*|`([^`]+)`/g;
	let last = 0;
	for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
		if (m.index > last) out.push({text: text.slice(last, m.index)});
		out.push(m[1] !== undefined ? {text: m[1], strong: true} : {text: m[2]!, code: true});
		last = m.index + m[0].length;
	}
	if (last < text.length) out.push({text: text.slice(last)});
	return out;
}

export function markdownBlocks(source: string): Block[] {
	const blocks: Block[] = [];
	for (const chunk of source.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
		const lines = chunk.split('\n').filter((l) => l.trim() !== '');
		if (lines.length === 0) continue;
		const first = lines[0]!;
		const heading = /^(#{1,2})\s+(.*)$/.exec(first);
		if (heading && lines.length === 1) {
			blocks.push({kind: heading[1] === '#' ? 'h1' : 'h2', inlines: inlines(heading[2]!)});
		} else if (/^\s*-\s+/.test(first)) {
			// A list: each `- ` starts an item; indented lines continue the item before them.
			const items: string[] = [];
			for (const line of lines) {
				if (/^\s*-\s+/.test(line)) items.push(line.replace(/^\s*-\s+/, ''));
				else items[items.length - 1] += ` ${line.trim()}`;
			}
			blocks.push({kind: 'ul', items: items.map(inlines)});
		} else blocks.push({kind: 'p', inlines: inlines(lines.map((l) => l.trim()).join(' '))});
	}
	return blocks;
}
