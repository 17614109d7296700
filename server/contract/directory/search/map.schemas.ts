import { z } from 'zod';
import { CapacityView } from '../services/service.schemas.js';

/** Coordinates on the map are whole multiples of this (1/10,000 degree, some 11 m): enough to place a marker. */
export const MAP_COORDINATE_SCALE = 10_000;

/**
 * The services of a search for the map, column by column (the i-th entry of each column is the i-th
 * service): some 15 B gzip per service instead of 24 as GeoJSON features. The service's name, in the
 * requested language, is carried: a popup names its service without asking the network (a caseworker
 * offline, or paying for each request). Organisation names are not (even as a table of distinct names
 * they took the answer past 15 B a point): the popup reads them from the service's page when it can.
 */
export const MapPoints = z.object({
  /** Service ids. */
  id: z.array(z.string()),
  /** Service names in the requested language. */
  name: z.array(z.string()),
  /** Longitude and latitude, as integers in 1/MAP_COORDINATE_SCALE degree. */
  lng: z.array(z.number().int()),
  lat: z.array(z.number().int()),
  /** The distinct lists of category codes, referenced by `category`. */
  categorySets: z.array(z.array(z.string())),
  /** Each service's index into `categorySets`. */
  category: z.array(z.number().int()),
  /** Indexes of the services drawn at their governorate's capital: confidential, or no public address. */
  approximate: z.array(z.number().int()),
  /** Capacity figures (free beds, places) by service index, as on GET /services; never a confidential service's (this answer is shared). */
  capacity: z.record(z.string(), z.array(CapacityView)),
});
export type MapPoints = z.infer<typeof MapPoints>;
