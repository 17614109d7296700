import type { Types } from 'mongoose';
import { derivedFrom } from '../catalog/catalog.js';
import { directoryCatalog, locationCatalog, serviceCatalog } from '../catalog/directory-catalog.js';
import { currentCatalog } from '../catalog/queries.js';
import { bundledGovernorates } from '../governorates/governorate-data.js';
import { LocationModel } from './location.model.js';
import type { ServiceDoc } from '../services/service.model.js';
import type { PointView } from '../../contract/directory/services/service.schemas.js';

/** The capital of a governorate: where services without a public address are drawn and measured from. */
export function governoratePoint(code: string | null | undefined): PointView | null {
  const g = code ? bundledGovernorates().find((x) => x.code === code) : undefined;
  return g ? { lat: g.lat, lng: g.lng, precision: 'governorate' } : null;
}

/** What deciding a service's public point needs of it. */
export type PointSource = Pick<ServiceDoc, 'confidential' | 'locationIds' | 'governorates'>;

/**
 * What the public may know of places, decided from the current records when a request reads them,
 * never from a point stored earlier (a crash between a write and the refresh of stored points would
 * otherwise leave a shelter's coordinates public).
 */
export interface PlaceExposure {
  /** A place whose address and coordinates the public may not learn: flagged, used by any confidential service, or not a live place. */
  placeIsHidden(locationId: Types.ObjectId | string): boolean;
  /**
   * The only coordinates of a service that may leave the server for anyone: its first live place,
   * unless the service or that place is confidential (or it has no coordinates): then a governorate capital.
   */
  servicePoint(service: PointSource): PointView | null;
  /** Every place whose services are drawn at a governorate capital whatever point they stored: few. */
  hiddenPlaceIds: readonly Types.ObjectId[];
}

/** THE decision, from the catalogs brought up to date first (every public surface asks it). */
export async function publicPlaceExposure(): Promise<PlaceExposure> {
  await currentCatalog();
  return currentExposure();
}

/** Decided again after any change to services or places (a pure function of them), not per request. */
const currentExposure = derivedFrom([serviceCatalog, locationCatalog], (): PlaceExposure => {
  const hidden = new Map<string, Types.ObjectId>();
  // A place used by a confidential service is as secret as that service, archived or not; one it used
  // before stays secret (heldSecretSince) until a platform admin releases it.
  for (const service of serviceCatalog.values()) {
    if (service.confidential === true) for (const id of service.locationIds ?? []) hidden.set(id.toHexString(), id);
  }
  for (const place of locationCatalog.values()) if (place.confidential === true || place.heldSecretSince != null) hidden.set(place._id.toHexString(), place._id);

  const placeIsHidden = (id: Types.ObjectId | string) => {
    const key = String(id);
    const place = locationCatalog.get(key);
    return !place || Boolean(place.confidential) || hidden.has(key);
  };
  // Every stored record has `archivedAt` (the record plugin), null while it is live.
  const isLive = (place: object | undefined) => place !== undefined && !(place as { archivedAt?: Date | null }).archivedAt;
  const firstLivePlace = (service: PointSource) => (service.locationIds ?? []).map((id) => locationCatalog.get(id.toHexString())).find(isLive);

  return {
    placeIsHidden,
    servicePoint(service) {
      const first = firstLivePlace(service);
      if (first && !service.confidential && !placeIsHidden(first._id) && first.lat != null && first.lng != null) {
        return { lat: first.lat, lng: first.lng, precision: 'exact' };
      }
      return governoratePoint(first?.address?.governorate ?? service.governorates?.[0]);
    },
    hiddenPlaceIds: [...hidden.values()],
  };
});

/**
 * Marks places a confidential service uses or used as secret for good, BEFORE the service is written:
 * if the process dies between the two writes, the places are secret early, never public late.
 */
export async function holdPlacesSecret(locationIds: readonly Types.ObjectId[]): Promise<void> {
  await directoryCatalog.ensureFresh();
  const unique = [...new Map(locationIds.map((id) => [id.toHexString(), id])).values()];
  const notYet = unique.filter((id) => !locationCatalog.get(id.toHexString())?.heldSecretSince);
  // One write per place, by `_id` alone: the embedded database answers that from its index, anything else by a scan.
  await Promise.all(notYet.map((_id) => LocationModel.updateOne({ _id }, { $set: { heldSecretSince: new Date() } })));
}
