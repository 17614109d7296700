import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { receiversKey } from '../../accounts/referral-receivers.js';
import { directoryCatalog } from '../../directory/catalog/directory-catalog.js';
import { currentCatalog } from '../../directory/catalog/queries.js';
import { loadTaxonomy, taxonomyKey } from '../../directory/taxonomy/taxonomy.data.js';
import type { Language } from '../../platform/text/translated.js';
import { exportHsdsPackage } from './export.js';

/** One built export, as a file under the data directory. */
export interface ExportFile {
  path: string;
  /** Strong: the directory version, the language and the bytes' digest. */
  etag: string;
  size: number;
  builtAt: Date;
}

/** A file replaced by a newer version is removed after this long, so streams that opened it finish. */
const KEEP_REPLACED_MS = 10 * 60_000;

/**
 * What the export is built from: the change-feed version the directory catalog has applied (services,
 * organisations, places, contacts: the build reads them there), the taxonomy's content (terms are not
 * in the feed; there are few) and which organisations have someone to receive referrals (what
 * `accepts_referrals` is derived from). The catalog's check is the request's one freshness check,
 * shared with every other request (request-freshness.ts), not a read of its own.
 */
async function directoryVersion(): Promise<string> {
  const [, taxonomy] = await Promise.all([currentCatalog(), loadTaxonomy()]);
  return `${directoryCatalog.appliedVersion}.${taxonomyKey(taxonomy)}.${receiversKey()}`;
}

/**
 * The HSDS export, built once per directory version and language, off the request path, into a file
 * that requests stream. Requests for a version being built wait for that one build (never for an
 * older file: a change may have made a place confidential, and the export is exactly the public view
 * at its version). Builds run one at a time, so a burst of versions or languages cannot take every core.
 */
export class ExportCache {
  private readonly built = new Map<Language, ExportFile & { version: string }>();
  private readonly building = new Map<string, Promise<ExportFile>>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dir: string,
    private readonly profileUri: string,
  ) {
    // Files of an earlier run may be of any version, and half-written ones are useless.
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }

  async file(lang: Language): Promise<ExportFile> {
    const version = await directoryVersion();
    const ready = this.built.get(lang);
    if (ready?.version === version) return ready;
    const key = `${version}-${lang}`;
    let build = this.building.get(key);
    if (!build) {
      build = this.queue.then(() => this.build(version, lang));
      this.queue = build.catch(() => {});
      this.building.set(key, build);
      void build.finally(() => this.building.delete(key)).catch(() => {});
    }
    return build;
  }

  private async build(version: string, lang: Language): Promise<ExportFile> {
    const builtAt = new Date();
    const bytes = await exportHsdsPackage({ profileUri: this.profileUri, lang, created: builtAt });
    const digest = createHash('sha256').update(bytes).digest('base64url').slice(0, 16);
    const name = `hsds-${version}-${lang}-${digest}.zip`;
    const file = path.join(this.dir, name);
    // Written aside and renamed: a reader never opens a half-written file.
    const partial = path.join(this.dir, `.${name}.${randomBytes(4).toString('hex')}.partial`);
    await writeFile(partial, bytes);
    await rename(partial, file);
    const entry = { path: file, etag: `"hsds-${version}-${lang}-${digest}"`, size: bytes.length, builtAt, version };
    const replaced = this.built.get(lang);
    this.built.set(lang, entry);
    if (replaced && replaced.path !== file) setTimeout(() => void unlink(replaced.path).catch(() => {}), KEEP_REPLACED_MS).unref();
    return entry;
  }
}
