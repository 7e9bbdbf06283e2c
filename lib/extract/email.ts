/**
 * Just enough MIME to get the readable bodies out of a saved .eml: headers, (nested) multipart, forwarded
 * message/rfc822, quoted-printable and base64. Confirmation e-mails carry schema.org markup in the HTML part.
 */

type EmailBody = {html?: string; text?: string};

type Headers = Map<string, string>;
type ContentType = {type: string; params: Map<string, string>};

const MAX_DEPTH = 10; // real mail nests three or four levels; the cap keeps hostile input cheap

export function emailBody(eml: string): EmailBody {
	const out: EmailBody = {};
	try {
		// An mbox export starts with a `From ` envelope line that is not a header.
		walk(eml.replace(/^From [^\n]*\n/, ''), out, 0);
	} catch {
		// Whatever was found before the malformed part is still useful.
	}
	return out;
}

function walk(entity: string, out: EmailBody, depth: number) {
	if (depth > MAX_DEPTH || (out.html !== undefined && out.text !== undefined)) return;
	const {headers, body} = split(entity);
	const contentType = parseContentType(headers.get('content-type'));
	const disposition = (headers.get('content-disposition') ?? '').split(';')[0]!.trim().toLowerCase();
	if (contentType.type.startsWith('multipart/')) {
		const boundary = contentType.params.get('boundary');
		if (!boundary) return;
		for (const part of multipartParts(body, boundary)) walk(part, out, depth + 1);
		return;
	}
	if (contentType.type === 'message/rfc822') {
		walk(body, out, depth + 1);
		return;
	}
	// An attached .html file is a document, not the message the sender wrote.
	if (disposition === 'attachment') return;
	const isHtml = contentType.type === 'text/html';
	if (!isHtml && contentType.type !== 'text/plain') return;
	if (isHtml ? out.html !== undefined : out.text !== undefined) return;
	const decoded = decodeBody(body, headers.get('content-transfer-encoding'), contentType.params.get('charset'));
	if (isHtml) out.html = decoded;
	else out.text = decoded;
}

/** Headers (unfolded, names lower-cased, first occurrence wins) and the body after the first blank line. */
function split(entity: string): {headers: Headers; body: string} {
	// A part may have no headers at all: then it starts with the blank line.
	const m = /^\r?\n|\r?\n\r?\n/.exec(entity);
	const head = m ? entity.slice(0, m.index) : entity;
	const body = m ? entity.slice(m.index + m[0].length) : '';
	const headers: Headers = new Map();
	for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
		const colon = line.indexOf(':');
		if (colon <= 0) continue;
		const name = line.slice(0, colon).trim().toLowerCase();
		if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
	}
	return {headers, body};
}

function parseContentType(value: string | undefined): ContentType {
	// RFC 2045: no Content-Type means US-ASCII plain text.
	if (!value) return {type: 'text/plain', params: new Map()};
	const [type = '', ...rest] = splitParams(value);
	const params = new Map<string, string>();
	for (const p of rest) {
		const eq = p.indexOf('=');
		if (eq <= 0) continue;
		let v = p.slice(eq + 1).trim();
		if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) v = v.slice(1, -1).replace(/\\(.)/g, '$1');
		params.set(p.slice(0, eq).trim().toLowerCase(), v);
	}
	return {type: type.trim().toLowerCase(), params};
}

/** Splits on `;` outside quotes: boundaries may legally contain `;`. */
function splitParams(value: string): string[] {
	const parts: string[] = [];
	let current = '';
	let quoted = false;
	for (let i = 0; i < value.length; i++) {
		const c = value[i]!;
		if (c === '\\' && quoted && i + 1 < value.length) {
			current += c + value[++i];
			continue;
		}
		if (c === '"') quoted = !quoted;
		if (c === ';' && !quoted) {
			parts.push(current);
			current = '';
		} else current += c;
	}
	parts.push(current);
	return parts;
}

function multipartParts(body: string, boundary: string): string[] {
	const delimiter = `--${boundary}`;
	const parts: string[] = [];
	let current: string[] | undefined; // undefined while in the preamble
	for (const line of body.split(/\r?\n/)) {
		// Delimiter lines may carry trailing whitespace (RFC 2046 transport padding).
		const trimmed = line.replace(/[ \t]+$/, '');
		if (trimmed === delimiter || trimmed === `${delimiter}--`) {
			if (current) parts.push(current.join('\n'));
			if (trimmed !== delimiter) return parts; // the close delimiter: the epilogue follows
			current = [];
		} else current?.push(line);
	}
	// A truncated message without its close delimiter still has a last part worth reading.
	if (current) parts.push(current.join('\n'));
	return parts;
}

function decodeBody(body: string, encoding: string | undefined, charset: string | undefined): string {
	const cte = (encoding ?? '7bit').trim().toLowerCase();
	if (cte === 'base64') return decodeBytes(base64Bytes(body), charset);
	if (cte === 'quoted-printable') return decodeBytes(quotedPrintableBytes(body), charset);
	// 7bit / 8bit / binary: the string is already text (the caller decoded the file).
	return body;
}

function base64Bytes(body: string): Uint8Array {
	const clean = body.replace(/[^A-Za-z0-9+/]/g, '');
	// Trailing bits that do not make a whole byte are dropped rather than failing the whole part.
	const usable = clean.length % 4 === 1 ? clean.slice(0, -1) : clean;
	const padded = usable + '='.repeat((4 - (usable.length % 4)) % 4);
	const binary = atob(padded);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

function quotedPrintableBytes(body: string): Uint8Array {
	const text = body.replace(/[ \t]+(\r?\n)/g, '$1').replace(/=\r?\n/g, '');
	const bytes: number[] = [];
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
			bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
			i += 2;
			continue;
		}
		// A literal non-ASCII character (8-bit content mislabelled as QP) keeps its UTF-8 form.
		const code = c.codePointAt(0)!;
		if (code < 0x80) bytes.push(code);
		else {
			const encoded = new TextEncoder().encode(String.fromCodePoint(code));
			bytes.push(...encoded);
			if (code > 0xffff) i++;
		}
	}
	return Uint8Array.from(bytes);
}

function decodeBytes(bytes: Uint8Array, charset: string | undefined): string {
	if (charset) {
		try {
			return new TextDecoder(charset.trim()).decode(bytes);
		} catch {
			// An unknown or bogus label: UTF-8 is the likeliest truth for modern mail.
		}
	}
	return new TextDecoder('utf-8').decode(bytes);
}
