/** What the `--mode e2e` build (wxt.config.ts) and the end-to-end tests agree on, in a module both can load. */

/** The local server the rules-update tests start (test/e2e/rules-update-setup.ts). */
export const E2E_RULES_PORT = 47231;
export const E2E_RULES_URL = `http://127.0.0.1:${E2E_RULES_PORT}/rules-update.json`;
/** The test key pair: its public half is trusted by e2e builds only. */
export const E2E_KEY_FILE = 'test/fixtures/rules/e2e-signing-key.json';
