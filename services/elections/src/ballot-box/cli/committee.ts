#!/usr/bin/env node
// An election committee member's side of the key ceremony and of the tally (decrypt, then sign the checked record). Secrets stay in --key-file (mode 0600).
//   node dist/ballot-box/cli/committee.js keygen|publish|shares|confirm|decrypt|sign --election ID --url URL --token TOKEN --key-file PATH [--round N]
import { COMMANDS, parseArguments } from './committee-commands.js';

try {
  const { command, options } = parseArguments(process.argv.slice(2));
  const result = await COMMANDS[command](options);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
}
