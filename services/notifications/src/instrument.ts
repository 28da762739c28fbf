// Loaded with `node --import` before main.ts, so OpenTelemetry instruments every module main loads.
import { startTelemetry } from '@konsey/service-kit/telemetry';
import { serviceVersion } from './service-version.js';

startTelemetry({ service: 'notifications', version: serviceVersion });
