/** The services `npm start` runs, in start order, with their default ports. */
export const SUITE = [
  { name: 'membership', port: 4001 },
  { name: 'elections', port: 4002 },
  { name: 'motions', port: 4003 },
  { name: 'notifications', port: 4004 },
] as const;

export type SuiteService = (typeof SUITE)[number];
