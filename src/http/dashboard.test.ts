import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/tmp.js';
import { dashboardRoutes, resolveInside } from './dashboard.js';

const tmp = tempDir('dashboard-static-');
// The served folder sits inside the temp dir, beside a file it must never serve.
const root = join(tmp.dir, 'web');
let app: FastifyInstance;
let bare: FastifyInstance;

beforeAll(async () => {
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><div id="app"></div>');
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(root, 'favicon.svg'), '<svg/>');
  writeFileSync(join(tmp.dir, 'secret.txt'), 'no');
  app = Fastify();
  app.get('/healthz', () => ({ ok: true }));
  await dashboardRoutes([join(tmp.dir, 'missing'), root])(app);
  bare = Fastify();
  await dashboardRoutes([join(tmp.dir, 'missing')])(bare);
});
afterAll(async () => {
  await app.close();
  await bare.close();
  tmp.cleanup();
});

describe('dashboard static files', () => {
  it('serves index.html at / and for client-side routes, never cached', async () => {
    for (const url of ['/', '/tasks/ros-sd-1/storyboard/2', '/new?x=1']) {
      const r = await app.inject({ url });
      expect([r.statusCode, r.headers['content-type'], r.headers['cache-control']]).toEqual([
        200,
        'text/html; charset=utf-8',
        'no-cache',
      ]);
      expect(r.body).toContain('<div id="app">');
      expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    }
  });

  it('caches hashed assets for a year and types them', async () => {
    const r = await app.inject({ url: '/assets/index-abc123.js' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await app.inject({ url: '/favicon.svg' })).headers['cache-control']).toBe('no-cache');
  });

  it('answers API paths and missing files with the 404 envelope, and keeps other routes', async () => {
    const api = await app.inject({ url: '/serve/api/v2/nothing/here' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ code: 404, success: false, data: { error_code: 'NOT_FOUND' } });
    expect((await app.inject({ url: '/assets/gone-1.js' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({ ok: true });
  });

  it('never leaves its folder', async () => {
    for (const url of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const r = await app.inject({ url });
      expect(r.body).not.toBe('no');
    }
    expect(resolveInside('/srv/web', '/../etc/passwd')).toBeNull();
    expect(resolveInside('/srv/web', '/%2e%2e%2fetc')).toBeNull();
    expect(resolveInside('/srv/web', '/a%00b')).toBeNull();
    expect(resolveInside('/srv/web', '/%E0%A4%A')).toBeNull();
    expect(resolveInside('/srv/web', '/assets/x.js')).toBe('/srv/web/assets/x.js');
  });

  it('says how to build it when web/dist is missing', async () => {
    const r = await bare.inject({ url: '/' });
    expect(r.statusCode).toBe(503);
    expect(r.body).toContain('npm run build:web');
  });
});
