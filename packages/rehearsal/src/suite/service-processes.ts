import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitUntilReady } from '@konsey/launcher';

const servicesRoot = fileURLToPath(new URL('../../../../services/', import.meta.url));

export interface StartedProcess {
  name: string;
  child: ChildProcess;
  logFile: string;
}

/** A built service process (`node --import ./dist/instrument.js ./dist/main.js`), its output in a log file. */
export function startService(options: {
  service: string;
  label: string;
  env: NodeJS.ProcessEnv;
  logDir: string;
}): StartedProcess {
  const logFile = join(options.logDir, `${options.label}.log`);
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, ['--import', './dist/instrument.js', './dist/main.js'], {
    cwd: `${servicesRoot}${options.service}`,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  return { name: options.label, child, logFile };
}

export async function waitReady(url: string, started: StartedProcess): Promise<void> {
  await waitUntilReady(url, { name: started.name, child: started.child }, 90_000);
}

/** SIGTERM every process, SIGKILL what is still running after the grace period. */
export async function stopProcesses(processes: readonly StartedProcess[], graceMs = 15_000): Promise<void> {
  const running = () => processes.filter(({ child }) => child.exitCode === null && child.signalCode === null);
  for (const { child } of running()) child.kill('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (running().length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const { child } of running()) child.kill('SIGKILL');
}
