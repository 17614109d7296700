import { sortedBy } from '../../directory/records/list.js';
import type { Language } from '../../platform/text/translated.js';
import { startWorker } from '../../platform/worker.js';
import type { ExportMessage } from './export-worker.js';
import { arraySource } from './listing.js';
import { contactMapper, locationMapper, organizationMapper, serviceMapper, taxonomyMapper, taxonomyTermMapper } from './mappers.js';
import {
  contactsOfOrganizations,
  contextFor,
  locationsOfOrganizations,
  publicLocations,
  publicOrganizations,
  publicServices,
  publicTerms,
} from './public-directory.js';
import { dataPackageDescriptor, type TableName } from './spec.js';
import type { HsdsObject } from './tabular.js';

const README = `HSDS 3.0 tabular data package (Iraq profile) of the public directory.

One CSV file per HSDS table, described by datapackage.json. Text columns hold one language; the
"translations" column of each table holds every language as JSON. Cells that begin with = + - @
are written with a leading ' so spreadsheet programs do not run them as formulas; the directory's
import removes that quote again.

This is the PUBLIC view: confidential locations (shelters, safe houses), their addresses and
coordinates are not in it, nor archived records or internal fields (verification notes, accounts,
referrals). It is not a backup: use "npm run backup" for that.
`;

/**
 * One export's worker thread. The public view is decided here, on the main thread, by the same reads
 * of the in-memory catalog as every request (no collection is scanned: requests keep the database),
 * so no second copy of the confidentiality rules or database connection exists; only plain HSDS objects cross, batch by batch, and the worker writes the CSV tables and the
 * zip, where the time goes, so requests keep the event loop meanwhile.
 */
class ExportWorker {
  private readonly worker = startWorker(new URL('./export-worker.js', import.meta.url));
  private readonly result = new Promise<Uint8Array>((resolve, reject) => {
    this.worker.once('message', resolve);
    this.worker.once('error', reject);
    this.worker.once('exit', (code) => reject(new Error(`the export worker stopped (exit code ${code})`)));
  });

  add(table: TableName, objects: HsdsObject[]): void {
    if (objects.length) this.worker.postMessage({ kind: 'rows', table, objects } satisfies ExportMessage);
  }

  finish(texts: Record<string, string>, created: Date): Promise<Uint8Array> {
    this.worker.postMessage({ kind: 'finish', texts, created: created.getTime() } satisfies ExportMessage);
    return this.result;
  }

  stop(): void {
    void this.worker.terminate();
  }
}

/** The whole public directory as an HSDS tabular data package (zip), as of `created`. */
export async function exportHsdsPackage(options: { profileUri: string; lang: Language; created: Date }): Promise<Uint8Array> {
  const { lang } = options;
  const writer = new ExportWorker();
  try {
    writer.add('taxonomy', [taxonomyMapper.toHsds()]);
    writer.add('taxonomy_term', [...(await publicTerms()).values()].map((term) => taxonomyTermMapper.toHsds(term, lang)));

    // In id order and batches of the listing's size, as the files have always been written.
    const organizations = arraySource(sortedBy(await publicOrganizations()), (batch) => batch);
    for await (const batch of organizations.batches()) {
      const ids = batch.map((o) => o._id);
      const [locations, contacts] = await Promise.all([locationsOfOrganizations(ids), contactsOfOrganizations(ids)]);
      const headOffices = await publicLocations(batch.flatMap((o) => (o.headOfficeLocationId ? [o.headOfficeLocationId] : [])));
      writer.add('organization', batch.map((org) => organizationMapper.toHsds(org, { lang, locations: headOffices })));
      writer.add('location', locations.map((location) => locationMapper.toHsds(location, lang)));
      writer.add('contact', contacts.map((contact) => contactMapper.toHsds(contact, lang)));
    }

    const services = arraySource(sortedBy(await publicServices({})), (batch) => batch);
    for await (const batch of services.batches()) {
      const ctx = await contextFor(lang, batch, { contacts: true });
      writer.add('service', batch.map((service) => serviceMapper.toHsdsFull(service, ctx)));
    }

    const texts = {
      'datapackage.json': `${JSON.stringify(dataPackageDescriptor(options.profileUri, options.created), null, 2)}\n`,
      'README.txt': README,
    };
    return await writer.finish(texts, options.created);
  } finally {
    writer.stop();
  }
}
