/**
 * The privacy policy, shown inside the extension (entrypoints/privacy/) from the same text the store listings link to
 * (store/<language>/privacy-policy.md), in the reader's language; rendered as text only (lib/ui/markdown.ts).
 */
import {markdownBlocks, type Inline} from '@/lib/ui/markdown';
import type {Locale} from '@/lib/i18n/locale';

function Text({parts}: {parts: Inline[]}) {
	return <>{parts.map((p, i) => (p.strong ? <strong key={i}>{p.text}</strong> : p.code ? <code key={i}>{p.text}</code> : p.text))}</>;
}

export function PrivacyPolicy({source, locale}: {source: string; locale: Locale}) {
	return (
		<main lang={locale} class="policy">
			{markdownBlocks(source).map((b, i) =>
				b.kind === 'ul' ? (
					<ul key={i}>
						{b.items.map((item, j) => (
							<li key={j}>
								<Text parts={item} />
							</li>
						))}
					</ul>
				) : b.kind === 'h1' ? (
					<h1 key={i} class="brand">
						<Text parts={b.inlines} />
					</h1>
				) : b.kind === 'h2' ? (
					<h2 key={i}>
						<Text parts={b.inlines} />
					</h2>
				) : (
					<p key={i}>
						<Text parts={b.inlines} />
					</p>
				),
			)}
		</main>
	);
}
