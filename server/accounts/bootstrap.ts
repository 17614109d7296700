import { OrganizationModel } from '../directory/organizations/organization.model.js';
import { GOVERNMENT_TYPES, type OrganizationType } from '../contract/directory/vocabulary.js';
import { ConfigError, type Config } from '../platform/config.js';
import type { Logger } from '../platform/logging.js';
import { createAccount } from './accounts.js';
import { say } from '../contract/text/messages.js';
import { passwordWeakness } from './passwords.js';
import type { Role } from './permissions.js';
import { UserModel, normalizeEmail } from './user.model.js';

/** A password from the environment that fails the policy stops the start with one clear line. */
function assertConfiguredPassword(variable: string, password: string, email?: string): void {
  const weakness = passwordWeakness(password, { email });
  if (weakness) throw new ConfigError(`Invalid configuration: ${variable} is not acceptable. ${say(weakness, 'en')}`);
}

export type FirstAdminResult = 'created' | 'exists' | 'not-configured';

/** With ADMIN_EMAIL and ADMIN_PASSWORD set, creates the platform admin on start unless one exists. */
export async function ensureFirstAdmin(admin: { email?: string; password?: string; name?: string }): Promise<FirstAdminResult> {
  if (!admin.email || !admin.password) return 'not-configured';
  if (await UserModel.exists({ role: 'platform-admin', status: 'active' })) return 'exists';
  assertConfiguredPassword('ADMIN_PASSWORD', admin.password, admin.email);
  await createAccount(
    { email: admin.email, name: admin.name ?? 'Platform administrator', password: admin.password, role: 'platform-admin', organizationId: null },
    null,
  );
  return 'created';
}

export interface SampleAccount {
  email: string;
  role: Role;
  organization: string | null;
}

/** Which sample organisation each sample account belongs to: preferred place first, then any of the type. */
const SAMPLE_ACCOUNTS: { email: string; name: string; role: Role; types?: readonly OrganizationType[]; governorate?: string }[] = [
  { email: 'admin@example.org', name: 'Sample platform admin', role: 'platform-admin' },
  { email: 'orgadmin.basrah@example.org', name: 'Sample organisation admin (Basrah)', role: 'org-admin', types: ['local-ngo'], governorate: 'IQ-BA' },
  { email: 'caseworker.basrah@example.org', name: 'Sample caseworker (Basrah)', role: 'caseworker', types: ['local-ngo'], governorate: 'IQ-BA' },
  { email: 'liaison.baghdad@example.org', name: 'Sample government liaison (Baghdad)', role: 'gov-liaison', types: GOVERNMENT_TYPES, governorate: 'IQ-BG' },
];

/** The first sample organisation of these types with its head office in the governorate, else one working there, else any. */
async function sampleOrganization(types: readonly OrganizationType[], governorate: string) {
  const base = { sample: true, archivedAt: null, type: { $in: types } };
  for (const where of [{ headOfficeGovernorate: governorate }, { governorates: governorate }, {}]) {
    const org = await OrganizationModel.findOne({ ...base, ...where }, { name: 1 }).sort({ _id: 1 }).lean();
    if (org) return org;
  }
  return null;
}

/**
 * One account per role in the sample organisations, all with `password` (SAMPLE_PASSWORD, which the
 * configuration refuses in production). Idempotent; does nothing without sample organisations.
 * Returns the accounts that exist afterwards.
 */
export async function createSampleAccounts(password: string): Promise<SampleAccount[]> {
  if (!(await OrganizationModel.exists({ sample: true }))) return [];
  assertConfiguredPassword('SAMPLE_PASSWORD', password);
  const out: SampleAccount[] = [];
  for (const spec of SAMPLE_ACCOUNTS) {
    const org = spec.types && spec.governorate ? await sampleOrganization(spec.types, spec.governorate) : null;
    if (spec.types && !org) continue;
    const organization = org ? (org.name.en ?? org.name.ar ?? org.name.ckb ?? null) : null;
    if (!(await UserModel.exists({ emailNormalized: normalizeEmail(spec.email) }))) {
      await createAccount({ email: spec.email, name: spec.name, password, role: spec.role, organizationId: org?._id.toString() ?? null, sample: true }, null);
    }
    out.push({ email: spec.email, role: spec.role, organization });
  }
  return out;
}

/** Deletes the sample accounts, for when the sample directory is removed. */
export async function removeSampleAccounts(): Promise<number> {
  return (await UserModel.deleteMany({ sample: true })).deletedCount;
}

/** At start: the first platform admin from the environment, and sample accounts when asked for. */
export async function prepareAccounts(config: Pick<Config, 'ADMIN_EMAIL' | 'ADMIN_PASSWORD' | 'SAMPLE_PASSWORD'>, logger: Logger): Promise<void> {
  if ((await ensureFirstAdmin({ email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD })) === 'created') {
    logger.info({ email: config.ADMIN_EMAIL }, 'platform admin created from ADMIN_EMAIL');
  }
  if (config.SAMPLE_PASSWORD) {
    const sample = await createSampleAccounts(config.SAMPLE_PASSWORD);
    if (sample.length) logger.info({ accounts: sample.map((a) => `${a.email} (${a.role})`) }, 'sample accounts ready; password: SAMPLE_PASSWORD');
  }
}
