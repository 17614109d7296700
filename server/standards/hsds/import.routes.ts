import express, { Router, type RequestHandler } from 'express';
import { authorize, actorOf } from '../../accounts/permissions.js';
import { apiRoute } from '../../platform/http/api-route.js';
import { HttpProblem, badRequest } from '../../platform/http/problem.js';
import { ImportQuery, ImportReportView } from '../../contract/standards/hsds-import.schemas.js';
import { ImportFileError, importHsdsPackage } from './import.js';

const MAX_UPLOAD = '25mb';
const CONTENT_TYPES = ['application/zip', 'application/x-zip-compressed', 'text/csv'];



/**
 * Who calls is checked before a byte of the (up to 25 MB) body is read. A refused caller's connection
 * is closed after the answer, so the server does not drain the body it will never use.
 */
const importersOnly: RequestHandler = (req, res, next) => {
  try {
    authorize(actorOf(req), 'directory:import');
  } catch (refusal) {
    res.setHeader('Connection', 'close');
    throw refusal;
  }
  next();
};

/** POST /api/v1/admin/import: an HSDS package (zip) or one table (CSV) as the raw request body. */
export function hsdsImportRoutes(): Router {
  const router = Router();
  router.post('/admin/import', importersOnly, express.raw({ type: CONTENT_TYPES, limit: MAX_UPLOAD }));
  apiRoute(
    router,
    {
      method: 'post',
      path: '/admin/import',
      summary: 'Import an Open Referral HSDS 3.0 package (Iraq profile)',
      description:
        'The body is the raw file: a tabular data package as exported by GET /hsds/export.zip ' +
        '(Content-Type: application/zip), or one table of it (Content-Type: text/csv). Every row is ' +
        'validated; errors name the table, the spreadsheet row (header = 1) and the column. A file with ' +
        'errors imports nothing unless skipInvalid=true; dryRun=true only reports. Records are upserted ' +
        'by their HSDS id. Capacity is never erased by a file that could not hold it: without a ' +
        'service_capacity table every service keeps its capacity, and a confidential service with no ' +
        'service_capacity rows keeps its stored capacity (the public export leaves it out; listed in ' +
        'keptCapacity). Needs directory:import (platform admins). Up to 25 MB.',
      tags: ['Open Referral HSDS'],
      query: ImportQuery,
      response: ImportReportView,
      auth: 'session',
      errors: { 413: 'The file is larger than 25 MB.', 415: 'Not application/zip or text/csv.' },
    },
    async ({ query, req }) => {
      if (!Buffer.isBuffer(req.body) || !req.is(CONTENT_TYPES)) {
        throw new HttpProblem(415, 'importContentType');
      }
      try {
        // `imported` says whether anything was (or, in a dry run, would be) written.
        return await importHsdsPackage(new Uint8Array(req.body), {
          dryRun: query.dryRun,
          skipInvalid: query.skipInvalid,
          table: query.table,
          actor: actorOf(req),
        });
      } catch (err) {
        if (err instanceof ImportFileError) throw badRequest(err.text);
        throw err;
      }
    },
  );
  return router;
}
