// @vitest-environment jsdom
/**
 * The route form's dates and times (components/DateTimeField.tsx): typed as text in the UI language's format instead
 * of the browser's pickers (which follow the browser's locale, not the one chosen in the options). What is read, what
 * is refused and how, and the form in Chinese: labels, placeholders, the format hint and the messages.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {cleanup, fireEvent, render, screen} from '@testing-library/preact';
import './wait-longer';
import userEvent from '@testing-library/user-event';
import {readTime, readWhen} from '@/components/DateTimeField';
import {RouteCheck} from '@/components/RouteCheck';
import {loadRules} from '@/lib/rules/load-rules';

const rules = loadRules();
const TODAY = '2026-03-01';

afterEach(cleanup);

describe('reading a date and a time', () => {
	it('gives the engine YYYY-MM-DDTHH:mm, a bare date, or nothing', () => {
		expect(readWhen('', '')).toEqual({ok: true, value: '', date: '', time: ''});
		expect(readWhen('2026-03-16', '')).toEqual({ok: true, value: '2026-03-16', date: '2026-03-16', time: ''});
		expect(readWhen('2026-03-16', '16:00')).toEqual({ok: true, value: '2026-03-16T16:00', date: '2026-03-16', time: '16:00'});
	});

	it('reads what people write: other separators, full-width digits, Chinese and English forms', () => {
		const value = (date: string, time = '') => (({ok, ...r}) => (ok ? (r as {value: string}).value : r))(readWhen(date, time));
		expect(value('2026/3/16', '4:30 pm')).toBe('2026-03-16T16:30');
		expect(value('2026.03.16', '0930')).toBe('2026-03-16T09:30');
		expect(value('２０２６－０３－１６', '１６：０５')).toBe('2026-03-16T16:05');
		expect(value('2026年3月16日', '下午4点半')).toBe('2026-03-16T16:30');
		expect(value('2026 年 3 月 16 日 16时05分')).toBe('2026-03-16T16:05');
		expect(value('16 March 2026', '7pm')).toBe('2026-03-16T19:00');
		expect(value('Mar 16, 2026')).toBe('2026-03-16');
		// The ISO form the browser's picker used to give, typed or pasted in the date box.
		expect(value('2026-03-16T16:00')).toBe('2026-03-16T16:00');
		expect(value('2026-03-16 7:05')).toBe('2026-03-16T07:05');
	});

	it('reads the 12-hour clock and the parts of a Chinese day', () => {
		expect(readTime('12am')).toBe('00:00');
		expect(readTime('12:15 p.m.')).toBe('12:15');
		expect(readTime('中午12点')).toBe('12:00');
		expect(readTime('中午1点')).toBe('13:00');
		expect(readTime('晚上8点')).toBe('20:00');
		expect(readTime('凌晨12点30分')).toBe('00:30');
		expect(readTime('9')).toBe('09:00');
	});

	it('refuses what is not a date or a time, and a time without a date', () => {
		expect(readWhen('2026-02-30', '')).toEqual({ok: false, problem: {part: 'date', key: 'formBadDate', params: {text: '2026-02-30'}}});
		// Day and month in either order are a guess: the form asks for the year first.
		expect(readWhen('03/04/2026', '')).toMatchObject({ok: false, problem: {part: 'date', key: 'formBadDate'}});
		expect(readWhen('2026-03-16', '25:00')).toEqual({ok: false, problem: {part: 'time', key: 'formBadTime', params: {text: '25:00'}}});
		expect(readWhen('2026-03-16', '13pm')).toMatchObject({ok: false, problem: {part: 'time'}});
		expect(readWhen('2026-03-16 soon', '')).toMatchObject({ok: false, problem: {part: 'date', key: 'formBadTime'}});
		expect(readWhen('', '10:00')).toEqual({ok: false, problem: {part: 'date', key: 'formTimeNeedsDate'}});
	});
});

describe('the route form in the UI language', () => {
	it('in Chinese: labels, placeholders and the format hint; what was typed is shown back as read', async () => {
		const user = userEvent.setup();
		render(<RouteCheck rules={rules} locale="zh-CN" passports={['US']} today={TODAY} />);
		const date = screen.getByLabelText('抵达中国（当地时间）') as HTMLInputElement;
		const time = screen.getByLabelText('抵达时刻') as HTMLInputElement;
		expect(date.placeholder).toBe('年-月-日');
		expect(time.placeholder).toBe('时:分');
		expect(date.type).toBe('text');
		expect(document.getElementById(date.getAttribute('aria-describedby')!)?.textContent).toContain(
			'日期（年-月-日），时间（时:分，24小时制）',
		);
		await user.type(date, '2026年3月16日');
		await user.type(time, '下午5点');
		await user.tab();
		expect(date.value).toBe('2026-03-16');
		expect(time.value).toBe('17:00');
	});

	it('a date it cannot read: says so in the UI language, marks the box, and puts the focus there', async () => {
		const user = userEvent.setup();
		render(<RouteCheck rules={rules} locale="zh-CN" passports={['US']} today={TODAY} />);
		await user.type(screen.getByLabelText('出发地'), 'LAX');
		await user.type(screen.getByLabelText('中国中转机场'), 'PVG');
		await user.type(screen.getByLabelText('目的地'), 'ICN');
		const date = screen.getByLabelText('离开中国（当地时间）');
		await user.type(date, '20/03/2026{Enter}');
		expect(screen.getByRole('alert').textContent).toBe('无法识别的日期：20/03/2026。请按“年-月-日”填写，如 2026-03-16。');
		expect(date.getAttribute('aria-invalid')).toBe('true');
		expect(date.getAttribute('aria-describedby')).toContain('form-problem');
		expect(document.activeElement).toBe(date);
		expect(screen.queryByTestId('result')).toBeNull();
	});

	it('a time it cannot read, or a time without its date: the box to fix is marked and focused', async () => {
		const user = userEvent.setup();
		render(<RouteCheck rules={rules} locale="en" passports={['US']} today={TODAY} />);
		await user.type(screen.getByLabelText('From'), 'LAX');
		await user.type(screen.getByLabelText('Connecting in China'), 'PVG');
		await user.type(screen.getByLabelText('To'), 'ICN');
		await user.type(screen.getByLabelText('Arrive in China (local time)'), '2026-03-16');
		const time = screen.getByLabelText('Arrival time');
		await user.type(time, '4:75{Enter}');
		expect(screen.getByRole('alert').textContent).toBe('Not a time: 4:75. Type it as HH:mm on the 24-hour clock, e.g. 16:30.');
		expect(time.getAttribute('aria-invalid')).toBe('true');
		expect(document.activeElement).toBe(time);
		await user.clear(time);
		await user.type(screen.getByLabelText('Departure time'), '09:00{Enter}');
		expect(screen.getByRole('alert').textContent).toBe('Add the date for this time.');
		expect(document.activeElement).toBe(screen.getByLabelText('Leave China (local time)'));
	});

	it('an ISO date and time typed in the date box fills both boxes, and the check uses them', async () => {
		const user = userEvent.setup();
		render(<RouteCheck rules={rules} locale="en" passports={['US']} today={TODAY} />);
		await user.type(screen.getByLabelText('From'), 'LAX');
		await user.type(screen.getByLabelText('Connecting in China'), 'PVG');
		await user.type(screen.getByLabelText('To'), 'ICN');
		fireEvent.input(screen.getByLabelText('Arrive in China (local time)'), {target: {value: '2026-03-16T17:00'}});
		expect((screen.getByLabelText('Arrive in China (local time)') as HTMLInputElement).value).toBe('2026-03-16');
		expect((screen.getByLabelText('Arrival time') as HTMLInputElement).value).toBe('17:00');
		await user.type(screen.getByLabelText('Leave China (local time)'), '2026-03-20 09:00{Enter}');
		const result = await screen.findByTestId('result');
		expect(result.textContent).toContain('240-hour visa-free transit');
		expect(result.textContent).toContain('2026-03-16 17:00');
		expect(result.textContent).toContain('2026-03-20 09:00');
	});
});
