// An ESLint plugin of our own: the layers of the code base (which folder may import which) and no import cycles.
// The layer table lives in eslint.config.js, next to the diagram in docs/architecture.md that it enforces.
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mjs', '.js'];

/** A module specifier of this repository (`@/lib/x`, `~/lib/x`, `./x`, `../x`) as a repository path, or undefined. */
export function resolveSpecifier(root, fromFile, specifier) {
	const bare = specifier.split('?')[0];
	let base;
	if (bare.startsWith('@/') || bare.startsWith('~/')) base = path.join(root, bare.slice(2));
	else if (bare.startsWith('.')) base = path.resolve(path.dirname(fromFile), bare);
	else return undefined;
	const candidates = [base, ...SOURCE_EXTENSIONS.map((e) => base + e), ...SOURCE_EXTENSIONS.map((e) => path.join(base, `index${e}`))];
	const hit = candidates.find((c) => existsSync(c) && statSync(c).isFile());
	return path
		.relative(root, hit ?? base)
		.split(path.sep)
		.join('/');
}

/** The layer a repository path belongs to: a file named exactly, or the folder (`lib/rules/`) with the longest path. */
export function layerOf(layers, file) {
	let best;
	for (const layer of layers) {
		for (const where of layer.paths) {
			const hit = where.endsWith('/') ? file.startsWith(where) : file === where;
			if (hit && (!best || where.length > best.where.length)) best = {layer, where};
		}
	}
	return best?.layer;
}

const IMPORT_RE =
	/(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"\n]+)['"]|import\(\s*['"]([^'"\n]+)['"]\s*\)/g;

/** Every import specifier of a source text (static, re-exports, side-effect and dynamic imports). */
export function specifiersOf(text) {
	const out = [];
	for (const m of text.matchAll(IMPORT_RE)) out.push(m[1] ?? m[2]);
	return out;
}

const graphs = new Map();

/** The import graph of the files under `folders`, read once per lint run. */
export function importGraph(root, folders) {
	const key = `${root}|${folders.join(',')}`;
	let graph = graphs.get(key);
	if (graph) return graph;
	graph = new Map();
	const walk = (dir) => {
		for (const entry of readdirSafe(path.join(root, dir))) {
			const rel = `${dir}/${entry.name}`;
			if (entry.isDirectory()) walk(rel);
			else if (SOURCE_EXTENSIONS.some((e) => entry.name.endsWith(e))) {
				const text = readFileSync(path.join(root, rel), 'utf8');
				graph.set(
					rel,
					specifiersOf(text)
						.map((s) => resolveSpecifier(root, path.join(root, rel), s))
						.filter((t) => t !== undefined && SOURCE_EXTENSIONS.some((e) => t.endsWith(e))),
				);
			}
		}
	};
	for (const folder of folders) walk(folder);
	graphs.set(key, graph);
	return graph;
}

function readdirSafe(dir) {
	try {
		return readdirSync(dir, {withFileTypes: true});
	} catch {
		return [];
	}
}

/** Strongly connected components of more than one file (or a file importing itself): the cycles. */
export function cycles(graph) {
	let index = 0;
	const stack = [];
	const on = new Set();
	const idx = new Map();
	const low = new Map();
	const found = [];
	const visit = (v) => {
		// Iterative Tarjan: deep import chains must not overflow the stack.
		const frames = [{v, i: 0}];
		idx.set(v, index);
		low.set(v, index++);
		stack.push(v);
		on.add(v);
		while (frames.length > 0) {
			const frame = frames.at(-1);
			const next = graph.get(frame.v) ?? [];
			if (frame.i < next.length) {
				const w = next[frame.i++];
				if (!graph.has(w)) continue;
				if (!idx.has(w)) {
					idx.set(w, index);
					low.set(w, index++);
					stack.push(w);
					on.add(w);
					frames.push({v: w, i: 0});
				} else if (on.has(w)) low.set(frame.v, Math.min(low.get(frame.v), idx.get(w)));
				continue;
			}
			frames.pop();
			if (frames.length > 0) low.set(frames.at(-1).v, Math.min(low.get(frames.at(-1).v), low.get(frame.v)));
			if (low.get(frame.v) === idx.get(frame.v)) {
				const component = [];
				let w;
				do {
					w = stack.pop();
					on.delete(w);
					component.push(w);
				} while (w !== frame.v);
				if (component.length > 1 || (graph.get(frame.v) ?? []).includes(frame.v)) found.push(component.sort());
			}
		}
	};
	for (const v of graph.keys()) if (!idx.has(v)) visit(v);
	return found;
}

const rel = (context) => path.relative(context.cwd, context.filename).split(path.sep).join('/');

function importNodes(node) {
	// ImportDeclaration, ExportNamedDeclaration / ExportAllDeclaration with a source, import() expressions.
	return node.source && typeof node.source.value === 'string' ? node.source : undefined;
}

const allowedImports = {
	meta: {
		type: 'problem',
		docs: {description: 'A module may import only from the layers its own layer is allowed to use.'},
		schema: [{type: 'object', properties: {layers: {type: 'array'}}, additionalProperties: false}],
		messages: {
			forbidden: '{{from}} ({{fromLayer}}) may not import {{to}} ({{toLayer}}): {{fromLayer}} may use {{allowed}}.',
			forbiddenPackage: '{{from}} ({{fromLayer}}) may not import the package {{pkg}}: {{why}}',
		},
	},
	create(context) {
		const layers = context.options[0]?.layers ?? [];
		const file = rel(context);
		const own = layerOf(layers, file);
		if (!own) return {};
		const check = (source) => {
			const specifier = source.value;
			const target = resolveSpecifier(context.cwd, context.filename, specifier);
			if (target === undefined) {
				const banned = (own.packagesForbidden ?? []).find((p) => specifier === p.name || specifier.startsWith(`${p.name}/`));
				if (banned)
					context.report({
						node: source,
						messageId: 'forbiddenPackage',
						data: {from: file, fromLayer: own.name, pkg: specifier, why: banned.why},
					});
				return;
			}
			const theirs = layerOf(layers, target);
			if (!theirs || theirs === own || own.may.includes(theirs.name)) return;
			context.report({
				node: source,
				messageId: 'forbidden',
				data: {
					from: file,
					fromLayer: own.name,
					to: target,
					toLayer: theirs.name,
					allowed: own.may.length > 0 ? own.may.join(', ') : 'no other layer',
				},
			});
		};
		return {
			ImportDeclaration: (node) => check(node.source),
			ExportNamedDeclaration: (node) => importNodes(node) && check(node.source),
			ExportAllDeclaration: (node) => check(node.source),
			ImportExpression: (node) => node.source.type === 'Literal' && typeof node.source.value === 'string' && check(node.source),
		};
	},
};

const noCycle = {
	meta: {
		type: 'problem',
		docs: {description: 'No import cycles between the modules of the given folders.'},
		schema: [{type: 'object', properties: {folders: {type: 'array', items: {type: 'string'}}}, additionalProperties: false}],
		messages: {cycle: 'Import cycle: {{files}}.'},
	},
	create(context) {
		const folders = context.options[0]?.folders ?? ['lib'];
		const file = rel(context);
		return {
			Program(node) {
				const graph = importGraph(context.cwd, folders);
				for (const component of cycles(graph)) {
					if (!component.includes(file)) continue;
					context.report({node, messageId: 'cycle', data: {files: component.join(' ↔ ')}});
				}
			},
		};
	},
};

export default {meta: {name: 'layers'}, rules: {'allowed-imports': allowedImports, 'no-cycle': noCycle}};
