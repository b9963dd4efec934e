/** `reelscript serve` (API + workers) and `reelscript worker` (workers only). */
import { Command } from 'commander';
import { registerDashboard } from '../../http/dashboard.js';
import { handleSignals, startServer } from '../../main.js';
import { storeOverrides, withStoreOptions } from '../options.js';

interface ServeOpts {
  data?: string;
  database?: string;
  port?: string;
  host?: string;
  workers?: string;
  requireAsr?: boolean;
  allowPrivateWebhooks?: boolean;
}

const log = (m: string): void => void process.stderr.write(`${m}\n`);

export function serveCommand(): Command {
  return withStoreOptions(new Command('serve'))
    .description('Run the HTTP API and a worker pool in one process')
    .option('--port <n>', 'port to listen on (default 8080, env PORT)')
    .option('--host <addr>', 'address to bind (default 127.0.0.1)')
    .option('--workers <n>', 'episodes processed at once by this process (default 2; 0 = API only)')
    .option('--require-asr', 'refuse use_subtitle:false tasks when no speech engine is configured')
    .option('--allow-private-webhooks', 'allow webhook URLs on loopback/private addresses')
    .action(async (o: ServeOpts) => {
      const server = await startServer(
        {
          ...storeOverrides(o),
          port: o.port,
          host: o.host,
          workers: o.workers,
          requireAsr: o.requireAsr,
          allowPrivateWebhooks: o.allowPrivateWebhooks,
        },
        { log, extraRoutes: registerDashboard },
      );
      log(
        `reelscript listening on ${server.url ?? '?'} (data ${server.deps.config.dataDir}, ${server.deps.config.workers} worker(s))`,
      );
      handleSignals(server, log);
    });
}

export function workerCommand(): Command {
  return withStoreOptions(new Command('worker'))
    .description('Run workers only (claim episode jobs from the shared database)')
    .option('--workers <n>', 'episodes processed at once (default 2)')
    .action(async (o: ServeOpts) => {
      const server = await startServer(
        { ...storeOverrides(o), workers: o.workers ?? '2' },
        { http: false, log },
      );
      log(`reelscript worker ${server.pool?.workerId ?? ''} started (data ${server.deps.config.dataDir})`);
      handleSignals(server, log);
    });
}
