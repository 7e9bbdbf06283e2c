// Debian packages the test tools need, installed with apt when running as root; otherwise one line saying what to
// install. Used by scripts/ensure-browsers.mjs (the browsers) and scripts/test-all.mjs (libfaketime).
import {existsSync} from 'node:fs';
import {execFileSync} from 'node:child_process';

/**
 * Makes sure each `bin` exists, installing the `pkg`s of those missing. `who` prefixes the messages. True when all
 * are there in the end; false (with a line on stderr) when they are not and cannot be installed.
 */
export function ensureInstalled(wanted, who) {
	const missing = wanted.filter((w) => !existsSync(w.bin));
	if (missing.length === 0) return true;
	const pkgs = missing.map((m) => m.pkg);
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!isRoot) {
		console.error(`${who}: missing ${pkgs.join(' and ')}; install with: sudo apt-get install -y ${pkgs.join(' ')}`);
		return false;
	}
	console.log(`${who}: installing ${pkgs.join(' ')} with apt-get`);
	try {
		execFileSync('apt-get', ['update', '-qq'], {stdio: 'inherit'});
		execFileSync('apt-get', ['install', '-y', '-qq', ...pkgs], {
			stdio: 'inherit',
			env: {...process.env, DEBIAN_FRONTEND: 'noninteractive'},
		});
	} catch {
		console.error(`${who}: apt-get could not install ${pkgs.join(' ')}; install them by hand: apt-get install -y ${pkgs.join(' ')}`);
		return false;
	}
	const still = missing.filter((m) => !existsSync(m.bin));
	if (still.length > 0) {
		console.error(`${who}: ${still.map((m) => m.bin).join(', ')} still missing after apt-get install`);
		return false;
	}
	return true;
}
