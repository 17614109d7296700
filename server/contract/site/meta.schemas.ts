import { z } from 'zod';
import { LANGUAGES } from '../text/languages.js';

/** What the web app needs before its first screen. */
export const MetaSchema = z.object({
  sampleData: z.boolean().describe('True while any sample (fictional) organisation exists: the app shows a notice.'),
  tileUrl: z.string().nullable().describe('Map tile URL template, or null to draw the governorates without tiles.'),
  tileAttribution: z.string(),
  quickExitUrl: z.string().describe('The neutral page that quick exit replaces the directory with.'),
  languages: z.array(z.enum(LANGUAGES)),
  version: z.string(),
});
export type Meta = z.infer<typeof MetaSchema>;
