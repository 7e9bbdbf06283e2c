// Makes sure the browsers the end-to-end tests drive are installed: Debian's chromium (and firefox-esr when asked).
// Installs them with apt when running as root; otherwise fails with one line saying what to install.
// A missing browser must never turn into skipped tests.
import {existsSync} from 'node:fs';
import {execFileSync} from 'node:child_process';

const wanted = [
	{bin: '/usr/bin/chromium', pkg: 'chromium'},
	// Chinese glyphs for the zh-CN/zh-TW screenshots (the tests read text, not pixels, but people look at them).
	{bin: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', pkg: 'fonts-wqy-zenhei'},
];
if (process.argv.includes('--firefox')) wanted.push({bin: '/usr/bin/firefox-esr', pkg: 'firefox-esr'});
const missing = wanted.filter((w) => !existsSync(w.bin));
if (missing.length > 0) {
	const pkgs = missing.map((m) => m.pkg);
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!isRoot) {
		console.error(`ensure-browsers: missing ${pkgs.join(' and ')}; install with: sudo apt-get install -y ${pkgs.join(' ')}`);
		process.exit(1);
	}
	console.log(`ensure-browsers: installing ${pkgs.join(' ')} with apt-get`);
	try {
		execFileSync('apt-get', ['update', '-qq'], {stdio: 'inherit'});
		execFileSync('apt-get', ['install', '-y', '-qq', ...pkgs], {
			stdio: 'inherit',
			env: {...process.env, DEBIAN_FRONTEND: 'noninteractive'},
		});
	} catch {
		console.error(
			`ensure-browsers: apt-get could not install ${pkgs.join(' ')}; install them by hand: apt-get install -y ${pkgs.join(' ')}`,
		);
		process.exit(1);
	}
	const still = missing.filter((m) => !existsSync(m.bin));
	if (still.length > 0) {
		console.error(`ensure-browsers: ${still.map((m) => m.bin).join(', ')} still missing after apt-get install`);
		process.exit(1);
	}
}
