/**
 * The dashboard end to end, in Debian's Chromium against a real server with generated episodes:
 * sign in, upload three episodes (picker and drag and drop), submit, watch the task complete
 * live, read the storyboard (keyframes load, a shot plays), characters and rename, download,
 * cancel a second task from the list; no console errors; screenshots for reviewers.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.js';
import { unzip } from '../helpers/zip.js';
import {
  launchBrowser,
  makeEpisodes,
  makeSlowEpisode,
  signIn,
  startDashboardServer,
  watchConsole,
  type DashboardServer,
} from './harness.js';

const SHOTS = 'test-output/screenshots';
const tmp = tempDir('dashboard-e2e-');
let srv: DashboardServer;
let browser: Browser;
let episodes: string[];
let slow: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [srv, browser, episodes, slow] = await Promise.all([
    startDashboardServer(),
    launchBrowser(),
    makeEpisodes(tmp.dir),
    makeSlowEpisode(tmp.dir),
  ]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await srv?.close();
  tmp.cleanup();
});

async function apiGet<T>(path: string): Promise<T> {
  const res = await fetch(`${srv.api}${path}`, { headers: { Authorization: srv.key } });
  return ((await res.json()) as { data: T }).data;
}

/** An output file of a task (raw JSON, not an envelope). */
async function taskFile<T>(taskId: string, path: string): Promise<T> {
  const res = await fetch(`${srv.api}/screenplay/tasks/${taskId}/files/${path}`, {
    headers: { Authorization: srv.key },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

const t0 = Date.now();
const step = (name: string) => console.log(`[e2e] ${((Date.now() - t0) / 1000).toFixed(1)} s ${name}`);

/** Drops a file on the drop zone the way a browser does: a DataTransfer on a drop event. */
async function dropFile(page: Page, path: string): Promise<void> {
  const b64 = readFileSync(path).toString('base64');
  const dt = await page.evaluateHandle(
    `(() => {
      const bytes = Uint8Array.from(atob(${JSON.stringify(b64)}), (c) => c.charCodeAt(0));
      const t = new DataTransfer();
      t.items.add(new File([bytes], ${JSON.stringify(basename(path))}, { type: 'video/mp4' }));
      return t;
    })()`,
  );
  await page.locator('.dropzone').dispatchEvent('drop', { dataTransfer: dt });
}

describe('dashboard', () => {
  it('uploads a series, follows it live, shows the storyboard and cancels a task', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 860 }, acceptDownloads: true });
    const page = await ctx.newPage();
    // The refused upload below logs its 4xx response; nothing else may.
    const errors = watchConsole(page, (text, url) => url.endsWith('/upload') && / 415 /.test(text));
    const eventStreams: string[] = [];
    page.on('request', (r) => r.url().endsWith('/events') && eventStreams.push(r.url()));

    step('Sign in with the keyboard only.');
    // Sign in with the keyboard only.
    await page.goto(srv.url);
    await page.screenshot({ path: join(SHOTS, 'sign-in.png') });
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement?.id')).toBe('api-key');
    await page.keyboard.type(srv.key);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Tasks' }).waitFor();
    await expect.poll(() => page.getByTestId('balance').textContent()).toBe('$100.00');
    expect(await page.evaluate<string[]>('Object.keys(sessionStorage)')).toEqual(['reelscript.apiKey']);
    expect(await page.evaluate<string[]>('Object.keys(localStorage)')).toEqual([]);

    step('Upload');
    // Upload: two by the picker (out of order), one dropped; numbers come from the names.
    await page.getByRole('link', { name: 'New task', exact: true }).first().click();
    await page.locator('#file-input').setInputFiles([episodes[2]!, episodes[0]!]);
    await dropFile(page, episodes[1]!);
    await expect.poll(() => page.locator('.upload.ready').count(), { timeout: 30_000 }).toBe(3);
    // A file that is not a video fails in plain words and can be removed.
    await page.locator('#file-input').setInputFiles({
      name: 'notes_EP09.mp4',
      mimeType: 'video/mp4',
      buffer: Buffer.from('not a video at all'),
    });
    const bad = page.locator('.upload.failed[data-file="notes_EP09.mp4"]');
    await bad.waitFor();
    expect(await bad.locator('input').inputValue()).toBe('9');
    expect(await bad.locator('.error').textContent()).toMatch(
      /^This file (could not be read as a video|has no video)/,
    );
    await bad.getByRole('button', { name: /^Remove/ }).click();
    const rows = await Promise.all(
      (await page.locator('.upload').all()).map(async (r) => [
        await r.getAttribute('data-file'),
        await r.locator('input').inputValue(),
      ]),
    );
    expect(rows).toEqual([
      ['Moonlit_Vow_EP01.mp4', '1'],
      ['Moonlit_Vow_EP02.mp4', '2'],
      ['Moonlit_Vow_EP03.mp4', '3'],
    ]);
    expect(await page.getByTestId('estimate').textContent()).toBe('3 episodes · estimated cost $3.00');
    await page.locator('#language').selectOption('en');
    await page.getByLabel('Excel storyboard per episode').check();
    await page.screenshot({ path: join(SHOTS, 'new-task.png'), fullPage: true });
    await page.getByRole('button', { name: /^Start task/ }).click();

    step('The task page follows');
    // The task page follows the events stream to completion without reloading.
    await page.waitForURL(/\/tasks\/ros-sd-/);
    const taskId = page.url().split('/tasks/')[1]!;
    await page.evaluate('window.marker = 42');
    // Record what the page shows while it runs: task states and per-episode stage texts.
    await page.evaluate(`(() => {
      const seen = (window.seen = new Set());
      const look = () => {
        const overall = document.querySelector('[data-testid=overall]');
        if (overall) seen.add('status:' + overall.getAttribute('data-status'));
        for (const td of document.querySelectorAll('tr[data-state=running] td[data-label=State]'))
          seen.add('stage:' + td.textContent);
      };
      look();
      new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    })()`);
    await page.locator('[data-testid=overall][data-status=completed]').waitFor({ timeout: 300_000 });
    expect(await page.evaluate<number>('window.marker')).toBe(42);
    expect(eventStreams.some((u) => u.includes(taskId))).toBe(true);
    const seen = await page.evaluate<string[]>('[...window.seen]');
    expect(seen).toContain('status:running');
    expect(seen.filter((x) => x.startsWith('stage:')).length).toBeGreaterThan(1);
    expect(await page.locator('tr[data-state=done]').count()).toBe(3);
    await expect.poll(() => page.getByTestId('balance').textContent()).toBe('$97.00');
    await page.screenshot({ path: join(SHOTS, 'task-completed.png'), fullPage: true });

    expect(await page.locator('button[data-file="1.xlsx"]').count()).toBe(1);

    step('Storyboard');
    // Storyboard: shots match the JSON, keyframes load, a click plays the shot's span.
    await page.getByRole('link', { name: 'Open the storyboard' }).click();
    const board = await taskFile<{ shots: Array<{ start: number; end: number }> }>(
      taskId,
      '1_storyboard.json',
    );
    await expect.poll(() => page.locator('.shot').count()).toBe(board.shots.length);
    await expect
      .poll(() =>
        page.evaluate<number[]>(
          "[...document.querySelectorAll('.shot .keyframe img')].map((i) => i.naturalWidth)",
        ),
      )
      .toEqual(board.shots.map(() => 480));
    await page.locator('.shot-thumb').first().focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('player-status').textContent(), { timeout: 20_000 })
      .toMatch(/^Play(ing|ed) shot 1:/);
    await expect
      .poll(
        () =>
          page.evaluate<boolean>("(v => v.paused && v.currentTime > 0.5)(document.querySelector('video'))"),
        {
          timeout: 10_000,
        },
      )
      .toBe(true);
    const stoppedAt = await page.evaluate<number>("document.querySelector('video').currentTime");
    expect(stoppedAt).toBeGreaterThanOrEqual(board.shots[0]!.end - 0.05);
    expect(stoppedAt).toBeLessThan(board.shots[0]!.end + 0.5);
    await page.screenshot({ path: join(SHOTS, 'storyboard.png'), fullPage: true });
    await page.locator('#episode-select').selectOption('2');
    await page.getByRole('heading', { name: 'Episode 2' }).waitFor();
    await page.waitForURL(/\/storyboard\/2$/);

    step('Characters');
    // Characters: faces, counts, rename.
    await page.getByRole('link', { name: 'Characters' }).first().click();
    const namelist = await taskFile<{ characters: Array<{ id: string; name: string }> }>(
      taskId,
      'namelist.json',
    );
    expect(namelist.characters.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.character').count()).toBe(namelist.characters.length);
    const first = namelist.characters[0]!;
    const card = page.locator(`[data-character="${first.id}"]`);
    await card.locator('input').fill('Lin Yue');
    await card.getByRole('button', { name: 'Rename' }).click();
    await card.locator('.ok').waitFor();
    expect(await card.locator('.ok').textContent()).toBe('Renamed; the exports were updated.');
    await expect.poll(() => card.locator('h2').textContent()).toContain('Lin Yue');
    await page.screenshot({ path: join(SHOTS, 'characters.png'), fullPage: true });

    step('Downloads');
    // The rename shows in a re-downloaded zip (namelist and screenplay).
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: taskId }).click();
    const [zip] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download everything (.zip)' }).click(),
    ]);
    expect(zip.suggestedFilename()).toBe(`${taskId}.zip`);
    const files = await unzip(readFileSync(await zip.path()));
    const zipped = JSON.parse(files.get('namelist.json')!.toString()) as {
      characters: Array<{ id: string; name: string }>;
    };
    expect(zipped.characters.find((c) => c.id === first.id)?.name).toBe('Lin Yue');
    expect(files.get('screenplay.fountain')!.toString().toLowerCase()).toContain('lin yue');

    step('A second task');
    // A second task, cancelled from the list while it runs.
    const form = new FormData();
    form.append('file', new Blob([readFileSync(slow)]), basename(slow));
    const up = await fetch(`${srv.api}/upload`, {
      method: 'POST',
      headers: { Authorization: srv.key },
      body: form,
    });
    const assetId = ((await up.json()) as { data: { asset_id: string } }).data.asset_id;
    const sub = await fetch(`${srv.api}/screenplay/tasks`, {
      method: 'POST',
      headers: { Authorization: srv.key, 'Content-Type': 'application/json' },
      body: JSON.stringify({ mode: 'short_drama', episodes: { '1': assetId }, config: { language: 'en' } }),
    });
    const second = ((await sub.json()) as { data: { task_id: string } }).data.task_id;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).click();
    const row = page.locator(`tr[data-task="${second}"]`);
    page.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: /^Cancel/ }).click();
    await row.locator('.badge-cancelled').waitFor();
    expect((await apiGet<{ status: string }>(`/screenplay/tasks/${second}`)).status).toBe('cancelled');
    await page.screenshot({ path: join(SHOTS, 'tasks.png'), fullPage: true });

    step('Phone width');
    // Phone width: nothing wider than the screen.
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const small = await phone.newPage();
    errors.push(...watchConsole(small));
    await signIn(small, srv.url, srv.key);
    for (const [path, name] of [
      ['/', 'phone-tasks'],
      [`/tasks/${taskId}/storyboard/1`, 'phone-storyboard'],
      [`/tasks/${taskId}`, 'phone-task'],
    ] as const) {
      await small.goto(`${srv.url}${path}`);
      await small.locator('main h1').first().waitFor();
      if (name === 'phone-storyboard') await small.locator('.shot img').first().waitFor();
      expect(await small.evaluate<boolean>('document.documentElement.scrollWidth <= innerWidth')).toBe(true);
      await small.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    }
    await phone.close();
    await ctx.close();
    expect(errors).toEqual([]);
  }, 420_000);
});
