export * from './test-database.js';
export * from './test-token-issuer.js';
