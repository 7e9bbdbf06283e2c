// Makes sure the browsers the end-to-end tests drive are installed: Debian's chromium (and firefox-esr when asked).
// Installs them with apt when running as root; otherwise fails with one line saying what to install.
// A missing browser must never turn into skipped tests.
import {ensureInstalled} from './apt-install.mjs';

const wanted = [
	{bin: '/usr/bin/chromium', pkg: 'chromium'},
	// Chinese glyphs for the zh-CN/zh-TW screenshots (the tests read text, not pixels, but people look at them).
	{bin: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', pkg: 'fonts-wqy-zenhei'},
];
if (process.argv.includes('--firefox')) wanted.push({bin: '/usr/bin/firefox-esr', pkg: 'firefox-esr'});
if (!ensureInstalled(wanted, 'ensure-browsers')) process.exit(1);
