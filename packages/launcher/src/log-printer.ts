import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

const COLOURS = ['\x1b[36m', '\x1b[35m', '\x1b[33m', '\x1b[32m', '\x1b[34m'];
const RESET = '\x1b[0m';

/** Print a child's JSON log lines as `name | LEVEL message key=value`, readable in a terminal. */
export function printLogs(name: string, index: number, stream: Readable, out: NodeJS.WriteStream): void {
  const colour = out.isTTY ? COLOURS[index % COLOURS.length] : '';
  const reset = out.isTTY ? RESET : '';
  const label = `${colour}${name.padEnd(13)}${reset}|`;
  createInterface({ input: stream }).on('line', (line) => {
    try {
      const {
        level,
        msg,
        time: _time,
        service: _service,
        pid: _pid,
        hostname: _host,
        ...rest
      } = JSON.parse(line) as Record<string, unknown>;
      const extra = Object.entries(rest)
        .filter(([key]) => !['trace_id', 'span_id', 'req', 'res', 'responseTime'].includes(key))
        .map(([key, value]) => {
          if (key === 'err' && typeof value === 'object' && value)
            return `error="${(value as { message?: string }).message}"`;
          return `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`;
        })
        .join(' ');
      out.write(`${label} ${String(level).toUpperCase().padEnd(5)} ${String(msg ?? '')} ${extra}\n`);
    } catch {
      out.write(`${label} ${line}\n`);
    }
  });
}
