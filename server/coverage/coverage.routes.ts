import { Router } from 'express';
import { apiRoute } from '../platform/http/api-route.js';
import { coverage } from './coverage.use-cases.js';
import { appliedFilters, coverageCsv } from './coverage.csv.js';
import {
  CoverageCsvQuerySchema,
  CoverageQuerySchema,
  CoverageSchema,
  EscalatedReferralsSchema,
  ReferralCoverageQuerySchema,
  ReferralCoverageSchema,
} from '../contract/coverage/coverage.schemas.js';
import { escalatedReferrals, referralCoverage } from './referral-coverage.js';
import { actorOf } from '../accounts/permissions.js';

const TAGS = ['coverage'];
const CATEGORY_NOTE =
  '`category` takes category or group codes (a group stands for its categories); `population` keeps services for any of the given populations.';

export function coverageRoutes(): Router {
  const router = Router();

  apiRoute(
    router,
    {
      method: 'get',
      path: '/coverage',
      summary: 'Services, organisations, verification and gaps per governorate and category, with activity reach',
      description: `${CATEGORY_NOTE} Activity figures cover \`from\`–\`to\` (default: the last twelve months).`,
      tags: TAGS,
      query: CoverageQuerySchema,
      response: CoverageSchema,
    },
    ({ query }) => coverage(query),
  );

  apiRoute(
    router,
    {
      method: 'get',
      path: '/coverage.csv',
      summary: 'The coverage matrix as CSV, one row per governorate and category; `hxl=1` adds HXL hashtags',
      description: `${CATEGORY_NOTE} UTF-8 with a byte order mark and CRLF line ends, for spreadsheets. The first line names the filters applied ("none" for the whole directory), and so does the file name.`,
      tags: TAGS,
      query: CoverageCsvQuerySchema,
      produces: 'text/csv',
    },
    async ({ query, res }) => {
      const { hxl, ...filters } = query;
      const day = new Date().toISOString().slice(0, 10);
      const csv = await coverageCsv(filters, { hxl, day });
      res.attachment(`coverage${hxl ? '-hxl' : ''}${appliedFilters(filters).slug}-${day}.csv`);
      res.type('text/csv; charset=utf-8').send(csv);
    },
  );

  apiRoute(
    router,
    {
      method: 'get',
      path: '/coverage/referrals',
      summary: 'Referrals sent, acknowledged and accepted per governorate, with the median time to acknowledge',
      description:
        'Counts over referrals sent in `from`–`to` (default: the last twelve months), by the governorate of the case. For roles that may see every organisation\'s referral statistics (`coverage:referral-stats`).',
      tags: TAGS,
      auth: 'session',
      query: ReferralCoverageQuerySchema,
      response: ReferralCoverageSchema,
      errors: { 403: 'Not allowed to see referral statistics.' },
    },
    ({ query, req }) => referralCoverage(actorOf(req), query),
  );

  apiRoute(
    router,
    {
      method: 'get',
      path: '/coverage/referrals/escalated',
      summary: 'Urgent referrals escalated to the governorate: unacknowledged a second period past the service’s response commitment',
      description:
        'A count per governorate of the case, never a case; counts of 1 to 4 are withheld ("fewer than 5"). A government liaison sees the governorates their body works in, a platform administrator all (`coverage:referral-stats`).',
      tags: TAGS,
      auth: 'session',
      response: EscalatedReferralsSchema,
      errors: { 403: 'Not allowed to see referral statistics.' },
    },
    ({ req }) => escalatedReferrals(actorOf(req)),
  );

  return router;
}
