// @vitest-environment jsdom
/** The first-run page's view (components/WelcomeView.tsx) in jsdom: its words in each language, passports and language saved. */
import {afterEach, describe, expect, it, vi} from 'vitest';
import {cleanup, fireEvent, render, screen} from '@testing-library/preact';
import {WelcomeView, type WelcomeViewProps} from '@/components/WelcomeView';
import {DEFAULT_SETTINGS, type Settings} from '@/lib/settings';

afterEach(cleanup);

function renderWelcome(overrides: Partial<WelcomeViewProps> = {}) {
	const props: WelcomeViewProps = {
		settings: DEFAULT_SETTINGS,
		save: vi.fn(async (_next: Settings) => {}),
		locale: 'en',
		openOptions: vi.fn(),
		...overrides,
	};
	render(<WelcomeView {...props} />);
	return props;
}

describe('the welcome page', () => {
	it('asks for passports, shows badges on sample results, names the sites, and states the privacy promise', () => {
		renderWelcome();
		expect(screen.getByRole('heading', {level: 1}).textContent).toBe('Welcome to China Transit Check');
		expect(screen.getAllByRole('heading', {level: 2}).map((h) => h.textContent)).toEqual([
			'1. Your passports',
			'2. What a badge looks like',
			'3. Your privacy',
		]);
		const samples = screen.getByRole('list', {name: 'Examples of flight results with a badge'});
		expect(samples.textContent).toContain('24h transit ✓ PEK');
		expect(samples.textContent).toContain('No visa-free route found');
		// Each sample's route as seen, and in words for a screen reader (which would read an arrow as “right arrow”).
		const route = samples.querySelector('.sample-route')!;
		expect(route.querySelector('.visually-hidden')?.textContent).toBe('to');
		expect([...route.querySelectorAll('[aria-hidden="true"]')].map((a) => a.textContent)).toEqual(['→', '→']);
		expect(route.textContent!.replaceAll('→to', '→')).toBe('JFK → PEK → NRT');
		expect(document.body.textContent).toContain('Google Flights');
		expect(document.body.textContent).toContain('never sent anywhere');
	});

	it('names the keys that open the popup where the browser set them, and says nothing of them where it did not', () => {
		renderWelcome({shortcut: 'Alt+Shift+K'});
		expect(screen.getByTestId('shortcut').textContent).toBe('The keyboard opens it too: Alt+Shift+K');
		expect(screen.getByTestId('shortcut').querySelector('kbd')?.textContent).toBe('Alt+Shift+K');
		cleanup();
		renderWelcome({shortcut: null});
		expect(screen.queryByTestId('shortcut')).toBeNull();
		cleanup();
		renderWelcome({locale: 'zh-CN', shortcut: 'Alt+Shift+K'});
		expect(screen.getByTestId('shortcut').textContent).toBe('也可以用键盘打开：Alt+Shift+K');
	});

	it('tells where else to check: the popup’s buttons and the context menu item, by the names they have there', () => {
		for (const [locale, words] of [
			[
				'en',
				[
					'"Scan this page"',
					'"Check the text selected on the page"',
					'right-click',
					'"Check the selected itinerary for China transit"',
				],
			],
			['zh-CN', ['“扫描此页面”', '“核查页面上选中的文字”', '右键点击', '“核查选中行程的中国过境条件”']],
			['zh-TW', ['「掃描此頁面」', '「核查頁面上選取的文字」', '按右鍵', '「核查選取行程的中國過境條件」']],
		] as const) {
			renderWelcome({locale});
			for (const w of words) expect(document.body.textContent, `${locale}: ${w}`).toContain(w);
			cleanup();
		}
	});

	it('saves a passport typed in, and the language chosen; opens the settings', () => {
		const props = renderWelcome();
		fireEvent.input(screen.getByLabelText('Country of passport'), {target: {value: 'France'}});
		fireEvent.click(screen.getByRole('button', {name: 'Add passport'}));
		expect(props.save).toHaveBeenLastCalledWith({...DEFAULT_SETTINGS, passports: ['FR']});
		fireEvent.change(screen.getByLabelText('Language'), {target: {value: 'zh-TW'}});
		expect(props.save).toHaveBeenLastCalledWith({...DEFAULT_SETTINGS, language: 'zh-TW'});
		fireEvent.click(screen.getByRole('button', {name: 'All settings'}));
		expect(props.openOptions).toHaveBeenCalledTimes(1);
	});

	it('speaks Chinese, the sample badges too', () => {
		renderWelcome({locale: 'zh-CN'});
		expect(screen.getByRole('heading', {level: 1}).textContent).toBe('欢迎使用中国过境免签查询');
		expect(screen.getByRole('list', {name: '带标记的航班结果示例'}).textContent).toContain('24小时过境 ✓ PEK');
	});
});
