/**
 * An adapter's call that must not break the page or the other adapters: what it returns, or `fallback` when it throws
 * (logged once per adapter and problem).
 */
export function guarded<T>(what: string, call: () => T, fallback: T, logOnce: (message: string) => void): T {
	try {
		return call();
	} catch (error) {
		logOnce(`${what} threw: ${String(error)}`);
		return fallback;
	}
}
