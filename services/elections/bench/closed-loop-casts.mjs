// Cast every ballot with a few phones at a time (a closed loop), each retrying a 5xx or a network
// error with the same Idempotency-Key as a phone does, until all have their 202.
import { percentile } from './arrival-rate-load.mjs';
import { cpuSeconds } from './process-cpu.mjs';

export async function castAll({ url, apiPid, requests, concurrency = 4, maxAttempts = 20 }) {
  const cpuBefore = cpuSeconds(apiPid);
  const latencies = [];
  let retries = 0;
  let next = 0;
  const start = performance.now();
  const castOne = async ({ path, headers, body }) => {
    for (let attempt = 1; ; attempt++) {
      const sent = performance.now();
      const response = await fetch(`${url}${path}`, { method: 'POST', headers, body }).catch(
        (error) => error,
      );
      const status = response instanceof Error ? 0 : response.status;
      if (!(response instanceof Error)) await response.text();
      if (status === 202) return latencies.push(performance.now() - sent);
      if ((status !== 0 && status < 500) || attempt >= maxAttempts)
        throw new Error(`cast answered ${status}`);
      retries += 1;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  };
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests.length) await castOne(requests[next++]);
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const apiCpuMsPerCast = ((cpuSeconds(apiPid) - cpuBefore) * 1000) / latencies.length;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    accepted: latencies.length,
    concurrency,
    perSecond: latencies.length / seconds,
    retries,
    apiCpuMsPerCast,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
  };
}
