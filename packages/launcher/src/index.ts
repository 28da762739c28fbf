// What other workspaces reuse of the launcher (the rehearsal starts its own suite the same way).
export { choosePostgres, databaseUrlFor, type PostgresChoice } from './choose-postgres.js';
export { chooseRedis, RedisMissingError, type RedisChoice } from './choose-redis.js';
export { freePort, isPortOpen } from './probe.js';
export { waitUntilReady, type ServiceProcess } from './start-service-process.js';
export { SUITE, type SuiteService } from './suite.js';
