/** Types of ./apt-install.mjs. */
export function ensureInstalled(wanted: {bin: string; pkg: string}[], who: string): boolean;
