import {defineContentScript} from '#imports';
import {siteMatches} from '@/lib/sites';
import {markDocument} from '@/lib/dom/mark-document';

export default defineContentScript({
	matches: siteMatches(),
	runAt: 'document_idle',
	main() {
		markDocument(document.documentElement);
	},
});
