import type {ESLint} from 'eslint';

export function resolveSpecifier(root: string, fromFile: string, specifier: string): string | undefined;
export function layerOf<L extends {paths: string[]}>(layers: L[], file: string): L | undefined;
export function specifiersOf(text: string): string[];
export function importGraph(root: string, folders: string[]): Map<string, string[]>;
export function cycles(graph: Map<string, string[]>): string[][];
declare const plugin: ESLint.Plugin;
export default plugin;
