/**
 * The HTTP app: upstream-compatible routes under /serve/api/v2 plus our extensions. Routes are
 * thin; errors go through one handler; the app can be driven without a socket (inject) in tests.
 */
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { AppError } from '../domain/errors.js';
import type { ServiceDeps } from '../services/deps.js';
import { errorEnvelope, ok } from './envelope.js';
import { handleError } from './error-handler.js';
import { buildOpenApi } from './openapi.js';
import { accountRoute } from './routes/account.js';
import { assetRoutes } from './routes/assets/asset.js';
import { signedUploadRoutes } from './routes/assets/signed-upload.js';
import { uploadRoute } from './routes/assets/upload.js';
import { cancelTaskRoute } from './routes/tasks/cancel.js';
import { taskEventsRoute } from './routes/tasks/events.js';
import { readTaskRoutes } from './routes/tasks/read.js';
import { renameCharacterRoute } from './routes/tasks/rename-character.js';
import { submitTaskRoute } from './routes/tasks/submit.js';
import { webhookRoutes } from './routes/webhooks.js';

export const API_PREFIX = '/serve/api/v2';

export interface AppOptions {
  version: string;
  logger?: boolean;
  /** Extra routes (the dashboard's static files) registered at the root. */
  extra?: (app: FastifyInstance) => Promise<void> | void;
}

export async function buildApp(deps: ServiceDeps, opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger
      ? { level: deps.config.logLevel === 'silent' ? 'silent' : deps.config.logLevel }
      : false,
    bodyLimit: deps.config.maxJsonBytes,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
  });
  app.setErrorHandler((err, req, reply) => handleError(err, req, reply));
  app.setNotFoundHandler((req, reply) => {
    const err = new AppError('NOT_FOUND', `No route for ${req.method} ${req.url.split('?')[0] ?? ''}`);
    void reply.status(404).send(errorEnvelope(err));
  });
  await app.register(multipart, { limits: { fileSize: deps.config.maxUploadBytes, files: 1 } });

  const openapi = buildOpenApi(API_PREFIX, opts.version);
  app.get('/healthz', () => ok({ status: 'ok', version: opts.version, store: deps.store.dialect }));
  app.get('/openapi.json', () => openapi);

  await app.register(
    (api, _o, done) => {
      api.get('/healthz', () => ok({ status: 'ok', version: opts.version }));
      api.get('/openapi.json', () => openapi);
      uploadRoute(api, deps);
      // Signed PUT uploads stream any body type themselves; only these routes accept it raw.
      void api.register((sub, _o, next) => {
        sub.addContentTypeParser('*', (_req, payload, ok) => ok(null, payload));
        signedUploadRoutes(sub, deps, API_PREFIX);
        next();
      });
      submitTaskRoute(api, deps);
      readTaskRoutes(api, deps);
      cancelTaskRoute(api, deps);
      taskEventsRoute(api, deps);
      renameCharacterRoute(api, deps);
      accountRoute(api, deps);
      webhookRoutes(api, deps);
      assetRoutes(api, deps);
      done();
    },
    { prefix: API_PREFIX },
  );
  if (opts.extra) await opts.extra(app);
  return app;
}
