export * from './test-database.js';
export * from './test-token-issuer.js';
export * from './pg-sql-client.js';
export * from './probe-bad-input.js';
export * from './start-test-service.js';
export * from './api-client.js';
