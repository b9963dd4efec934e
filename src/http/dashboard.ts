/**
 * The dashboard (web/dist, built by `npm run build:web`) served at `/`. Hashed files under
 * /assets/ never change, so they are cached for a year; every other GET that is not an API path
 * answers index.html, so a reload on a client-side route (/tasks/…) still opens the app.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../domain/errors.js';
import { errorEnvelope } from './envelope.js';

/** Same folder from src/http (tsx) and dist/http (built): both sit two levels under the root. */
export const DASHBOARD_DIR = fileURLToPath(new URL('../../web/dist/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

// Images and videos come from the API as blobs (fetched with the Authorization header).
const CSP =
  "default-src 'self'; img-src 'self' blob: data:; media-src 'self' blob:; style-src 'self' 'unsafe-inline'; " +
  "script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

/** The file a request path names inside root, or null when it would leave root. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = resolve(root, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  const base = resolve(root);
  return full === base || full.startsWith(base + sep) ? full : null;
}

async function fileAt(path: string | null): Promise<{ path: string; size: number } | null> {
  if (!path) return null;
  const st = await stat(path).catch(() => null);
  return st?.isFile() ? { path, size: st.size } : null;
}

async function firstExisting(dirs: string[]): Promise<string | null> {
  for (const d of dirs) if (await fileAt(resolve(d, 'index.html'))) return d;
  return null;
}

/** Routes serving the dashboard from the first of `roots` holding an index.html. */
export function dashboardRoutes(roots: string[], apiPrefix = '/serve/api/v2') {
  return async (app: FastifyInstance): Promise<void> => {
    const root = await firstExisting(roots);
    const send = (reply: FastifyReply, file: { path: string; size: number }, cache: string) =>
      reply
        .header('Content-Type', TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream')
        .header('Content-Length', String(file.size))
        .header('Cache-Control', cache)
        .header('X-Content-Type-Options', 'nosniff')
        .header('Content-Security-Policy', CSP)
        .header('Referrer-Policy', 'no-referrer')
        .send(createReadStream(file.path));

    const handler = async (req: FastifyRequest, reply: FastifyReply) => {
      const path = req.url.split('?')[0] ?? '/';
      const notFound = () =>
        reply.status(404).send(errorEnvelope(new AppError('NOT_FOUND', `No route for GET ${path}`)));
      if (path === apiPrefix || path.startsWith(`${apiPrefix}/`)) return notFound();
      if (!root) {
        return reply
          .status(503)
          .type('text/plain; charset=utf-8')
          .send('The dashboard is not built: run `npm run build:web`. The API is at /serve/api/v2.');
      }
      const file = path === '/' ? null : await fileAt(resolveInside(root, path));
      if (file) {
        const hashed = path.startsWith('/assets/');
        return send(reply, file, hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      }
      // A missing file (it has an extension) is a 404; anything else is a client-side route.
      if (extname(path) !== '') return notFound();
      const index = await fileAt(resolve(root, 'index.html'));
      return index ? send(reply, index, 'no-cache') : notFound();
    };
    app.get('/', handler);
    app.get('/*', handler);
  };
}

/** Serves web/dist at `/` with a fallback to index.html for client-side routes. */
export async function registerDashboard(app: FastifyInstance): Promise<void> {
  await dashboardRoutes([DASHBOARD_DIR])(app);
}
