import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_QUICK_EXIT_URL } from '../contract/site/quick-exit.js';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const durationMinutes = z.coerce.number().int().positive();

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  REFERRAL_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, 'must be 64 hex characters (a 256-bit key)')
    .optional(),
  /** Key ring: the current key first, then retired keys still needed to read older text. */
  REFERRAL_KEYS: z
    .string()
    .transform((v) => v.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^[0-9a-f]{64}(,[0-9a-f]{64})*$/i, 'must be 64-hex-character keys separated by commas, the current key first'))
    .optional(),
  TILE_URL: z
    .string()
    .regex(/^https:\/\/[^\s]+\{z\}[^\s]*$/, 'must be an https URL template containing {z}, {x} and {y}')
    .optional(),
  TILE_ATTRIBUTION: z.string().default(''),
  /** Where "quick exit" sends someone at risk: a neutral public page that says nothing about this directory. */
  QUICK_EXIT_URL: z.url({ protocol: /^https?$/ }).default(DEFAULT_QUICK_EXIT_URL),
  SEED_SAMPLE: booleanFlag.optional(),
  SAMPLE_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().default('Referral Directory <no-reply@example.org>'),
  PUBLIC_URL: z.url().optional(),
  SESSION_IDLE_MINUTES: durationMinutes.default(60),
  SESSION_MAX_HOURS: durationMinutes.default(12),
  /**
   * Addresses that may fail on one account before attempts on it from every other address wait too
   * (a distributed guess); failures from one address only slow that address.
   */
  LOGIN_ACCOUNT_SOURCES: z.coerce.number().int().min(2).default(5),
  /** The longest wait between sign-in attempts that the growing backoff reaches. */
  LOGIN_MAX_WAIT_MINUTES: durationMinutes.default(15),
  /** Failed sign-ins from one IP address per 15 minutes before it gets 429s. */
  LOGIN_IP_LIMIT: z.coerce.number().int().min(3).default(50),
  /** Fixed window of the public API's per-client budgets (server/platform/http/rate-limit.ts). */
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
  /** Requests per window from one address when not signed in (every app instance together). */
  RATE_LIMIT_READS: z.coerce.number().int().positive().default(600),
  /** Requests per window for one signed-in account. */
  RATE_LIMIT_READS_SIGNED_IN: z.coerce.number().int().positive().default(1200),
  /** Exports and CSV downloads per window from one address when not signed in. */
  RATE_LIMIT_HEAVY: z.coerce.number().int().positive().default(10),
  /** Exports and CSV downloads per window for one signed-in account. */
  RATE_LIMIT_HEAVY_SIGNED_IN: z.coerce.number().int().positive().default(30),
  /** Exports and CSV downloads answered at a time by this process, whoever asks (server/platform/http/heavy-work.ts). */
  HEAVY_CONCURRENT: z.coerce.number().int().positive().default(2),
  /** Exports and CSV downloads that may wait for a turn; beyond them 503 with Retry-After. */
  HEAVY_QUEUED: z.coerce.number().int().nonnegative().default(16),
  /** Service searches answered at a time by this process: a burst of them waits its turn instead of slowing every answer. */
  SEARCH_CONCURRENT: z.coerce.number().int().positive().default(4),
  /** Service searches that may wait for a turn; beyond them 503 with Retry-After. */
  SEARCH_QUEUED: z.coerce.number().int().nonnegative().default(64),
  /** Map, facet and coverage answers built at a time by this process: each distinct query builds over the whole directory. */
  DIRECTORY_CONCURRENT: z.coerce.number().int().positive().default(2),
  /** Map, facet and coverage answers that may wait for a turn; beyond them 503 with Retry-After. */
  DIRECTORY_QUEUED: z.coerce.number().int().nonnegative().default(16),
  /** A service's capacity figure older than this is shown as stale, never as current (fractions allowed). */
  CAPACITY_STALE_DAYS: z.coerce.number().positive().default(7),
  /** Longest an export or search that could start waits for short requests in flight (a record's page) to be answered first. */
  HEAVY_YIELD_MS: z.coerce.number().int().nonnegative().default(200),
  REFERRAL_RETENTION_DAYS: z.coerce.number().int().positive().default(365),
  /** Days of the recovery and reflection period a receiver may start on an accepted referral (30: the Council of Europe convention's minimum). */
  REFLECTION_PERIOD_DAYS: z.coerce.number().int().positive().default(30),
  TRUST_PROXY: booleanFlag.default(false),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config extends Omit<Env, 'SESSION_SECRET' | 'REFERRAL_KEY' | 'REFERRAL_KEYS' | 'SEED_SAMPLE' | 'PUBLIC_URL'> {
  isProduction: boolean;
  dataDir: string;
  sessionSecret: string;
  /** REFERRAL_KEYS (or REFERRAL_KEY as a ring of one): the first key seals new referral text. */
  referralKeys: Buffer[];
  seedSample: boolean;
  publicUrl: string;
}

/** Loads .env when present (Node 20.12+), without overriding the real environment. */
export function loadDotEnv(): void {
  try {
    process.loadEnvFile();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the environment once at start; a wrong value stops the app with one line naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings in .env files mean "not set", not "set to empty".
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Invalid configuration: ${issue.path.join('.')} ${issue.message}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  const dataDir = path.resolve(e.DATA_DIR);

  if (isProduction) {
    if (!e.SESSION_SECRET) throw new ConfigError('Invalid configuration: SESSION_SECRET is required in production');
    if (!e.REFERRAL_KEY && !e.REFERRAL_KEYS) throw new ConfigError('Invalid configuration: REFERRAL_KEYS (or REFERRAL_KEY) is required in production');
    if (e.SAMPLE_PASSWORD) throw new ConfigError('Invalid configuration: SAMPLE_PASSWORD is refused in production');
  }

  if (e.REFERRAL_KEY && e.REFERRAL_KEYS) {
    throw new ConfigError('Invalid configuration: set REFERRAL_KEYS or REFERRAL_KEY, not both (REFERRAL_KEYS takes the current key first)');
  }

  const { SESSION_SECRET, REFERRAL_KEY, REFERRAL_KEYS, SEED_SAMPLE, PUBLIC_URL, ...rest } = e;
  const configuredKeys = REFERRAL_KEYS?.split(',') ?? (REFERRAL_KEY ? [REFERRAL_KEY] : undefined);
  return {
    ...rest,
    isProduction,
    dataDir,
    sessionSecret: SESSION_SECRET ?? persistedSecret(dataDir, 'session-secret', 48).toString('base64url'),
    referralKeys: configuredKeys?.map((k) => Buffer.from(k, 'hex')) ?? [persistedSecret(dataDir, 'referral-key', 32)],
    seedSample: SEED_SAMPLE ?? !isProduction,
    publicUrl: (PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? 'localhost' : e.HOST}:${e.PORT}`).replace(/\/$/, ''),
  };
}

/** Outside production, secrets are generated once and kept in DATA_DIR so sessions and encrypted data survive restarts. */
function persistedSecret(dataDir: string, name: string, bytes: number): Buffer {
  const dir = path.join(dataDir, 'secrets');
  const file = path.join(dir, name);
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(bytes);
  writeFileSync(file, secret.toString('hex'), { mode: 0o600 });
  return secret;
}
