import { Router } from 'express';
import { contactRoutes } from './contacts/contact.routes.js';
import { hotlineRoutes } from './hotlines/hotline.routes.js';
import { legalFrameRoutes } from './legal-frames/legal-frame.routes.js';
import { locationRoutes } from './locations/location.routes.js';
import { organizationRoutes } from './organizations/organization.routes.js';
import { searchRoutes } from './search/search.routes.js';
import { serviceRoutes } from './services/service.routes.js';
import { taxonomyRoutes } from './taxonomy/taxonomy.routes.js';

/** The directory API: organisations, services, locations, contacts, taxonomy, the public hotlines, the legal frames, and search views over services. */
export function directoryRoutes(publicUrl: string): Router {
  const router = Router();
  // Fixed paths first: /services/facets must not be taken for /services/:id.
  router.use(searchRoutes());
  router.use(organizationRoutes(publicUrl));
  router.use(serviceRoutes(publicUrl));
  router.use(locationRoutes());
  router.use(contactRoutes());
  router.use(taxonomyRoutes());
  router.use(hotlineRoutes());
  router.use(legalFrameRoutes());
  return router;
}
