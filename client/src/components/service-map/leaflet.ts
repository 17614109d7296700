import L from 'leaflet';

/**
 * Leaflet with the markercluster plugin. The plugin is a UMD script that extends the global `L`,
 * so the global is set before it is evaluated (see the import order in service-map.ts).
 */
(globalThis as typeof globalThis & { L: typeof L }).L = L;

export default L;
