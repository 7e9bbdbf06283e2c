/** Build settings wxt.config.ts defines (vite `define`); undefined outside a build. */
interface ImportMetaEnv {
	readonly CTC_RULES_UPDATE_URL?: string;
	readonly CTC_RULES_TEST_KEYS?: string;
}
