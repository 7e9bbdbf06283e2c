// @vitest-environment jsdom
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {markDocument, READY_ATTRIBUTE} from '../../lib/scan/mark-document';
import {adapterFor} from '../../lib/adapters';

const GOOGLE_FLIGHTS = readFileSync('test/fixtures/google-flights/sfo-nrt-2025.html', 'utf8');

describe('saved pages', () => {
	it('the saved Google Flights results page is claimed by the google-flights site and keeps its cards', () => {
		const doc = new DOMParser().parseFromString(GOOGLE_FLIGHTS, 'text/html');
		expect(adapterFor(new URL('https://www.google.com/travel/flights/search?tfs=x'))?.id).toBe('google-flights');
		// The trimmed capture keeps all 56 result cards (li.pIav2d) with their aria-label sentences.
		expect(doc.querySelectorAll('li.pIav2d')).toHaveLength(56);
		expect(doc.querySelector('li.pIav2d [aria-label*="Leaves"]')).not.toBeNull();
	});

	it('marks the document the content script runs in, on <html> only', () => {
		const doc = new DOMParser().parseFromString(GOOGLE_FLIGHTS, 'text/html');
		markDocument(doc.documentElement);
		expect(doc.documentElement.getAttribute(READY_ATTRIBUTE)).toBe('ready');
		expect(doc.querySelectorAll(`[${READY_ATTRIBUTE}]`)).toHaveLength(1);
	});

	it('keeps the provenance line of the capture', () => {
		expect(GOOGLE_FLIGHTS.split('\n')[0]).toMatch(/^<!-- source: .+ · captured: .+ -->$/);
	});
});
