import type { ServiceName } from './enums.js';

/**
 * Each service consumes from one BullMQ queue, its inbox queue; the relay of a producer adds a job
 * (job id = event id) to the inbox queue of every consumer of the event.
 */
export function inboxQueueName(service: ServiceName): string {
  return `konsey-${service}-inbox`;
}
