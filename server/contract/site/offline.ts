/**
 * What the server, the service worker (client/src/sw.ts) and the web app agree on for working
 * offline. Kept free of imports: the service worker loads it as its only dependency.
 */

/** On an API answer computed for nobody in particular (no one signed in): the only kind kept offline. */
export const ANONYMOUS_ANSWER_HEADER = 'X-Anonymous-Answer';

/** On an answer the service worker gives from its store instead of the network: when it was stored. */
export const STORED_AT_HEADER = 'X-Offline-Stored-At';

/** Cache Storage name of the API answers kept for offline use (sign-out deletes it). */
export const API_CACHE = 'ct-directory-api-v1';

/**
 * The public directory reads kept for offline use, as paths under /api/v1. Referrals, accounts,
 * workspace and admin never match; neither do exports and downloads.
 */
export const OFFLINE_API_PATHS: readonly RegExp[] = [
  /^\/services(?:\/[^/]+)?$/,
  /^\/organizations(?:\/[^/]+)?$/,
  /^\/governorates(?:\/[^/]+)?$/,
  /^\/governorates\.geojson$/,
  /^\/map\/services$/,
  /^\/taxonomy$/,
  /^\/meta$/,
];
