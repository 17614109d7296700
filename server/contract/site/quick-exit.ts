/**
 * Quick exit's neutral page (a weather search) unless QUICK_EXIT_URL names another. Kept apart from
 * the zod schemas so the web app can fall back on it without loading them.
 */
export const DEFAULT_QUICK_EXIT_URL = 'https://www.google.com/search?q=weather';
