// An open-model load generator: request i is due at start + i / rate whatever the answers before it
// (arrivals do not wait for the server, as voters at a peak do not), and its latency is measured from
// that due time, so a server that falls behind shows it in the percentiles (no coordinated omission).
// Plain node:http with a keep-alive agent: no dependency, and autocannon's model (a fixed number of
// connections each waiting for its answer) is a closed one, which hides a falling-behind server.
import http from 'node:http';

/**
 * `request(i)` gives `{ path, headers, body }` of the i-th arrival. Requests still open `graceMs` after
 * the last arrival is due are cut and counted as errors (`timeout`).
 */
export async function runArrivalRate({
  url,
  rate,
  durationSeconds,
  request,
  maxSockets = 512,
  maxOpen = 2000,
  graceMs = 10_000,
  timeoutMs = 30_000,
}) {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const total = Math.round(rate * durationSeconds);
  const results = []; // { status, ms, doneAt }
  const open = new Set();
  const start = performance.now();

  const send = (i, dueAt) =>
    new Promise((resolve) => {
      if (open.size >= maxOpen) {
        // The server is this far behind: the arrival is counted as failed rather than queued in memory.
        results.push({ status: 0, error: 'client-backlog', ms: 0, doneAt: performance.now() - start });
        return resolve();
      }
      const { path, headers, body } = request(i);
      const req = http.request(
        {
          host: target.hostname,
          port: target.port,
          path,
          method: 'POST',
          agent,
          headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            const now = performance.now();
            results.push({ status: res.statusCode, ms: now - dueAt, doneAt: now - start });
            resolve();
          });
        },
      );
      req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
      req.on('error', (error) => {
        results.push({
          status: 0,
          error: error.message,
          ms: performance.now() - dueAt,
          doneAt: performance.now() - start,
        });
        resolve();
      });
      open.add(req);
      req.end(body, () => undefined);
      req.on('close', () => open.delete(req));
    });

  const pending = [];
  let next = 0;
  await new Promise((resolve) => {
    const tick = () => {
      const elapsed = performance.now() - start;
      const due = Math.min(total, Math.floor((elapsed / 1000) * rate) + 1);
      for (; next < due; next++) pending.push(send(next, start + (next / rate) * 1000));
      if (next >= total) resolve();
      else setTimeout(tick, 1);
    };
    tick();
  });
  const lastDue = performance.now();
  const cut = setTimeout(() => {
    for (const req of open) req.destroy(new Error('timeout'));
  }, graceMs);
  await Promise.all(pending);
  clearTimeout(cut);
  agent.destroy();
  return {
    results,
    total,
    windowSeconds: (lastDue - start) / 1000,
    finishedSeconds: (performance.now() - start) / 1000,
  };
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Accepted per second over the window, latency percentiles of the accepted, errors by kind. */
export function summarise({ results, total, windowSeconds }, acceptedStatus = 202) {
  const accepted = results.filter((r) => r.status === acceptedStatus);
  const inWindow = accepted.filter((r) => r.doneAt <= windowSeconds * 1000).length;
  // Latency of the requests sent (failed ones included); arrivals never sent (client-backlog) have none.
  const latencies = results
    .filter((r) => r.error !== 'client-backlog')
    .map((r) => r.ms)
    .sort((a, b) => a - b);
  const errors = {};
  for (const r of results)
    if (r.status !== acceptedStatus) errors[r.status || r.error] = (errors[r.status || r.error] ?? 0) + 1;
  return {
    offered: total,
    accepted: accepted.length,
    acceptedPerSecond: inWindow / windowSeconds,
    acceptedPerSecondOverall:
      accepted.length / Math.max(windowSeconds, ...results.map((r) => r.doneAt / 1000)),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    errors,
  };
}
