import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { Config } from '../config.js';

/**
 * The CSP source for the configured map tile template, e.g. "https://{s}.tile.example.org/{z}/{x}/{y}.png"
 * → "https://*.tile.example.org". CSP allows a wildcard only as the leftmost label; a placeholder
 * anywhere else in the host widens the source to any https host rather than breaking the map.
 */
export function tileSource(tileUrl: string | undefined): string | undefined {
  if (!tileUrl) return undefined;
  const host = /^https:\/\/([^/]+)/.exec(tileUrl)?.[1];
  if (!host) return undefined;
  const [first, ...rest] = host.split('.');
  if (rest.some((label) => label.includes('{'))) return 'https:';
  return `https://${first?.includes('{') ? '*' : first}${rest.length ? `.${rest.join('.')}` : ''}`;
}

/**
 * Security headers: a strict Content-Security-Policy (own origin only, images also from the tile
 * host, no inline scripts or styles, no framing), HSTS and upgrade of insecure requests in production.
 * The one exception is the server-rendered API reference (/api/docs), which carries its small style
 * sheet inline: it may use inline styles, still no scripts.
 */
export function securityHeaders(config: Pick<Config, 'TILE_URL' | 'isProduction'>): RequestHandler {
  const tiles = tileSource(config.TILE_URL);
  const headers = (styleSrc: string[]) =>
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc,
          imgSrc: ["'self'", 'data:', ...(tiles ? [tiles] : [])],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          ...(config.isProduction ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      strictTransportSecurity: config.isProduction ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      referrerPolicy: { policy: 'no-referrer' },
    });
  const strict = headers(["'self'"]);
  const docsPage = headers(["'self'", "'unsafe-inline'"]);
  return (req, res, next) => (req.path === '/api/docs' ? docsPage : strict)(req, res, next);
}
