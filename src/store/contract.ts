/**
 * The store contract suite: every adapter runs these same tests against a real database.
 * `factory` gets a controllable clock so lease expiry is tested without sleeping.
 */
import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import type { NewTask, Store } from './ports.js';

export interface Clock {
  now: number;
}

const task = (id: string, over: Partial<NewTask> = {}): NewTask => ({
  id,
  accountId: 'acc1',
  mode: 'short_drama',
  config: { language: 'zh-CN' },
  episodes: [
    { episode: '1', assetId: 're_1' },
    { episode: '2', assetId: 're_2' },
  ],
  costMicro: 2_000_000,
  totalDurationSeconds: 100,
  concurrency: 100,
  warnings: [],
  idempotencyKey: null,
  requestHash: null,
  ...over,
});

export function runStoreContract(name: string, factory: (clock: Clock) => Promise<Store>): void {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    const clock: Clock = { now: 1_000_000 };
    beforeEach(async () => {
      clock.now = 1_000_000;
      store = await factory(clock);
      await store.createAccount('acc1', 'one');
      await store.createAccount('acc2', 'two');
      await store.appendLedger('acc1', 10_000_000, 'topup', null, 'test');
    });
    afterEach(async () => {
      await store.close();
    });

    it('keeps a ledger that never goes below zero', async () => {
      const r = await store.appendLedger('acc2', -1, 'download', null, 'x');
      expect(r.ok).toBe(false);
      const ok = await store.appendLedger('acc1', -3_000_000, 'download', null, 'x');
      expect(ok.ok && ok.entry.balanceAfterMicro).toBe(7_000_000);
      expect((await store.getAccount('acc1'))?.balanceMicro).toBe(7_000_000);
      expect((await store.listLedger('acc1', 10)).map((e) => e.amountMicro)).toEqual([
        -3_000_000, 10_000_000,
      ]);
    });

    it('charges at task creation and refuses when the balance is short, writing nothing', async () => {
      const r = await store.createTask(task('t1'));
      expect(r.kind).toBe('created');
      expect((await store.getAccount('acc1'))?.balanceMicro).toBe(8_000_000);
      const short = await store.createTask(task('t2', { costMicro: 9_000_000 }));
      expect(short).toEqual({ kind: 'insufficient_balance', balanceMicro: 8_000_000 });
      expect(await store.getTask('t2')).toBeNull();
      expect(await store.listJobs('t2')).toEqual([]);
    });

    it('replays an idempotent submit and rejects a different body under the same key', async () => {
      const a = await store.createTask(task('t1', { idempotencyKey: 'k', requestHash: 'h1' }));
      const b = await store.createTask(task('t2', { idempotencyKey: 'k', requestHash: 'h1' }));
      expect(a.kind).toBe('created');
      expect(b.kind === 'replayed' && b.task.id).toBe('t1');
      expect((await store.createTask(task('t3', { idempotencyKey: 'k', requestHash: 'h2' }))).kind).toBe(
        'idempotency_conflict',
      );
      expect((await store.getAccount('acc1'))?.balanceMicro).toBe(8_000_000);
    });

    it('claims honouring concurrency, completes episodes, then runs the series step', async () => {
      await store.createTask(task('t1', { concurrency: 1 }));
      const j1 = await store.claimNext('w1', 10_000);
      expect(j1?.episode).toBe('1');
      expect((await store.getTask('t1'))?.status).toBe('running');
      expect(await store.claimNext('w2', 10_000)).toBeNull();
      expect((await store.completeJob({ jobId: j1!.id, workerId: 'w1' })).applied).toBe(true);
      const j2 = await store.claimNext('w2', 10_000);
      expect(j2?.episode).toBe('2');
      await store.completeJob({ jobId: j2!.id, workerId: 'w2' });
      const s = await store.claimNext('w1', 10_000);
      expect(s?.kind).toBe('series');
      const out = await store.completeJob({ jobId: s!.id, workerId: 'w1' });
      expect(out.taskStatus).toBe('completed');
      expect(await store.claimNext('w1', 10_000)).toBeNull();
    });

    it('reclaims an expired lease and refuses the old worker', async () => {
      await store.createTask(task('t1', { episodes: [{ episode: '1', assetId: 're_1' }] }));
      const j = await store.claimNext('w1', 1000);
      expect(await store.heartbeat(j!.id, 'w1', 1000)).toBe(true);
      clock.now += 1500;
      const again = await store.claimNext('w2', 1000);
      expect(again?.id).toBe(j!.id);
      expect(again?.attempts).toBe(2);
      expect(await store.heartbeat(j!.id, 'w1', 1000)).toBe(false);
      expect((await store.completeJob({ jobId: j!.id, workerId: 'w1' })).applied).toBe(false);
      expect((await store.completeJob({ jobId: j!.id, workerId: 'w2' })).applied).toBe(true);
    });

    it("expires a dead worker's lease on request so the job is claimed again at once", async () => {
      await store.createTask(task('t1', { episodes: [{ episode: '1', assetId: 're_1' }] }));
      const j = await store.claimNext('host:1:a', 60_000);
      expect((await store.listLeasedJobs()).map((x) => x.workerId)).toEqual(['host:1:a']);
      expect(await store.claimNext('host:2:b', 60_000)).toBeNull();
      expect(await store.expireLease(j!.id, 'someone-else')).toBe(false);
      expect(await store.expireLease(j!.id, 'host:1:a')).toBe(true);
      expect((await store.claimNext('host:2:b', 60_000))?.id).toBe(j!.id);
    });

    it('retries retryable failures with backoff, then fails the task naming the episode', async () => {
      await store.createTask(task('t1'));
      const j1 = await store.claimNext('w', 10_000);
      const j2 = await store.claimNext('w', 10_000);
      await store.completeJob({ jobId: j2!.id, workerId: 'w' });
      const f = {
        jobId: j1!.id,
        workerId: 'w',
        code: 'EPISODE_FAILED',
        message: 'boom',
        maxAttempts: 2,
        backoffMs: 500,
      };
      await store.failJob({ ...f, retryable: true });
      expect(await store.claimNext('w', 10_000)).toBeNull();
      clock.now += 600;
      const retry = await store.claimNext('w', 10_000);
      expect(retry?.id).toBe(j1!.id);
      const out = await store.failJob({ ...f, retryable: true });
      expect(out.taskStatus).toBe('failed');
      const t = await store.getTask('t1');
      expect(t?.errorCode).toBe('EPISODE_FAILED');
      expect(t?.errorMessage).toContain('episode 1: boom');
    });

    it('cancels pending/running tasks only, stopping their jobs', async () => {
      await store.createTask(task('t1'));
      const j = await store.claimNext('w', 10_000);
      expect(await store.requestCancel('t1', 'acc2')).toEqual({ cancelled: false, status: null });
      expect(await store.requestCancel('t1', 'acc1')).toEqual({ cancelled: true, status: 'cancelled' });
      expect(await store.heartbeat(j!.id, 'w', 10_000)).toBe(false);
      expect(await store.isJobActive(j!.id, 'w')).toBe(false);
      expect((await store.completeJob({ jobId: j!.id, workerId: 'w' })).applied).toBe(false);
      expect(await store.claimNext('w', 10_000)).toBeNull();
      expect(await store.requestCancel('t1', 'acc1')).toEqual({ cancelled: false, status: 'cancelled' });
      expect((await store.listJobs('t1')).map((x) => x.state)).toEqual(['cancelled', 'cancelled']);
    });

    it('lists tasks per account with a status filter and cursor pagination', async () => {
      for (let i = 0; i < 5; i++) {
        clock.now += 10;
        await store.createTask(task(`t${i}`, { costMicro: 1 }));
      }
      const p1 = await store.listTasks({ accountId: 'acc1', limit: 2 });
      expect(p1.tasks.map((t) => t.id)).toEqual(['t4', 't3']);
      const p2 = await store.listTasks({ accountId: 'acc1', limit: 2, cursor: p1.nextCursor! });
      expect(p2.tasks.map((t) => t.id)).toEqual(['t2', 't1']);
      const p3 = await store.listTasks({ accountId: 'acc1', limit: 2, cursor: p2.nextCursor! });
      expect(p3.tasks.map((t) => t.id)).toEqual(['t0']);
      expect(p3.nextCursor).toBeNull();
      expect((await store.listTasks({ accountId: 'acc2', limit: 10 })).tasks).toEqual([]);
      await store.requestCancel('t2', 'acc1');
      expect(
        (await store.listTasks({ accountId: 'acc1', limit: 10, status: 'cancelled' })).tasks.map((t) => t.id),
      ).toEqual(['t2']);
    });

    it('queues exactly one webhook delivery per terminal state, leased to one deliverer', async () => {
      await store.createTask(task('t0', { episodes: [{ episode: '1', assetId: 're_1' }] }));
      await store.requestCancel('t0', 'acc1');
      expect(await store.claimDueDelivery(1000)).toBeNull();
      await store.setWebhook('acc1', 'https://example.test/hook', 'secret-1');
      expect(await store.getWebhook('acc1')).toMatchObject({
        url: 'https://example.test/hook',
        secret: 'secret-1',
      });
      await store.createTask(task('t1', { episodes: [{ episode: '1', assetId: 're_1' }] }));
      await store.createTask(task('t2', { episodes: [{ episode: '1', assetId: 're_1' }] }));
      await store.requestCancel('t1', 'acc1');
      await store.requestCancel('t1', 'acc1');
      const j = await store.claimNext('w', 10_000);
      await store.failJob({
        jobId: j!.id,
        workerId: 'w',
        code: 'X',
        message: 'x',
        retryable: false,
        maxAttempts: 1,
        backoffMs: 0,
      });
      const d1 = await store.claimDueDelivery(1000);
      const d2 = await store.claimDueDelivery(1000);
      expect(await store.claimDueDelivery(1000)).toBeNull();
      expect([d1?.event, d2?.event].sort()).toEqual(['cancelled', 'failed']);
      await store.recordDeliveryAttempt(d1!.id, {
        ok: false,
        at: clock.now,
        url: 'u',
        status: 500,
        error: 'HTTP 500',
        durationMs: 3,
        nextAttemptAt: clock.now + 5000,
      });
      await store.recordDeliveryAttempt(d2!.id, {
        ok: true,
        at: clock.now,
        url: 'u',
        status: 200,
        error: null,
        durationMs: 4,
        nextAttemptAt: null,
      });
      expect(await store.claimDueDelivery(1000)).toBeNull();
      clock.now += 5000;
      const again = await store.claimDueDelivery(1000);
      expect(again?.id).toBe(d1!.id);
      await store.recordDeliveryAttempt(again!.id, {
        ok: true,
        at: clock.now,
        url: 'u',
        status: 204,
        error: null,
        durationMs: 2,
        nextAttemptAt: null,
      });
      const list = await store.listDeliveries('acc1', 10);
      expect(list.map((d) => [d.taskId, d.event, d.state, d.attempts])).toEqual([
        ['t2', 'failed', 'delivered', 1],
        ['t1', 'cancelled', 'delivered', 2],
      ]);
      expect(list[1]!.history.map((h) => h.status)).toEqual([500, 204]);
      expect(await store.listDeliveries('acc2', 10)).toEqual([]);
    });

    // Concurrency: with PostgreSQL these calls really overlap (one pool, several connections).
    it('never overdraws or double-charges under concurrent submits', async () => {
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => store.createTask(task(`t${i}`, { costMicro: 2_000_000 }))),
      );
      expect(results.filter((r) => r.kind === 'created').length).toBe(5);
      expect(results.filter((r) => r.kind === 'insufficient_balance').length).toBe(3);
      expect((await store.getAccount('acc1'))?.balanceMicro).toBe(0);
      const same = await Promise.all(
        Array.from({ length: 4 }, (_, i) =>
          store.createTask(
            task(`k${i}`, { accountId: 'acc2', costMicro: 0, idempotencyKey: 'k', requestHash: 'h' }),
          ),
        ),
      );
      expect(same.map((r) => r.kind).sort()).toEqual(['created', 'replayed', 'replayed', 'replayed']);
      expect((await store.listTasks({ accountId: 'acc2', limit: 10 })).tasks.length).toBe(1);
    });

    it("holds each task's concurrency under concurrent claimers", async () => {
      const episodes = Array.from({ length: 6 }, (_, i) => ({ episode: String(i + 1), assetId: 're_1' }));
      await store.createTask(task('t1', { episodes, concurrency: 2 }));
      const first = await Promise.all(Array.from({ length: 6 }, (_, i) => store.claimNext(`w${i}`, 10_000)));
      const got = first.filter((j) => j !== null);
      expect(got.length).toBeGreaterThanOrEqual(1);
      expect(got.length).toBeLessThanOrEqual(2);
      while (await store.claimNext('late', 10_000));
      const jobs = await store.listJobs('t1');
      expect(jobs.filter((j) => j.state === 'running').length).toBe(2);
      expect(new Set(jobs.filter((j) => j.state === 'running').map((j) => j.id)).size).toBe(2);
    });

    it('summarises the jobs of several tasks in one call', async () => {
      const episodes = ['1', '2', '3'].map((episode) => ({ episode, assetId: 're_1' }));
      await store.createTask(task('t1', { episodes, concurrency: 2 }));
      const a = (await store.claimNext('w', 10_000))!;
      const b = (await store.claimNext('w', 10_000))!;
      expect([a.taskId, b.taskId]).toEqual(['t1', 't1']);
      await store.completeJob({ jobId: a.id, workerId: 'w' });
      await store.recordProgress(b.id, 'w', 'faces', 0.5);
      await store.createTask(task('t2', { episodes: [{ episode: '1', assetId: 're_1' }] }));
      let c = await store.claimNext('w', 10_000);
      while (c && c.taskId !== 't2') c = await store.claimNext('w', 10_000);
      const fail = { workerId: 'w', code: 'MEDIA_INVALID', message: 'bad', retryable: false };
      await store.failJob({ jobId: c!.id, ...fail, maxAttempts: 3, backoffMs: 0 });
      await store.createTask(task('t3', { episodes: [{ episode: '1', assetId: 're_1' }] }));
      let d = await store.claimNext('w', 10_000);
      while (d && d.taskId !== 't3') d = await store.claimNext('w', 10_000);
      await store.completeJob({ jobId: d!.id, workerId: 'w' });
      expect((await store.summariseJobs(['t3'])).get('t3')).toEqual({
        episodes: 1,
        done: 1,
        failed: 0,
        running: 0,
        progressSum: 1,
        series: { state: 'queued', stage: null, progress: 0 },
      });
      const s = await store.summariseJobs(['t2', 't1', 'nope']);
      expect([...s.keys()]).toEqual(['t2', 't1', 'nope']);
      // The loops above also claimed t1's third episode once a slot was free: two running.
      expect(s.get('t1')).toMatchObject({ episodes: 3, done: 1, failed: 0, running: 2, series: null });
      expect(s.get('t1')?.progressSum).toBeCloseTo(1.5, 6);
      expect(s.get('t2')).toMatchObject({ episodes: 1, done: 0, failed: 1, running: 0, progressSum: 0 });
      expect(s.get('nope')).toEqual({
        episodes: 0,
        done: 0,
        failed: 0,
        running: 0,
        progressSum: 0,
        series: null,
      });
      expect((await store.summariseJobs([])).size).toBe(0);
    });

    it('enqueues the series step once when the last episodes finish together', async () => {
      const ids = ['t1', 't2', 't3', 't4'];
      for (const id of ids) await store.createTask(task(id, { costMicro: 1 }));
      const claimed = [];
      for (let i = 0; i < 8; i++) claimed.push((await store.claimNext(`w${i}`, 10_000))!);
      await Promise.all(claimed.map((j) => store.completeJob({ jobId: j.id, workerId: j.workerId! })));
      for (const id of ids) {
        const jobs = await store.listJobs(id);
        expect(jobs.map((j) => `${j.kind}:${j.state}`)).toEqual([
          'episode:done',
          'episode:done',
          'series:queued',
        ]);
      }
      expect((await store.claimNext('w', 10_000))?.kind).toBe('series');
    });

    it('scopes assets to their account', async () => {
      const base = {
        originalFilename: 'a.mp4',
        extension: 'mp4',
        fileSize: 10,
        path: '/x',
        uploadStatus: 'SUCCESS' as const,
        failureCode: null,
        failureReason: null,
        kind: 'video' as const,
        durationSeconds: 3,
        width: 1,
        height: 1,
        hasAudio: false,
        createdAt: 1,
        modifiedAt: 1,
      };
      await store.insertAsset({ ...base, id: 're_1', accountId: 'acc1' });
      expect(await store.getAsset('re_1', 'acc2')).toBeNull();
      expect((await store.getAsset('re_1', 'acc1'))?.durationSeconds).toBe(3);
      await store.updateAsset('re_1', { uploadStatus: 'FAILED', failureReason: 'bad', hasAudio: true });
      expect(await store.getAsset('re_1', 'acc1')).toMatchObject({
        uploadStatus: 'FAILED',
        failureReason: 'bad',
        hasAudio: true,
      });
      expect(await store.deleteAsset('re_1', 'acc2')).toBe(false);
      expect(await store.deleteAsset('re_1', 'acc1')).toBe(true);
      expect(await store.getAsset('re_1', 'acc1')).toBeNull();
    });
  });
}
