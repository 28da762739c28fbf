// Entry point loaded before everything else (`node --import ./dist/instrument.js`): OpenTelemetry only.
export { startTelemetry } from './start-telemetry.js';
