/**
 * Composition root: config → store → services → HTTP and/or workers. The only place (with the
 * CLI) that opens a store adapter. Handles SIGTERM/SIGINT with a two-phase shutdown.
 */
import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config, type ConfigInput } from './config/index.js';
import { buildApp } from './http/app.js';
import { killAllChildren } from './process/spawn.js';
import { createHandlers } from './queue/handlers.js';
import { WorkerPool } from './queue/worker-pool.js';
import type { ServiceDeps } from './services/deps.js';
import { openStore } from './store/index.js';
import { RateLimiter } from './services/rate-limit.js';
import { WebhookDeliverer } from './services/webhooks/deliverer.js';
import { packageVersion } from './version.js';

/** A signing secret from config, else one generated once and kept in the data directory. */
async function signingSecret(c: Config): Promise<string> {
  if (c.signingSecret) return c.signingSecret;
  const file = join(c.dataDir, 'signing-secret');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const secret = randomBytes(32).toString('base64url');
    await writeFile(file, secret, { mode: 0o600 });
    return secret;
  }
}

export async function openDeps(overrides: Partial<ConfigInput> = {}): Promise<ServiceDeps> {
  const base = loadConfig(overrides);
  await mkdir(base.dataDir, { recursive: true });
  const config = Object.freeze({ ...base, signingSecret: await signingSecret(base) });
  const store = await openStore(config.databaseUrl);
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const limiter = new RateLimiter(config.rateLimitPerSecond, config.rateLimitBurst);
  return { store, config, events, now: Date.now, limiter };
}

export interface Server {
  deps: ServiceDeps;
  app: FastifyInstance | null;
  pool: WorkerPool | null;
  url: string | null;
  close(drainMs?: number): Promise<void>;
}

export async function startServer(
  overrides: Partial<ConfigInput> = {},
  opts: {
    http?: boolean;
    log?: (m: string) => void;
    extraRoutes?: (app: FastifyInstance) => Promise<void> | void;
  } = {},
): Promise<Server> {
  const deps = await openDeps(overrides);
  const log = opts.log ?? ((m: string) => deps.config.logLevel !== 'silent' && console.error(m));
  const version = packageVersion();
  const pool =
    deps.config.workers > 0
      ? new WorkerPool({
          store: deps.store,
          events: deps.events,
          handlers: createHandlers(deps, version),
          size: deps.config.workers,
          leaseMs: deps.config.leaseMs,
          heartbeatMs: deps.config.heartbeatMs,
          pollMs: deps.config.pollMs,
          maxAttempts: deps.config.maxAttempts,
          log,
        })
      : null;
  let app: FastifyInstance | null = null;
  let url: string | null = null;
  if (opts.http !== false) {
    app = await buildApp(deps, { version, logger: false, extra: opts.extraRoutes });
    url = await app.listen({ host: deps.config.host, port: deps.config.port });
  }
  pool?.start();
  const deliverer = deps.config.deliverWebhooks ? new WebhookDeliverer(deps, log) : null;
  deliverer?.start();
  let closing: Promise<void> | null = null;
  const close = (drainMs = deps.config.drainMs): Promise<void> =>
    (closing ??= (async () => {
      await app?.close();
      await pool?.shutdown(drainMs);
      await deliverer?.stop();
      await deps.store.close();
    })());
  return { deps, app, pool, url, close };
}

/** SIGTERM/SIGINT: drain gracefully; a second signal kills children and exits at once. */
export function handleSignals(server: Server, log: (m: string) => void): void {
  let count = 0;
  const onSignal = (sig: NodeJS.Signals): void => {
    count += 1;
    if (count > 1) {
      killAllChildren();
      process.exit(130);
    }
    log(`${sig}: draining (send again to stop at once)`);
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log(`shutdown failed: ${String(err)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
