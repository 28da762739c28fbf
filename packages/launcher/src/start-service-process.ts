import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { printLogs } from './log-printer.js';

export interface ServiceProcess {
  name: string;
  child: ChildProcess;
}

const servicesRoot = fileURLToPath(new URL('../../../services/', import.meta.url));

/** Run one service process (`node --import ./dist/instrument.js ./dist/main.js`) with its own env. */
export function startServiceProcess(options: {
  service: string;
  label: string;
  index: number;
  env: NodeJS.ProcessEnv;
}): ServiceProcess {
  const child = spawn(process.execPath, ['--import', './dist/instrument.js', './dist/main.js'], {
    cwd: `${servicesRoot}${options.service}`,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  printLogs(options.label, options.index, child.stdout!, process.stdout);
  printLogs(options.label, options.index, child.stderr!, process.stderr);
  return { name: options.label, child };
}

/** Wait until a service answers /readyz (or its process exits). */
export async function waitUntilReady(
  url: string,
  process: ServiceProcess,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (process.child.exitCode !== null)
      throw new Error(`${process.name} exited with code ${process.child.exitCode}`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${process.name} was not ready within ${timeoutMs / 1000} s`);
}
