/** Build settings wxt.config.ts defines (vite `define`); undefined outside a build. */
interface ImportMetaEnv {
	readonly CTC_RULES_UPDATE_URL?: string;
	readonly CTC_RULES_TEST_KEYS?: string;
	/** data/compact-rules.json's SHA-256, its first 16 hex digits (lib/browser/bundled-compact.ts). */
	readonly CTC_COMPACT_DIGEST?: string;
}
