/** The bundled airport table, trusted: it was validated at build time (wxt.config.ts), by data:validate and in tests. */
import rawAirports from '../../data/airports.json';
import type {AirportTable} from '.';
import type {AirportsFile} from './schema';

export const bundledAirports = (): AirportTable => rawAirports as AirportsFile;
