import { idOf } from '../records/record.js';
import type { Viewer } from '../records/viewer.js';
import { translated } from '../../contract/directory/records/view-schemas.js';
import type { LocationBrief } from '../../contract/directory/services/service.schemas.js';
import type { LocationRecord } from './location.data.js';
import type { LocationView } from '../../contract/directory/locations/location.schemas.js';
import { publicPlaceExposure } from './place-exposure.js';

export function locationBrief(l: LocationRecord): LocationBrief {
  return {
    id: idOf(l),
    name: translated(l.name),
    address: {
      street: translated(l.address?.street),
      city: translated(l.address?.city),
      district: l.address?.district ?? null,
      governorate: l.address?.governorate ?? '',
    },
    lat: l.lat ?? null,
    lng: l.lng ?? null,
  };
}

export function locationView(l: LocationRecord): LocationView {
  return {
    ...locationBrief(l),
    organizationId: l.organizationId.toHexString(),
    description: translated(l.description),
    confidential: l.confidential ?? false,
    heldSecret: Boolean(l.heldSecretSince),
  };
}

/**
 * The locations this viewer may see. A confidential location — flagged itself, or used by a
 * confidential service — is shown only to platform admins and members of its organisation; for
 * everyone else it does not exist (not even its name).
 */
export async function visibleLocations(locations: LocationRecord[], viewer: Viewer): Promise<LocationRecord[]> {
  const mayRead = (l: LocationRecord) => viewer.mayReadConfidential(l.organizationId.toHexString());
  const exposure = await publicPlaceExposure();
  return locations.filter((l) => mayRead(l) || !exposure.placeIsHidden(l._id));
}
