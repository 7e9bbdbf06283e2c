// @vitest-environment jsdom
/**
 * The options page's view (components/OptionsView.tsx), rendered with Preact in jsdom: settings in, saves and
 * permission requests out, with the browser calls as fakes.
 */
import {afterEach, describe, expect, it, vi} from 'vitest';
import {cleanup, fireEvent, render, screen, waitFor} from '@testing-library/preact';
import './wait-longer';
import {OptionsView, type OptionsViewProps} from '@/components/OptionsView';
import {loadRules} from '@/lib/rules/load-rules';
import {DEFAULT_SETTINGS, type Settings} from '@/lib/settings';

const rules = loadRules();

afterEach(cleanup);

function renderOptions(overrides: Partial<OptionsViewProps> = {}) {
	const props: OptionsViewProps = {
		settings: {...DEFAULT_SETTINGS, language: 'en'},
		save: vi.fn(async (_next: Settings) => {}),
		locale: 'en',
		rules,
		granted: [],
		requestSite: vi.fn(async () => true),
		releaseSite: vi.fn(),
		updates: {
			url: undefined,
			granted: false,
			update: undefined,
			status: undefined,
			setEnabled: vi.fn(async () => true),
			checkNow: vi.fn(async () => {}),
		},
		...overrides,
	};
	render(<OptionsView {...props} />);
	return props;
}

describe('the options page', () => {
	it('switches a built-in site off and on', () => {
		const props = renderOptions({settings: {...DEFAULT_SETTINGS, disabledSites: ['kayak']}});
		const flights = screen.getByLabelText('Google Flights') as HTMLInputElement;
		expect(flights.checked).toBe(true);
		fireEvent.click(flights);
		expect(props.save).toHaveBeenLastCalledWith({...DEFAULT_SETTINGS, disabledSites: ['kayak', 'google-flights']});
		fireEvent.click(screen.getByLabelText('Kayak'));
		expect(props.save).toHaveBeenLastCalledWith({...DEFAULT_SETTINGS, disabledSites: []});
	});

	it('says under a passport of Hong Kong (one the rules hold nothing for) that checks with it never say yes, and under no other', () => {
		renderOptions({settings: {...DEFAULT_SETTINGS, language: 'en', passports: ['GB', 'HK']}});
		const rows = screen.getByTestId('passports').querySelectorAll('li');
		expect([...rows].map((li) => [li.dataset.code, li.querySelector('.passport-note')?.textContent ?? null])).toEqual([
			['GB', null],
			[
				'HK',
				'Our data holds the visa exemptions China grants foreign nationals, and none for this passport: checks with it never say yes, and tell you to ask your airline.',
			],
		]);
		cleanup();
		renderOptions({settings: {...DEFAULT_SETTINGS, language: 'zh-TW', passports: ['TW']}, locale: 'zh-TW'});
		expect(screen.getByTestId('passport-not-covered').textContent).toBe(
			'我們的資料收錄的是中國給予外國人的免簽政策，沒有適用於此護照的規定：用它查詢不會得到「可以」的結果，並會提示您向航空公司確認。',
		);
	});

	it('saves the language and the badge detail', () => {
		const props = renderOptions();
		fireEvent.change(screen.getByRole('combobox', {name: 'Language'}), {target: {value: 'zh-TW'}});
		expect(props.save).toHaveBeenLastCalledWith(expect.objectContaining({language: 'zh-TW'}));
		fireEvent.click(screen.getByRole('radio', {name: /^Compact/}));
		expect(props.save).toHaveBeenLastCalledWith(expect.objectContaining({detailLevel: 'compact'}));
	});

	it("adds a site of the user's own: asks the browser inside the click, saves once granted", async () => {
		const props = renderOptions();
		fireEvent.input(screen.getByLabelText('Site address'), {target: {value: 'agent.example.com'}});
		fireEvent.click(screen.getByRole('button', {name: 'Add site'}));
		expect(props.requestSite).toHaveBeenCalledWith('https://agent.example.com');
		await waitFor(() =>
			expect(props.save).toHaveBeenCalledWith({...DEFAULT_SETTINGS, language: 'en', extraSites: ['https://agent.example.com']}),
		);
	});

	it('lists the user sites, says which lost their access, and gives access back on removal', () => {
		const sites = ['https://a.example', 'https://b.example'];
		const props = renderOptions({settings: {...DEFAULT_SETTINGS, extraSites: sites}, granted: ['https://a.example']});
		expect(screen.getAllByRole('button', {name: 'Allow again'})).toHaveLength(1);
		fireEvent.click(screen.getByRole('button', {name: 'Remove https://a.example'}));
		expect(props.releaseSite).toHaveBeenCalledWith('https://a.example');
		expect(props.save).toHaveBeenLastCalledWith({...DEFAULT_SETTINGS, extraSites: ['https://b.example']});
	});

	it("shows the rules' version and their sources, in the chosen language", () => {
		renderOptions({locale: 'zh-CN'});
		expect(screen.getByRole('main').getAttribute('lang')).toBe('zh-CN');
		expect(screen.getByTestId('rules-info').textContent).toContain(rules.data.rulesVersion);
		expect(document.querySelectorAll('[data-source]')).toHaveLength(rules.data.sources.length);
	});

	describe('rules updates', () => {
		const URL = 'https://rules.example.org/ctc/rules-update.json';
		const updates = (patch: Partial<OptionsViewProps['updates']> = {}): OptionsViewProps['updates'] => ({
			url: URL,
			granted: true,
			update: undefined,
			status: undefined,
			setEnabled: vi.fn(async () => true),
			checkNow: vi.fn(async () => {}),
			...patch,
		});

		it('offers no switch in a build without an update URL, and says the bundled rules are in use', () => {
			renderOptions();
			expect(screen.queryByTestId('rules-updates-switch')).toBeNull();
			expect(screen.getByTestId('rules-source').textContent).toContain('came with this version');
		});

		it('has the switch off by default, names the host, and turns it on through setEnabled', async () => {
			const props = renderOptions({updates: updates()});
			const box = screen.getByRole('checkbox', {name: /Check for rules updates once a day/}) as HTMLInputElement;
			expect(box.checked).toBe(false);
			expect(screen.getByText(/rules\.example\.org/).textContent).toContain('Turning this off goes back');
			fireEvent.click(box);
			expect(props.updates.setEnabled).toHaveBeenCalledWith(true);
			expect(screen.queryByTestId('rules-check-now')).toBeNull();
		});

		it('says so when the browser refuses the update host', async () => {
			renderOptions({updates: updates({setEnabled: vi.fn(async () => false)})});
			fireEvent.click(screen.getByTestId('rules-updates-switch'));
			await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('did not allow access to rules.example.org'));
		});

		it('shows the last check in words and checks on demand', async () => {
			const status = {checkedAt: Date.UTC(2026, 11, 1, 9, 30), outcome: 'failed', problem: 'bad-signature'} as const;
			const props = renderOptions({settings: {...DEFAULT_SETTINGS, rulesUpdates: true}, updates: updates({status})});
			expect(screen.getByTestId('rules-update-status').textContent).toMatch(
				/^Last checked .*2026.*: The signature does not match: .* The rules in use did not change\.$/,
			);
			fireEvent.click(screen.getByTestId('rules-check-now'));
			expect(props.updates.checkNow).toHaveBeenCalledTimes(1);
			await waitFor(() => expect((screen.getByTestId('rules-check-now') as HTMLButtonElement).disabled).toBe(false));
		});

		it('names a downloaded update when one is in use, in Chinese too', () => {
			const update = {
				format: 1,
				rulesVersion: '2026.12.05',
				reviewedAt: '2026-12-05',
				publishedAt: '2026-12-05',
				keyId: 'k',
				fetchedAt: Date.UTC(2026, 11, 6),
				rules: rules.data,
			} as const;
			renderOptions({locale: 'zh-CN', settings: {...DEFAULT_SETTINGS, rulesUpdates: true}, updates: updates({update})});
			expect(screen.getByTestId('rules-source').textContent).toContain('已签名的规则更新');
			expect(screen.getByTestId('rules-source').textContent).toContain('2026-12-05');
			expect(screen.getByTestId('rules-update-status').textContent).toBe('尚未检查。');
		});
	});
});

describe('the options page: the keyboard shortcut', () => {
	it('names the keys that open the popup, and offers the browser’s page to change them', () => {
		const change = vi.fn();
		renderOptions({shortcut: {keys: 'Alt+Shift+K', change}});
		const section = screen.getByRole('region', {name: 'Keyboard shortcut'});
		expect(section.querySelector('kbd')?.textContent).toBe('Alt+Shift+K');
		expect(screen.getByTestId('shortcut').textContent).toBe(
			'Alt+Shift+K Opens this extension’s window from the toolbar: select a booking on the page, press the keys, and check the selection.',
		);
		fireEvent.click(screen.getByRole('button', {name: 'Change the shortcut'}));
		expect(change).toHaveBeenCalledTimes(1);
	});

	it('says so where the browser set none (its keys taken), in Chinese too', () => {
		renderOptions({shortcut: {keys: null, change: vi.fn()}});
		expect(screen.getByTestId('shortcut').textContent).toBe(
			'No keyboard shortcut opens this extension’s window: the browser leaves it unset where its keys are already taken.',
		);
		expect(screen.getByTestId('shortcut').querySelector('kbd')).toBeNull();
		cleanup();
		renderOptions({locale: 'zh-TW', shortcut: {keys: 'Alt+Shift+K', change: vi.fn()}});
		expect(screen.getByRole('region', {name: '鍵盤快速鍵'})).toBeTruthy();
		expect(screen.getByRole('button', {name: '變更快速鍵'})).toBeTruthy();
	});

	it('shows nothing of it until the browser has said which keys it has', () => {
		renderOptions();
		expect(screen.queryByRole('region', {name: 'Keyboard shortcut'})).toBeNull();
	});
});
