/**
 * A page script that breaks, in the page's own world, what a content script might use: array methods, JSON, shadow
 * roots, constructed style sheets and mutation observers. The hostile-page tests (test/e2e/hostile.spec.ts in
 * Chromium, test/firefox/extension.test.ts in Firefox) put it in the page's head: the badge must not mind (Chromium's
 * isolated world, Firefox's Xrays), and the page must go on running (`window.__pageAlive`).
 */
export const PAGE_SABOTAGE = `<script>
	Array.prototype.map = function () { throw new Error('page broke map'); };
	Array.prototype.filter = () => [];
	JSON.parse = () => { throw new Error('page broke JSON'); };
	JSON.stringify = () => 'nope';
	Element.prototype.attachShadow = function () { throw new Error('page broke attachShadow'); };
	CSSStyleSheet.prototype.replaceSync = function () { throw new Error('page broke replaceSync'); };
	window.MutationObserver = function () { throw new Error('page broke MutationObserver'); };
	window.__pageAlive = 'yes';
</script>`;
