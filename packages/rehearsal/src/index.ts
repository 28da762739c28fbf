// @konsey/rehearsal: the scenario format, the synthetic council, and running a rehearsal from code.
export * from './scenario/index.js';
export { generateCouncil } from './scale/generate-council.js';
export { runRehearsal, type RunOptions, type RunResult } from './run-rehearsal.js';
export { startOwnSuite, parseSuiteUrl, type OwnSuite, type SuiteEndpoints } from './suite/index.js';
export { textReport } from './report/text-report.js';
export type * from './report/result-types.js';
