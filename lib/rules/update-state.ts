/**
 * Where an accepted rules update is kept (browser storage, written only by the background after every check in
 * ./signed-update.ts passed) and how each context picks the rules it uses: the newest valid ones, the bundled ones on
 * any doubt. No validation library: the content script reads this on every results page.
 */
import type {CompactDataset, EngineData} from './compact';
import {compareVersions, type UpdateProblem} from './signed-update';
import type {TransitRules} from './schema';

/** storage.local items, all written by the background only. */
export const RULES_UPDATE_ITEMS = {
	/** The accepted update, whole: the background and the extension's pages use it. */
	update: 'rules-update',
	/** Its engine part, compacted (./compact.ts) by the background: what the content script reads. */
	compact: 'rules-update-compact',
	/** The last check: when, what came of it. */
	status: 'rules-update-status',
} as const;

export type StoredUpdate = {
	format: 1;
	rulesVersion: string;
	reviewedAt: string;
	publishedAt: string;
	keyId: string;
	/** When it was downloaded (ms since the epoch). */
	fetchedAt: number;
	rules: TransitRules;
};

export type StoredCompact = {format: 1; rulesVersion: string; rules: EngineData};

/** Why a check did not end with rules we can use, besides the update's own problems. */
export type CheckProblem = UpdateProblem | 'network' | 'http' | 'permission';

export type UpdateStatus = {
	/** When the last check ended (ms since the epoch). */
	checkedAt: number;
	/** `updated`: new rules were taken; `current`: nothing newer was published; `failed`: see `problem`. */
	outcome: 'updated' | 'current' | 'failed';
	problem?: CheckProblem;
	/** Technical detail for the curious (an HTTP status, the first schema problem); the words come from the i18n table. */
	detail?: string;
};

const isRecord = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);

/** A stored update as written by the background; undefined when it is missing, from another format or not newer than `than`. */
export function storedUpdateNewerThan(stored: unknown, than: string): StoredUpdate | undefined {
	if (!isRecord(stored) || stored.format !== 1 || typeof stored.rulesVersion !== 'string' || !isRecord(stored.rules)) return undefined;
	if (typeof stored.reviewedAt !== 'string' || typeof stored.keyId !== 'string' || typeof stored.fetchedAt !== 'number') return undefined;
	if (stored.rules.rulesVersion !== stored.rulesVersion) return undefined;
	return compareVersions(stored.rulesVersion, than) > 0 ? (stored as unknown as StoredUpdate) : undefined;
}

const ENGINE_LISTS = ['transit240Nationalities', 'transit240Ports', 'transit240Areas', 'transit24InspectionExempt', 'visaFree'] as const;

/**
 * The content script's dataset: the stored compact rules where they are newer than the bundled ones (with the bundled
 * airport table, which updates do not change), else the bundled dataset.
 */
export function compactInUse(stored: unknown, bundled: CompactDataset): CompactDataset {
	if (!isRecord(stored) || stored.format !== 1 || typeof stored.rulesVersion !== 'string' || !isRecord(stored.rules)) return bundled;
	const rules = stored.rules;
	if (rules.rulesVersion !== stored.rulesVersion) return bundled;
	if (!ENGINE_LISTS.every((k) => Array.isArray(rules[k])) || !isRecord(rules.policies)) return bundled;
	if (compareVersions(stored.rulesVersion, bundled.rulesVersion) <= 0) return bundled;
	return {...bundled, rulesVersion: stored.rulesVersion, rules: rules as unknown as EngineData};
}

/** A status as stored; undefined for anything else. */
export function readStatus(stored: unknown): UpdateStatus | undefined {
	if (!isRecord(stored) || typeof stored.checkedAt !== 'number') return undefined;
	if (stored.outcome !== 'updated' && stored.outcome !== 'current' && stored.outcome !== 'failed') return undefined;
	return {
		checkedAt: stored.checkedAt,
		outcome: stored.outcome,
		...(typeof stored.problem === 'string' ? {problem: stored.problem as CheckProblem} : {}),
		...(typeof stored.detail === 'string' ? {detail: stored.detail.slice(0, 2000)} : {}),
	};
}
