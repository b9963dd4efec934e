/**
 * API load benchmark (issue #7): `reelscript serve` on SQLite and on PostgreSQL, seeded with a few
 * hundred tasks in every state, driven over loopback by autocannon (200 connections) polling task
 * status and listing tasks by status, beside a bare node:http server answering the same bytes,
 * measured the same way in the same run. The ratio to the bare server is the figure to watch.
 * Any socket error, timeout or non-2xx answer fails the run (exit code 1).
 *   npm run bench:api -- [--seconds 10] [--connections 200] [--tasks 300] [--stores sqlite,postgres]
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freshDatabase, type PgScratch } from '../../test/helpers/pg.js';
import { measure, type Measurement } from './load.js';
import { failures, formatTable, type Row } from './report.js';
import { seed, type Seeded } from './seed.js';
import { startBare, startReelscript, type Target } from './servers.js';

const { values: argv } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '200' },
    tasks: { type: 'string', default: '300' },
    stores: { type: 'string', default: 'sqlite,postgres' },
  },
});
const SECONDS = Number(argv.seconds);
const WARMUP = Number(argv.warmup);
const CONNECTIONS = Number(argv.connections);
const TASKS = Number(argv.tasks);
const STORES = argv.stores.split(',').filter((s) => s === 'sqlite' || s === 'postgres');
const PREFIX = '/serve/api/v2';

interface Scenario {
  name: string;
  paths: (s: Seeded) => string[];
}

const SCENARIOS: Scenario[] = [
  {
    name: 'task status',
    // Several ids in every state the poller sees: live ones, finished ones with their file lists.
    paths: (s) =>
      [
        ...s.byStatus.running.slice(0, 2),
        ...s.byStatus.pending.slice(0, 1),
        ...s.byStatus.completed.slice(0, 3),
        ...s.byStatus.failed.slice(0, 1),
        ...s.byStatus.cancelled.slice(0, 1),
      ].map((id) => `${PREFIX}/screenplay/tasks/${id}`),
  },
  {
    name: 'list by status',
    paths: () =>
      ['running', 'pending', 'completed', 'failed'].map((st) => `${PREFIX}/screenplay/tasks?status=${st}`),
  },
];

/**
 * A pause between autocannon runs. A run ends by dropping its 200 connections with requests in
 * flight; a run started at once against a server that is still saturated left a few requests
 * unanswered for the whole run (timeouts at exactly the run length). The same happens to a bare
 * node:http server that spends 0.7 ms of CPU per request (measured: 28–31 timeouts per 10 s run
 * back to back, none with a 3 s pause), so it is an artefact of back-to-back runs, not of the
 * server under test; every target gets the same pause.
 */
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 3000));

interface Store {
  name: string;
  dataDir: string;
  databaseUrl?: string | undefined;
  seeded?: Seeded;
  server?: Target;
}

/** GET every path once: each must answer 200 with a success envelope; returns the bodies. */
async function capture(origin: string, key: string, paths: string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const p of paths) {
    const res = await fetch(`${origin}${p}`, { headers: { Authorization: key } });
    const body = await res.text();
    const ok = res.status === 200 && (JSON.parse(body) as { success?: boolean }).success === true;
    if (!ok) throw new Error(`GET ${p} answered ${res.status}: ${body.slice(0, 200)}`);
    out[p] = body;
  }
  return out;
}

async function main(): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'reelscript-bench-api-'));
  const stores: Store[] = [];
  let pg: PgScratch | null = null;
  let bare: Target | null = null;
  try {
    for (const name of STORES) {
      if (name === 'postgres') pg = await freshDatabase();
      stores.push({ name, dataDir: join(dir, name), databaseUrl: name === 'postgres' ? pg?.url : undefined });
    }
    // Both stores seed at once: SQLite works on the CPU while PostgreSQL round trips wait.
    await Promise.all(
      stores.map(async (s) => {
        const t0 = performance.now();
        s.seeded = await seed(s, TASKS, join(dir, `templates-${s.name}`));
        const counts = Object.entries(s.seeded.byStatus).map(([k, v]) => `${v.length} ${k}`);
        console.log(
          `${s.name}: seeded ${TASKS} tasks (${counts.join(', ')}; ${s.seeded.jobs} episodes) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
        );
      }),
    );
    for (const s of stores) s.server = await startReelscript(s);
    // The bare server answers the first store's bytes for the same paths.
    const first = stores[0];
    if (!first?.seeded || !first.server) throw new Error('no store selected (--stores sqlite,postgres)');
    const bodies: Record<string, string> = {};
    for (const s of stores) {
      if (!s.seeded || !s.server) continue;
      const all = await capture(
        s.server.origin,
        s.seeded.key,
        SCENARIOS.flatMap((sc) => sc.paths(s.seeded!)),
      );
      if (s === first) Object.assign(bodies, all);
    }
    const bodiesFile = join(dir, 'bodies.json');
    await writeFile(bodiesFile, JSON.stringify(bodies));
    bare = await startBare(bodiesFile);

    console.log(
      `node ${process.version}, load average ${loadavg()[0]?.toFixed(1)}; ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${SECONDS} s per row`,
    );
    const rows: Row[] = [];
    for (const sc of SCENARIOS) {
      const targets: Array<{ name: string; t: Target; key: string; paths: string[] }> = [
        { name: 'bare node:http', t: bare, key: 'none', paths: sc.paths(first.seeded) },
        ...stores.map((s) => ({
          name: s.name,
          t: s.server!,
          key: s.seeded!.key,
          paths: sc.paths(s.seeded!),
        })),
      ];
      let baseline: Measurement | undefined;
      for (const tg of targets) {
        const run = (seconds: number) =>
          measure({
            origin: tg.t.origin,
            paths: tg.paths,
            headers: { Authorization: tg.key },
            connections: CONNECTIONS,
            seconds,
          });
        if (WARMUP > 0) await run(WARMUP);
        await settle();
        const m = await run(SECONDS);
        await settle();
        baseline ??= m;
        rows.push({ scenario: sc.name, target: tg.name, m, bare: baseline });
        process.stderr.write(`  ${sc.name} / ${tg.name}: ${m.requestsPerSecond.toFixed(0)} req/s\n`);
      }
    }
    console.log(formatTable(rows));
    const bad = failures(rows);
    for (const r of bad)
      console.error(
        `FAILED ${r.scenario} / ${r.target}: ${r.m.errors} socket errors or timeouts, ${r.m.non2xx} non-2xx, ${r.m.total} answered`,
      );
    return bad.length > 0 ? 1 : 0;
  } finally {
    await bare?.stop();
    for (const s of stores) await s.server?.stop();
    await pg?.drop();
    await rm(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
