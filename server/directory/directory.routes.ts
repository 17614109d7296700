import { Router } from 'express';
import { contactRoutes } from './contacts/contact.routes.js';
import { locationRoutes } from './locations/location.routes.js';
import { organizationRoutes } from './organizations/organization.routes.js';
import { searchRoutes } from './search/search.routes.js';
import { serviceRoutes } from './services/service.routes.js';
import { taxonomyRoutes } from './taxonomy/taxonomy.routes.js';

/** The directory API: organisations, services, locations, contacts, taxonomy, and search views over services. */
export function directoryRoutes(): Router {
  const router = Router();
  // Fixed paths first: /services/facets must not be taken for /services/:id.
  router.use(searchRoutes());
  router.use(organizationRoutes());
  router.use(serviceRoutes());
  router.use(locationRoutes());
  router.use(contactRoutes());
  router.use(taxonomyRoutes());
  return router;
}
