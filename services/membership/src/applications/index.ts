// What membership-service.ts wires: the routes and the configuration they read.
export {
  applicationRoutes,
  type ApplicationsDeps,
  type ApplicationRoutesOptions,
  APPLICATION_TOKEN_HEADER,
} from './http/application-routes.js';
export { applicationsConfig, type ApplicationsConfig } from './applications-config.js';
export { applicationErrors } from './application-errors.js';
