import type { Workflow } from '../domain/motion-workflow.js';
import type { MotionsPrisma } from '../motions-prisma.js';

/** What every motion use case needs: the database and the council's workflow and settings. */
export interface MotionContext {
  prisma: MotionsPrisma;
  workflow: Workflow;
  minCosponsors: number;
}
