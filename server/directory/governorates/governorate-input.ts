import { z } from 'zod';
import { governorateCode } from './governorate-data.js';

/** A governorate given as ISO 3166-2 or OCHA P-code, stored as the ISO code: the one parser of every request. */
export const GovernorateInput = z.string().transform((value, ctx) => {
  const code = governorateCode(value);
  if (!code) {
    ctx.addIssue({ code: 'custom', message: 'unknownGovernorate', params: { value: value.slice(0, 20) } });
    return z.NEVER;
  }
  return code;
});
