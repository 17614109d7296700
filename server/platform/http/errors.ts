import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import mongoose from 'mongoose';
import { z } from 'zod';
import type { Logger } from '../logging.js';
import { LANGUAGES, type Language } from '../../contract/text/languages.js';
import { sayText } from '../../contract/text/zod-messages.js';
import { HttpProblem, PROBLEM_CONTENT_TYPE, badRequest, conflict, notFound, serviceUnavailable } from './problem.js';
import { toFieldProblems } from './validate.js';
import { isDuplicateKey } from '../db/duplicate-key.js';

/** True for errors that mean "the database is not reachable right now", as opposed to a bad query. */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const name = err.name;
  return (
    name === 'MongoServerSelectionError' ||
    name === 'MongooseServerSelectionError' ||
    name === 'MongoNetworkError' ||
    name === 'MongoNetworkTimeoutError' ||
    name === 'MongoNotConnectedError' ||
    name === 'MongoTopologyClosedError' ||
    name === 'PoolClearedError' ||
    name === 'MongoPoolClearedError' ||
    // FerretDB v1 under heavy load sometimes answers a find without its cursor: transient, retryable.
    name === 'MongoUnexpectedServerResponseError' ||
    /buffering timed out|Client must be connected|connection .* closed|ECONNREFUSED/i.test(err.message)
  );
}

function toProblem(err: unknown): HttpProblem | undefined {
  if (err instanceof HttpProblem) return err;
  if (err instanceof z.ZodError) return badRequest('requestInvalid', toFieldProblems(err));
  if (isDatabaseUnavailable(err)) return serviceUnavailable();
  if (err instanceof mongoose.Error.CastError) return notFound();
  if (err instanceof mongoose.Error.ValidationError) {
    return badRequest(
      { key: 'recordNotValid', params: { what: 'record' } },
      // Mongoose's own messages are English and name internals: the field is enough.
      Object.keys(err.errors).map((field) => ({ field, message: 'invalidValue' })),
    );
  }
  const e = err as { code?: unknown; type?: unknown; status?: unknown };
  if (isDuplicateKey(err)) return conflict('duplicateKey');
  // body-parser / raw-body errors carry a status and a type.
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
    const detail =
      e.type === 'entity.parse.failed'
        ? 'bodyNotJson'
        : e.type === 'entity.too.large'
          ? 'bodyTooLarge'
          : e.type === 'charset.unsupported' || e.type === 'encoding.unsupported'
            ? 'bodyEncoding'
            : undefined;
    return new HttpProblem(e.status, detail);
  }
  return undefined;
}

/** The requester's language (problems, the mails a request causes): the best of Accept-Language among ours, else English. */
export const requestLanguage = (req: Request): Language => (req.acceptsLanguages(...LANGUAGES) || 'en') as Language;

function sendProblem(req: Request, res: Response, problem: HttpProblem): void {
  for (const [name, value] of Object.entries(problem.headers)) res.setHeader(name, value);
  const lang = requestLanguage(req);
  const body = JSON.stringify(problem.toBody(req.originalUrl.split('?')[0], lang));
  res.setHeader('Content-Language', lang);
  res.vary('Accept-Language');
  // Not res.send(): it adds an ETag (a hash of the body), and a problem is no representation to cache
  // or revalidate; without it a hidden record's 404 carries nothing that an unknown id's lacks.
  res.status(problem.status).setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

/** The last middleware: every error becomes a problem+json response; internals are logged, never sent. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const problem = toProblem(err);
    const log = (req as { log?: Logger }).log ?? logger;
    if (!problem) {
      log.error({ err }, 'unhandled error');
    } else if (problem.status >= 500) {
      log.warn({ status: problem.status, reason: err instanceof Error ? err.message : String(err) }, sayText(problem.title, 'en'));
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    sendProblem(req, res, problem ?? new HttpProblem(500, 'internalError'));
  };
}

export const apiNotFound: RequestHandler = (req) => {
  throw new HttpProblem(404, { key: 'noSuchRoute', params: { method: req.method, path: req.path } });
};
