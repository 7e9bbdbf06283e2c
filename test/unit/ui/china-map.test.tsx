// @vitest-environment jsdom
import {afterEach, describe, expect, it} from 'vitest';
import {cleanup, render} from '@testing-library/preact';
import rawMap from '@/data/china-map.json';
import {ChinaMap} from '@/components/ChinaMap';
import {loadRules} from '@/lib/rules/load-rules';
import {ChinaMapSchema, chinaMap} from '@/lib/ui/china-map-data';

const rules = loadRules();
const areas = rules.data.transit240Areas;
const listed = areas.filter((a) => a.area === 'listed').map((a) => a.province);
const whole = areas.filter((a) => a.area === 'whole').map((a) => a.province);

afterEach(cleanup);

describe('china-map.json', () => {
	it('validates with the schema and draws the 31 mainland divisions only', () => {
		const map = ChinaMapSchema.parse(rawMap);
		expect(map.provinces).toHaveLength(31);
		const codes = map.provinces.map((p) => p.code);
		for (const outside of ['710000', '810000', '820000']) expect(codes).not.toContain(outside);
		expect(chinaMap()).toBe(chinaMap());
		expect(map.source.licence).toBe('ISC');
	});

	it('places every 240-hour airport port inside the viewBox', () => {
		const {viewBox, airports} = chinaMap();
		const [x0, y0, w, h] = viewBox;
		for (const port of rules.data.transit240Ports.filter((p) => p.type === 'airport')) {
			const at = airports[port.iata!];
			expect(at, port.iata).toBeDefined();
			expect(at![0]).toBeGreaterThan(x0);
			expect(at![0]).toBeLessThan(x0 + w);
			expect(at![1]).toBeGreaterThan(y0);
			expect(at![1]).toBeLessThan(y0 + h);
		}
	});

	it('has a shape for every permitted area and a name for every listed prefecture', () => {
		const {provinces, prefectures} = chinaMap();
		for (const a of areas)
			expect(
				provinces.find((p) => p.code === a.province),
				a.name,
			).toBeDefined();
		for (const code of areas.flatMap((a) => a.prefectures ?? [])) {
			expect(rules.divisions[code] ?? prefectures[code], code).toMatch(/[\u4e00-\u9fff]/);
		}
	});
});

describe('ChinaMap', () => {
	const statusOf = (container: Element, status: string) =>
		[...container.querySelectorAll<SVGPathElement>(`path[data-code][data-status="${status}"]`)].map((p) => p.dataset.code).sort();

	it('draws 31 provinces and highlights exactly the permitted areas, hatching the partly permitted ones', () => {
		const {container} = render(<ChinaMap rules={rules} locale="en" airports={['PVG', 'PEK']} />);
		const paths = container.querySelectorAll<SVGPathElement>('svg[role="img"] path[data-code]');
		expect(paths).toHaveLength(31);
		expect(statusOf(container, 'whole')).toEqual([...whole].sort());
		expect(statusOf(container, 'listed')).toEqual([...listed].sort());
		expect(statusOf(container, 'none')).toHaveLength(31 - areas.length);
		// Hatched by a pattern that exists in the document, so partly permitted does not rest on colour alone.
		for (const code of listed) {
			const fill = container.querySelector(`path[data-code="${code}"]`)!.getAttribute('fill')!;
			const id = /^url\(#(.+)\)$/.exec(fill)![1]!;
			expect(container.ownerDocument.getElementById(id)?.tagName.toLowerCase()).toBe('pattern');
		}
		for (const code of whole) expect(container.querySelector(`path[data-code="${code}"]`)!.getAttribute('fill')).toBeNull();
	});

	it('marks the stay airports, ignores unknown codes and summarises both in the image title', () => {
		const {container} = render(<ChinaMap rules={rules} locale="en" airports={['PVG', 'pek', 'XXX', 'LHR', 'PVG']} />);
		const markers = [...container.querySelectorAll<SVGGElement>('g[data-iata]')];
		expect(markers.map((m) => m.dataset.iata)).toEqual(['PVG', 'PEK']);
		expect(markers.map((m) => m.querySelector('text')!.textContent)).toEqual(['PVG', 'PEK']);
		const svg = container.querySelector('svg[role="img"]')!;
		const title = container.ownerDocument.getElementById(svg.getAttribute('aria-labelledby')!)!;
		expect(title.textContent).toContain('24 permitted areas');
		expect(title.textContent).toContain('Stay airports marked: PVG, PEK.');
	});

	it('renders without airports: no markers, no airport legend entry', () => {
		const {container} = render(<ChinaMap rules={rules} locale="en" />);
		expect(container.querySelectorAll('g[data-iata]')).toHaveLength(0);
		expect(container.querySelector('svg[role="img"] title')!.textContent).not.toContain('Stay airports');
		expect(container.querySelector('.ctc-map__legend')!.textContent).not.toContain('Airport of your stay');
	});

	it('lists the 24 areas, names the prefectures of listed areas and marks the provinces of the stay', () => {
		const {container} = render(<ChinaMap rules={rules} locale="en" airports={['PVG', 'SHA', 'CTU']} />);
		const items = [...container.querySelectorAll<HTMLLIElement>('.ctc-map__areas li')];
		expect(items).toHaveLength(24);
		expect(items.map((li) => li.dataset.province)).toEqual(areas.map((a) => a.province));
		const item = (code: string) => items.find((li) => li.dataset.province === code)!;
		expect(item('110000').textContent).toContain('Beijing');
		expect(item('140000').textContent).toContain('太原市');
		expect(item('140000').textContent).toContain('大同市');
		for (const code of listed) {
			expect(item(code).querySelector('.ctc-map__places [lang="zh-CN"]')).not.toBeNull();
			expect(item(code).textContent).not.toMatch(/\d{6}/);
		}
		for (const code of whole) expect(item(code).querySelector('.ctc-map__places')).toBeNull();
		const stay = items.filter((li) => li.classList.contains('ctc-map__area--stay')).map((li) => li.dataset.province);
		expect(stay).toEqual(['310000', '510000']);
		expect(item('310000').textContent).toContain('PVG, SHA');
		expect(item('510000').textContent).toContain('CTU');
	});

	it('uses Chinese names in Chinese locales, in the reader’s script', () => {
		for (const [locale, gansu, heilongjiang, harbin] of [
			['zh-CN', '甘肃', '黑龙江', '哈尔滨市'],
			['zh-TW', '甘肅', '黑龍江', '哈爾濱市'],
		] as const) {
			const {container, unmount} = render(<ChinaMap rules={rules} locale={locale} airports={['PVG']} />);
			const items = [...container.querySelectorAll('.ctc-map__areas li .ctc-map__area-name')].map((n) => n.textContent);
			expect(items).toHaveLength(24);
			expect(items).toContain(heilongjiang);
			expect(container.querySelector('svg[role="img"] title')!.textContent).toContain('24');
			expect(container.querySelector('svg[role="img"] title')!.textContent).toContain('PVG');
			expect(container.querySelector('path[data-code="620000"] title')!.textContent).toContain(gansu);
			expect(container.querySelector('li[data-province="230000"]')!.textContent).toContain(harbin);
			// The prefecture names are in the page's language and script: no lang override.
			expect(container.querySelector('.ctc-map__places [lang]')).toBeNull();
			unmount();
		}
		const {container} = render(<ChinaMap rules={rules} locale="zh-CN" />);
		expect(container.querySelector('figcaption')!.textContent).toContain('仅供参考');
		expect([...container.querySelectorAll('.ctc-map__areas li .ctc-map__area-name')].map((n) => n.textContent)).toEqual(
			areas.map((a) => a.nameZh),
		);
	});
});
