/**
 * What the dashboard's end-to-end test and the screenshot script share: a real server with the
 * dashboard mounted, generated episodes (faces and burned-in subtitles), and Debian's Chromium.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DASHBOARD_DIR, registerDashboard } from '../../src/http/dashboard.js';
import { startServer, type Server } from '../../src/main.js';
import { createKey, topUp } from '../../src/services/accounts.js';
import { makeFaceClip } from '../fixtures/faces.js';
import { CJK_FONT } from '../fixtures/subtitled-video.js';
import { tempDir } from '../helpers/tmp.js';

const exec = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CHROMIUM = process.env.REELSCRIPT_CHROMIUM ?? '/usr/bin/chromium';

/** Builds web/dist when it is missing (a fresh clone before `npm run build`). */
export async function ensureDashboardBuilt(): Promise<void> {
  if (existsSync(join(DASHBOARD_DIR, 'index.html'))) return;
  await exec('npm', ['run', 'build:web'], { cwd: ROOT });
}

export interface DashboardServer {
  server: Server;
  url: string;
  api: string;
  key: string;
  close(): Promise<void>;
}

export async function startDashboardServer(dollars = 100): Promise<DashboardServer> {
  await ensureDashboardBuilt();
  const tmp = tempDir('reelscript-e2e-');
  const server = await startServer(
    {
      dataDir: tmp.dir,
      port: 0,
      host: '127.0.0.1',
      workers: 2,
      logLevel: 'silent',
      heartbeatMs: 200,
      pollMs: 50,
    },
    { log: () => undefined, extraRoutes: registerDashboard },
  );
  const { key, account } = await createKey(server.deps, { name: 'e2e' });
  await topUp(server.deps, account.id, dollars);
  const url = server.url ?? '';
  return {
    server,
    url,
    api: `${url}/serve/api/v2`,
    key,
    close: async () => {
      await server.close(0);
      tmp.cleanup();
    },
  };
}

/** Three short episodes: two people, hard cuts, one burned-in subtitle each. */
export async function makeEpisodes(dir: string): Promise<string[]> {
  const specs = [
    { name: 'Moonlit_Vow_EP01.mp4', line: 'Where were you last night?', who: ['woman_a', 'man'] as const },
    { name: 'Moonlit_Vow_EP02.mp4', line: 'I never lied to you.', who: ['man', 'woman_a'] as const },
    { name: 'Moonlit_Vow_EP03.mp4', line: 'Then prove it.', who: ['woman_a', 'man'] as const },
  ];
  return Promise.all(
    specs.map(async (s, i) => {
      const raw = join(dir, `raw${i}.mp4`);
      await makeFaceClip({
        path: raw,
        width: 480,
        height: 270,
        shots: [
          {
            duration: 1.6,
            background: '0x303848',
            faces: [{ who: s.who[0], x: 150, y: 20, size: 170, talking: true }],
          },
          { duration: 1.4, background: '0x484030', faces: [{ who: s.who[1], x: 160, y: 30, size: 160 }] },
        ],
      });
      const text = join(dir, `line${i}.txt`);
      await writeFile(text, s.line);
      const out = join(dir, s.name);
      await exec('ffmpeg', [
        ...['-v', 'error', '-y', '-i', raw, '-vf'],
        `drawtext=fontfile=${CJK_FONT}:textfile=${text}:fontsize=20:fontcolor=white:borderw=2:bordercolor=black:x=(w-text_w)/2:y=h-40:enable='between(t,0.2,1.4)'`,
        ...['-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '22', '-pix_fmt', 'yuv420p', out],
      ]);
      return out;
    }),
  );
}

/** A bigger episode that takes long enough to process for a cancel to land while it runs. */
export async function makeSlowEpisode(dir: string): Promise<string> {
  const out = join(dir, 'Slow_EP01.mp4');
  await exec('ffmpeg', [
    ...['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=s=640x360:r=25:d=60'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '30', '-pix_fmt', 'yuv420p', out],
  ]);
  return out;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Collects console errors and uncaught page errors; `allow` filters expected ones. */
export function watchConsole(
  page: Page,
  allow: (text: string, url: string) => boolean = () => false,
): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !allow(m.text(), m.location().url))
      errors.push(`${m.text()} @ ${m.location().url}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

export async function signIn(page: Page, base: string, key: string): Promise<void> {
  await page.goto(base);
  await page.locator('#api-key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Tasks' }).waitFor();
}
