#!/usr/bin/env node
// konsey-rehearse: a General Assembly rehearsal from a scenario file, through the real services.
import { main } from './cli/rehearse.js';

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Prova başarısız / rehearsal failed: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  },
);
