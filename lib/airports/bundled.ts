/** The bundled airport table, trusted: it was validated at build time (wxt.config.ts), by data:validate and in tests. */
import rawAirports from '../../data/airports.json';
import type {AirportTable} from '.';
import {withNames} from './names';
import type {AirportsFile} from './schema';

let memo: AirportTable | undefined;
/** The table, with its name lookup; one per context (its indexes are built on first use and kept). */
export const bundledAirports = (): AirportTable => (memo ??= withNames({...(rawAirports as AirportsFile)}));
