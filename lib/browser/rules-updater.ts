/**
 * The background's side of signed rules updates (lib/rules/signed-update.ts), as a function of injected browser
 * calls so it runs in the tests without a browser; entrypoints/background.ts wires it to fetch, storage, alarms and
 * the settings.
 *
 * A check happens only when the user turned updates on, the browser granted the update host, and the last check is a
 * day old (or the options page asks). It makes one GET request to the build's update URL: no cookies, no referrer, no
 * query, nothing about the user or their trips. What comes back is verified, validated, and only then stored, the
 * whole update for the background and the extension's pages and its compact engine part for the content script.
 */
import {compactDataset} from '../rules/compact';
import type {RuleSet} from '../rules/rule-set';
import {MAX_UPDATE_BYTES, verifyUpdate, type TrustedKey, type VerifyContext} from '../rules/signed-update';
import {
	readStatus,
	RULES_UPDATE_ITEMS,
	storedUpdateNewerThan,
	type StoredCompact,
	type StoredUpdate,
	type UpdateStatus,
} from '../rules/update-state';

/** At most one scheduled check a day. */
export const CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** A request that has not answered in this time has failed. */
const FETCH_TIMEOUT_MS = 30_000;

type StorageArea = {
	get: (keys: string[]) => Promise<Record<string, unknown>>;
	set: (items: Record<string, unknown>) => Promise<void>;
	remove: (keys: string[]) => Promise<void>;
};

export type UpdaterDeps = {
	/** The build's update URL (wxt.config.ts). */
	url: string;
	keys: readonly TrustedKey[];
	/** The manifest's version. */
	extensionVersion: string;
	/** The rules bundled with this extension. */
	bundled: RuleSet;
	storage: StorageArea;
	/** One GET of `url`: its status and body (at most `maxBytes` read), or throws on a network failure. */
	fetchText: (url: string, maxBytes: number) => Promise<{status: number; text: string}>;
	/** The user's switch (settings.rulesUpdates). */
	enabled: () => Promise<boolean>;
	/** The update host's permission is granted. */
	permitted: () => Promise<boolean>;
	validate: VerifyContext<RuleSet>['validate'];
	now: () => number;
};

export type RulesUpdater = {
	/** Checks when due (switched on, permitted, the last check a day old); the status after it, or undefined when not due. */
	checkIfDue: () => Promise<UpdateStatus | undefined>;
	/** Checks now (the options page's "check now"): still only when switched on and permitted. */
	checkNow: () => Promise<UpdateStatus>;
	/** The user switched updates off: back to the bundled rules, and no trace of the update host kept. */
	forget: () => Promise<void>;
	/** Removes a stored update the bundled rules have caught up with (after the extension itself was updated). */
	tidy: () => Promise<void>;
};

const ALL_ITEMS = Object.values(RULES_UPDATE_ITEMS);

export function createRulesUpdater(deps: UpdaterDeps): RulesUpdater {
	let running: Promise<UpdateStatus> | undefined;
	const bundledVersion = deps.bundled.data.rulesVersion;

	async function inUseVersion(): Promise<string> {
		const stored = (await deps.storage.get([RULES_UPDATE_ITEMS.update]))[RULES_UPDATE_ITEMS.update];
		return storedUpdateNewerThan(stored, bundledVersion)?.rulesVersion ?? bundledVersion;
	}

	async function record(status: UpdateStatus, items: Record<string, unknown> = {}): Promise<UpdateStatus> {
		await deps.storage.set({...items, [RULES_UPDATE_ITEMS.status]: status});
		return status;
	}

	async function check(): Promise<UpdateStatus> {
		const failed = (problem: UpdateStatus['problem'], detail?: string) =>
			record({checkedAt: deps.now(), outcome: 'failed', problem, ...(detail ? {detail} : {})});
		// Switched off or not permitted: no request, and nothing stored (switching off leaves no trace).
		const notAllowed = (): UpdateStatus => ({checkedAt: deps.now(), outcome: 'failed', problem: 'permission'});
		if (!(await deps.enabled()) || !(await deps.permitted())) return notAllowed();
		let response: {status: number; text: string};
		try {
			response = await deps.fetchText(deps.url, MAX_UPDATE_BYTES);
		} catch (error) {
			return failed('network', error instanceof Error ? error.message.slice(0, 200) : undefined);
		}
		if (response.status !== 200) return failed('http', `HTTP ${response.status}`);
		const verified = await verifyUpdate(response.text, {
			keys: deps.keys,
			inUseVersion: await inUseVersion(),
			extensionVersion: deps.extensionVersion,
			validate: deps.validate,
		});
		if (!verified.ok) {
			// Nothing newer published: the usual answer, not a failure.
			if (verified.problem === 'not-newer') return record({checkedAt: deps.now(), outcome: 'current'});
			return failed(verified.problem, verified.detail);
		}
		const {bundle, keyId, ruleSet} = verified;
		// The switch may have gone off while this ran: then nothing is kept (forget also waits for this check).
		if (!(await deps.enabled())) return notAllowed();
		const update: StoredUpdate = {
			format: 1,
			rulesVersion: bundle.rulesVersion,
			reviewedAt: bundle.reviewedAt,
			publishedAt: bundle.publishedAt,
			keyId,
			fetchedAt: deps.now(),
			rules: bundle.rules,
		};
		const compact: StoredCompact = {
			format: 1,
			rulesVersion: bundle.rulesVersion,
			rules: compactDataset(ruleSet.data, ruleSet).rules,
		};
		return record(
			{checkedAt: deps.now(), outcome: 'updated'},
			{[RULES_UPDATE_ITEMS.update]: update, [RULES_UPDATE_ITEMS.compact]: compact},
		);
	}

	/** One check at a time: a second ask while one runs gets the same answer. */
	function once(): Promise<UpdateStatus> {
		running ??= check().finally(() => (running = undefined));
		return running;
	}

	return {
		async checkIfDue() {
			if (running) return running;
			if (!(await deps.enabled()) || !(await deps.permitted())) return undefined;
			const checkedAt = readStatus((await deps.storage.get([RULES_UPDATE_ITEMS.status]))[RULES_UPDATE_ITEMS.status])?.checkedAt;
			// A clock set back makes the last check look "in the future": check then too.
			if (checkedAt !== undefined && checkedAt <= deps.now() && deps.now() - checkedAt < CHECK_INTERVAL_MS) return undefined;
			return once();
		},
		checkNow: once,
		async forget() {
			// After a check that is under way, so it cannot store its result after this.
			await running?.catch(() => undefined);
			await deps.storage.remove(ALL_ITEMS);
		},
		async tidy() {
			const stored = await deps.storage.get([RULES_UPDATE_ITEMS.update, RULES_UPDATE_ITEMS.compact]);
			const present = stored[RULES_UPDATE_ITEMS.update] !== undefined || stored[RULES_UPDATE_ITEMS.compact] !== undefined;
			if (present && !storedUpdateNewerThan(stored[RULES_UPDATE_ITEMS.update], bundledVersion))
				await deps.storage.remove([RULES_UPDATE_ITEMS.update, RULES_UPDATE_ITEMS.compact]);
		},
	};
}

/**
 * fetch, for the update: one GET with no cookies, no referrer, no cache, no redirects, a timeout, and at most
 * `maxBytes` read (a longer body is cut just past the limit, so the check refuses it as too large).
 */
export async function fetchUpdateText(url: string, maxBytes: number): Promise<{status: number; text: string}> {
	const response = await fetch(url, {
		method: 'GET',
		credentials: 'omit',
		cache: 'no-store',
		redirect: 'error',
		referrerPolicy: 'no-referrer',
		signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
	});
	if (!response.body) return {status: response.status, text: ''};
	const reader = response.body.getReader();
	const decoder = new TextDecoder();
	let text = '';
	let bytes = 0;
	for (;;) {
		const {done, value} = await reader.read();
		if (done) break;
		bytes += value.byteLength;
		text += decoder.decode(value, {stream: true});
		if (bytes > maxBytes) {
			await reader.cancel();
			break;
		}
	}
	return {status: response.status, text: text + decoder.decode()};
}
