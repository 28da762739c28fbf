import { describe, expect, it } from '@jest/globals';
import { runRehearsal } from '../src/run-rehearsal.js';
import { startOwnSuite } from '../src/suite/own-suite.js';
import { smallScenario } from './small-scenario.js';

describe('--url: the rehearsal drives a suite that is already running', () => {
  it('when pointed at a running suite, then it admits, elects and verifies there, and leaves the suite running', async () => {
    // A suite started beforehand, as an operator's `npm start` would be; its notifications mail to a
    // port on which the rehearsal then listens (what --smtp-port is for).
    const suite = await startOwnSuite({ env: process.env });
    try {
      await suite.smtp.close();
      const scenario = smallScenario();
      scenario.elections = scenario.elections.slice(0, 1);
      const { report } = await runRehearsal({
        scenario,
        scenarioPath: 'small',
        env: process.env,
        given: { endpoints: suite.endpoints, operator: suite.operator, smtpPort: suite.smtp.port },
      });
      expect(report.steps.filter((s) => !s.ok)).toEqual([]);
      expect(report).toMatchObject({ ok: true, suite: { mode: 'url' } });
      expect(report.elections[0]).toMatchObject({
        ref: 'board',
        status: 'certified',
        verified: true,
        rosterSize: 8,
      });
      const ready = await fetch(`${suite.endpoints.elections}/readyz`);
      expect(ready.status).toBe(200);
    } finally {
      await suite.stop();
    }
  }, 600_000);
});
