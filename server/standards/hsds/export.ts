import { promisify } from 'node:util';
import { strToU8, zip, type AsyncZippable } from 'fflate';
import { ContactModel } from '../../directory/contacts/contact.model.js';
import { OrganizationModel } from '../../directory/organizations/organization.model.js';
import { ServiceModel } from '../../directory/services/service.model.js';
import type { Language } from '../../platform/text/translated.js';
import { querySource } from './listing.js';
import {
  contactMapper,
  locationMapper,
  organizationMapper,
  serviceMapper,
  taxonomyMapper,
  taxonomyTermMapper,
  type ContactSource,
} from './mappers.js';
import {
  ORGANIZATION_SORT,
  SERVICE_SORT,
  contextFor,
  locationsOfOrganizations,
  publicLocations,
  publicOrganizationFilter,
  publicServiceFilter,
  publicTerms,
} from './public-directory.js';
import { dataPackageDescriptor } from './spec.js';
import { TableWriter } from './tabular.js';

const README = `HSDS 3.0 tabular data package (Iraq profile) of the public directory.

One CSV file per HSDS table, described by datapackage.json. Text columns hold one language; the
"translations" column of each table holds every language as JSON. Cells that begin with = + - @
are written with a leading ' so spreadsheet programs do not run them as formulas; the directory's
import removes that quote again.

This is the PUBLIC view: confidential locations (shelters, safe houses), their addresses and
coordinates are not in it, nor archived records or internal fields (verification notes, accounts,
referrals). It is not a backup: use "npm run backup" for that.
`;

const zipAsync = promisify(zip as (data: AsyncZippable, opts: { level: 6; mtime: Date }, cb: (err: Error | null, data: Uint8Array) => void) => void);

/**
 * The whole public directory as an HSDS tabular data package (zip), as of `created`. Compressed on a
 * worker thread, with entry times fixed to `created`: the same records and time give the same bytes.
 */
export async function exportHsdsPackage(options: { profileUri: string; lang: Language; created: Date }): Promise<Uint8Array> {
  const { lang } = options;
  const writer = new TableWriter();
  writer.add('taxonomy', taxonomyMapper.toHsds());
  for (const term of (await publicTerms()).values()) writer.add('taxonomy_term', taxonomyTermMapper.toHsds(term, lang));

  const organizations = querySource(OrganizationModel, await publicOrganizationFilter(), ORGANIZATION_SORT);
  for await (const batch of organizations.batches()) {
    const ids = batch.map((o) => o._id);
    const [locations, contacts] = await Promise.all([
      locationsOfOrganizations(ids),
      ContactModel.find({ organizationId: { $in: ids }, serviceId: null, archivedAt: null })
        .sort({ name: 1, _id: 1 })
        .lean<ContactSource[]>(),
    ]);
    const headOffices = await publicLocations(batch.flatMap((o) => (o.headOfficeLocationId ? [o.headOfficeLocationId] : [])));
    for (const org of batch) writer.add('organization', organizationMapper.toHsds(org, { lang, locations: headOffices }));
    for (const location of locations) writer.add('location', locationMapper.toHsds(location, lang));
    for (const contact of contacts) writer.add('contact', contactMapper.toHsds(contact, lang));
  }

  const services = querySource(ServiceModel, await publicServiceFilter({}), SERVICE_SORT);
  for await (const batch of services.batches()) {
    const ctx = await contextFor(lang, batch, { contacts: true });
    for (const service of batch) writer.add('service', serviceMapper.toHsdsFull(service, ctx));
  }

  const files: Record<string, Uint8Array> = {
    'datapackage.json': strToU8(`${JSON.stringify(dataPackageDescriptor(options.profileUri, options.created), null, 2)}\n`),
    'README.txt': strToU8(README),
  };
  for (const [path, csv] of Object.entries(writer.files())) files[path] = strToU8(csv);
  return zipAsync(files, { level: 6, mtime: options.created });
}
