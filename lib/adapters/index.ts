/**
 * The adapter registry: an explicit, alphabetical list. The content scripts come from here (each site gets its own,
 * on its `matches`, carrying its adapter alone: wxt.config.ts), so adding a site is one line here, its adapter file
 * (`<id>.ts`) and its fixtures. Adapters must not touch the DOM at import time.
 */
import ctrip from './ctrip';
import flightsfinder from './flightsfinder';
import googleFlights from './google-flights';
import kayak from './kayak';
import skyscanner from './skyscanner';
import {adapterIn, type SiteAdapter} from './types';

export const adapters: readonly SiteAdapter[] = [ctrip, flightsfinder, googleFlights, kayak, skyscanner];

export function adapterFor(url: URL): SiteAdapter | undefined {
	return adapterIn(adapters, url);
}
