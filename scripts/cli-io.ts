/**
 * What the command-line tools (check, detect) share: their arguments, their input file and the dataset. On bad input
 * they print one line on stderr and exit with status 2; a broken dataset exits with status 1; `-h` prints the usage.
 */
import {readFileSync} from 'node:fs';
import type {RuleSet} from '../lib/rules/load-rules.ts';

/** Prints `tool: message` on stderr and exits with `code`. */
export type Fail = (message: string, code?: number) => never;

export function failer(tool: string): Fail {
	return (message, code = 2) => {
		process.stderr.write(`${tool}: ${message}\n`);
		process.exit(code);
	};
}

/** An option that takes a value: `--name value`, and `--name=value` too when `inline`. */
type ValueOption = {set: (value: string) => void; inline?: boolean};

type ArgsSpec = {
	options: Record<string, ValueOption>;
	/** Printed (with a newline) for -h and --help. */
	usage: string;
	/** `-` is a file name: standard input. */
	stdin?: boolean;
};

/** Reads the arguments into the options; returns the one FILE argument, if given. Anything else fails. */
export function parseArgs(args: readonly string[], {options, usage, stdin = false}: ArgsSpec, fail: Fail): string | undefined {
	let file: string | undefined;
	for (let i = 0; i < args.length; i++) {
		const a = args[i]!;
		const inline = Object.entries(options).find(([name, o]) => o.inline && a.startsWith(`${name}=`));
		if (Object.hasOwn(options, a)) options[a]!.set(args[++i] ?? fail(`${a} needs a value`));
		else if (inline) inline[1].set(a.slice(inline[0].length + 1));
		else if (a === '-h' || a === '--help') {
			process.stdout.write(`${usage}\n`);
			process.exit(0);
		} else if (file === undefined && ((stdin && a === '-') || !a.startsWith('-'))) file = a;
		else fail(`unknown argument ${a}`);
	}
	return file;
}

/**
 * The largest input the tools read: a saved results page is a few megabytes (Google Flights' raw capture 2.6 MB), a
 * PNR or a trip a few kilobytes. The detectors read at most MAX_TEXT_CHARS of text (lib/detect) either way.
 */
const MAX_INPUT_BYTES = 16 * 1_048_576;

/** The bytes of FILE (`-`: standard input); larger than MAX_INPUT_BYTES fails in one line. */
export function readInput(file: string, fail: Fail): Buffer {
	const name = file === '-' ? 'standard input' : file;
	let bytes: Buffer;
	try {
		bytes = readFileSync(file === '-' ? 0 : file);
	} catch (error) {
		fail(`cannot read ${name}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
	}
	if (bytes.length > MAX_INPUT_BYTES)
		fail(`${name} is ${(bytes.length / 1_048_576).toFixed(1)} MB: the tools read at most ${MAX_INPUT_BYTES / 1_048_576} MB`);
	return bytes;
}

/** The input as text: UTF-8, without the byte-order mark some editors put first (JSON.parse refuses it). */
export function inputText(bytes: Buffer): string {
	return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

/** The dataset, loaded only when asked for (it takes a while); a broken one fails with status 1. */
export async function loadRulesOrFail(fail: Fail): Promise<RuleSet> {
	const {DatasetError, loadRules} = await import('../lib/rules/load-rules.ts');
	try {
		return loadRules();
	} catch (error) {
		if (error instanceof DatasetError) fail(error.message, 1);
		throw error;
	}
}
