/** One autocannon run against a target: requests cycled per connection, figures summarised. */
import autocannon from 'autocannon';

export interface Measurement {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Socket errors, timeouts included. */
  errors: number;
  non2xx: number;
  /** Mean response body size. */
  bytesPerResponse: number;
  total: number;
}

export async function measure(opts: {
  origin: string;
  paths: string[];
  headers: Record<string, string>;
  connections: number;
  seconds: number;
}): Promise<Measurement> {
  const r = await autocannon({
    url: opts.origin,
    connections: opts.connections,
    duration: opts.seconds,
    timeout: 10,
    headers: opts.headers,
    requests: opts.paths.map((path) => ({ method: 'GET', path })),
  });
  // Answered requests only: requests still in flight when the run stops are not counted.
  const total = Object.values(r.statusCodeStats).reduce((n, s) => n + Number(s.count), 0);
  return {
    requestsPerSecond: total / r.duration,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
    bytesPerResponse: total > 0 ? r.throughput.total / total : 0,
    total,
  };
}
