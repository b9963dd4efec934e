/**
 * Regenerates the dashboard screenshots for reviewers: a real server, three generated episodes
 * processed for real, then every main page at desktop and phone width.
 *   npm run screenshots [-- OUT_DIR]   (default test-output/screenshots)
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  launchBrowser,
  makeEpisodes,
  signIn,
  startDashboardServer,
  watchConsole,
} from '../test/e2e/harness.js';
import { tempDir } from '../test/helpers/tmp.js';

const out = process.argv[2] ?? 'test-output/screenshots';
mkdirSync(out, { recursive: true });
const tmp = tempDir('reelscript-shots-');
const [srv, browser, episodes] = await Promise.all([
  startDashboardServer(),
  launchBrowser(),
  makeEpisodes(tmp.dir),
]);
const auth = { Authorization: srv.key };
try {
  const assets: Record<string, string> = {};
  for (const [i, path] of episodes.entries()) {
    const form = new FormData();
    form.append('file', new Blob([readFileSync(path)]), basename(path));
    const res = await fetch(`${srv.api}/upload`, { method: 'POST', headers: auth, body: form });
    assets[String(i + 1)] = ((await res.json()) as { data: { asset_id: string } }).data.asset_id;
  }
  const sub = await fetch(`${srv.api}/screenplay/tasks`, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      mode: 'short_drama',
      episodes: assets,
      config: { language: 'en', require_xlsx: true },
    }),
  });
  const taskId = ((await sub.json()) as { data: { task_id: string } }).data.task_id;

  const shoot = async (width: number, height: number, prefix: string) => {
    const ctx = await browser.newContext({ viewport: { width, height }, isMobile: width < 500 });
    const page = await ctx.newPage();
    const errors = watchConsole(page);
    await page.goto(srv.url);
    await page.screenshot({ path: join(out, `${prefix}sign-in.png`) });
    await signIn(page, srv.url, srv.key);
    await page.goto(`${srv.url}/tasks/${taskId}`);
    await page.locator('[data-testid=overall][data-status=completed]').waitFor({ timeout: 300_000 });
    const pages: Array<[string, string, string]> = [
      ['/', 'tasks', 'table.tasks'],
      ['/new', 'new-task', '.dropzone'],
      [`/tasks/${taskId}`, 'task', '.downloads'],
      [`/tasks/${taskId}/storyboard/1`, 'storyboard', '.shot .keyframe img'],
      [`/tasks/${taskId}/characters`, 'characters', '.character img'],
    ];
    for (const [path, name, ready] of pages) {
      await page.goto(`${srv.url}${path}`);
      await page.locator(ready).first().waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(out, `${prefix}${name}.png`), fullPage: true });
    }
    await ctx.close();
    if (errors.length) throw new Error(`console errors:\n${errors.join('\n')}`);
  };
  await shoot(1280, 860, '');
  await shoot(390, 844, 'phone-');
  console.log(`screenshots of task ${taskId} in ${out}`);
} finally {
  await browser.close();
  await srv.close();
  tmp.cleanup();
}
