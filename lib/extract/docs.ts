/**
 * The nationalities a booking record gives its passengers: the passport entries of its `SSR DOCS` items (APIS data),
 * as Galileo (`SI.P1/SSRDOCSDLHK1/P/CH/E12345678/CH/07JAN76/F/05JUN23/KONQUI/KATIE`), Amadeus (`SSR DOCS AF HK1
 * P/FRA/12345678/FRA/01JAN80/M/01JAN30/DOE/JOHN`) and Sabre (`SSR DOCS AA HK1/P/US/…`, `3DOCS/P/US/…`) print them:
 * document type `P` (passport), issuing country, number, nationality, date of birth. Pure: text in, the codes as
 * printed (two or three letters) out, each once, in order. What they name is lib/i18n/countries' business.
 */

/**
 * `DOCS`, the carrier and status that may follow it (`DLHK1`, ` AF HK1`), then `P/issuer/number/nationality/` and a
 * date of birth (`07JAN76`), which makes it a passport entry and not another `DOCS` item (`DOCA`, `DOCO`). Every run
 * is bounded or stops at `/`, so a line that fails costs linear time.
 */
const DOCS_PASSPORT = /DOCS[A-Z0-9 ]{0,12}?\/?\s?P\/([A-Z]{2,3})?\/[A-Z0-9]{0,20}\/([A-Z]{2,3})\/\d{2}[A-Z]{3}\d{2}\//g;

export function passengerNationalities(text: string): string[] {
	const found: string[] = [];
	for (const m of text.toUpperCase().matchAll(DOCS_PASSPORT)) {
		const nationality = m[2]!;
		if (!found.includes(nationality)) found.push(nationality);
	}
	return found;
}
