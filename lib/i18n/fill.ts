/** `{name}` placeholders filled from `params`; a placeholder without a value stays as it is. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
	return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}
