import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router, type Request } from 'express';
import { fromRepoRoot } from '../platform/paths.js';

const clientDist = fromRepoRoot('client', 'dist');

/** Vite's content-hashed output: a changed file gets a new name, so a copy can be kept for a year. */
const hashedDir = path.join(clientDist, 'assets') + path.sep;

/** The build writes these beside each compressible file (vite.config.ts), best first. */
const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

/** The precompressed copy of the asked file that the client accepts, if the build made one. */
function precompressedCopy(req: Request, file: string): (typeof PRECOMPRESSED)[number] | undefined {
  return PRECOMPRESSED.find(({ encoding, suffix }) => req.acceptsEncodings(encoding) && existsSync(file + suffix));
}

/**
 * The built web app: files from client/dist, sent as the build compressed them when the client
 * accepts it (Brotli, else gzip), hashed assets cached for good, and the app shell (index.html) for
 * every other GET that wants HTML, revalidated on each visit so a new release is picked up at once.
 * Nothing is served when the client is not built (API-only use).
 */
export function clientSite(): Router {
  const router = Router();
  if (!existsSync(clientDist)) return router;

  const files = express.static(clientDist, {
    index: false,
    cacheControl: false,
    // Only here, once the file is really being sent, does the response say how it is encoded.
    setHeaders(res, servedPath) {
      const copy = PRECOMPRESSED.find(({ suffix }) => servedPath.endsWith(suffix));
      if (copy) res.setHeader('Content-Encoding', copy.encoding);
      res.setHeader('Cache-Control', servedPath.startsWith(hashedDir) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  const negotiate: express.RequestHandler = (req, res, next) => {
    let file: string;
    try {
      file = path.join(clientDist, decodeURIComponent(req.path));
    } catch {
      return next(); // a malformed escape: the static handler answers it
    }
    if (!file.startsWith(clientDist + path.sep)) return next();
    if (PRECOMPRESSED.some(({ suffix }) => existsSync(file + suffix))) res.vary('Accept-Encoding');
    const copy = precompressedCopy(req, file);
    if (copy) {
      // The type of the file itself, not of its compressed copy (which the static handler would send).
      res.type(path.extname(file));
      req.url = req.path + copy.suffix;
    }
    next();
  };

  router.get(/.*/, negotiate, files);
  // Client-side routes: every other GET that wants HTML gets the app shell.
  router.get(
    /^\/(?!api\/|hsds\/).*/,
    (req, _res, next) => {
      if (!req.accepts('html')) return next('route');
      req.url = '/index.html';
      next();
    },
    negotiate,
    files,
  );
  return router;
}
