export * from './scenario-types.js';
export * from './scenario-problem.js';
export { checkShape } from './check-shape.js';
export { checkSemantics } from './check-semantics.js';
export { loadScenario, parseScenario } from './load-scenario.js';
export { councilSettings, electionSettings, settingsOf } from './council-settings.js';
export type { CouncilSettings, ElectionSettings } from './council-settings.js';
export { assignVoters, electorateOf, type PlannedBallot } from './electorate.js';
export { SCENARIO_SCHEMA_PATH, scenarioSchema } from './scenario-schema.js';
