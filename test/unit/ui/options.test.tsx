// @vitest-environment jsdom
/**
 * The options page's view (components/OptionsView.tsx), rendered with Preact in jsdom: settings in, saves and
 * permission requests out, with the browser calls as fakes.
 */
import {afterEach, describe, expect, it, vi} from 'vitest';
import {cleanup, fireEvent, render, screen, waitFor} from '@testing-library/preact';
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
});
