// What membership-service.ts wires: the config shape, the routes, and the keyring (verifier + JWKS).
export { authConfig, type AuthConfig } from './auth-config.js';
export { authErrors } from './auth-errors.js';
export { authRoutes, type AuthRouteOptions } from './http/auth-routes.js';
export {
  createKeyring,
  keyringFor,
  type Keyring,
  type KeyringOptions,
  type RotatedKey,
} from './app/create-keyring.js';
export {
  recordingCodeSender,
  outboxCodeSender,
  type SignInCodeSender,
  type SignInCodeDeliveryRequest,
} from './app/sign-in-code-sender.js';
export { bootstrapOperator, type BootstrapOutcome } from './app/bootstrap-operator.js';
export type { Clock } from './domain/clock.js';
