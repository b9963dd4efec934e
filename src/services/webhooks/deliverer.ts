/**
 * The webhook delivery loop: leases due deliveries from the store (so several processes never
 * send one twice), sends them a few at a time (a hanging receiver cannot stall the others),
 * records every attempt and schedules retries with exponential backoff and jitter. Never throws,
 * and never touches the task itself.
 */
import { toError } from '../../domain/errors.js';
import type { DeliveryRecord } from '../../store/ports.js';
import type { ServiceDeps } from '../deps.js';
import { taskView } from '../task-view.js';
import { sendWebhook } from './send.js';
import { signPayload } from './sign.js';
import { checkWebhookUrl } from './target.js';

const MAX_DELAY_MS = 30 * 60 * 1000;
const IN_FLIGHT = 4;

export function retryDelayMs(attempt: number, baseMs: number, random = Math.random()): number {
  const raw = Math.min(MAX_DELAY_MS, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(raw * (0.8 + 0.4 * random));
}

const OUTCOME = {
  completed: { code: 200, message: 'SUCCESS' },
  failed: { code: 500, message: 'FAILED' },
  cancelled: { code: 499, message: 'CANCELLED' },
} as const;

export class WebhookDeliverer {
  private stopped = false;
  private loop: Promise<void> | null = null;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly deps: ServiceDeps,
    private readonly log: (m: string) => void,
    private readonly pollMs = 250,
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
    await Promise.all([...this.inFlight]);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let claimed: DeliveryRecord | null = null;
      if (this.inFlight.size < IN_FLIGHT) {
        try {
          claimed = await this.deps.store.claimDueDelivery(this.deps.config.webhookTimeoutMs * 2 + 5000);
        } catch (err) {
          this.log(`webhook claim failed: ${toError(err).message}`);
        }
      }
      if (!claimed) {
        await new Promise((r) => setTimeout(r, this.pollMs));
        continue;
      }
      const p: Promise<void> = this.deliver(claimed)
        .catch((err: unknown) => this.log(`webhook delivery ${claimed.id} errored: ${toError(err).message}`))
        .finally(() => this.inFlight.delete(p));
      this.inFlight.add(p);
    }
  }

  private async deliver(d: DeliveryRecord): Promise<void> {
    const { store, config } = this.deps;
    const hook = await store.getWebhook(d.accountId);
    const task = await store.getTask(d.taskId, d.accountId);
    const at = this.deps.now();
    const attemptNo = d.attempts + 1;
    const next =
      attemptNo >= config.webhookMaxAttempts ? null : at + retryDelayMs(attemptNo, config.webhookBaseDelayMs);
    if (!hook || !task) {
      await store.recordDeliveryAttempt(d.id, {
        ok: false,
        at,
        url: hook?.url ?? '',
        status: null,
        error: 'webhook or task no longer exists',
        durationMs: 0,
        nextAttemptAt: null,
      });
      return;
    }
    const target = checkWebhookUrl(hook.url, config.allowPrivateWebhooks);
    if (!target.ok) {
      await store.recordDeliveryAttempt(d.id, {
        ok: false,
        at,
        url: hook.url,
        status: null,
        error: `refused: ${target.reason}`,
        durationMs: 0,
        nextAttemptAt: next,
      });
      return;
    }
    const body = JSON.stringify({
      ...OUTCOME[d.event],
      data: await taskView(this.deps, task),
      task_id: d.taskId,
    });
    const ts = Math.floor(at / 1000);
    const result = await sendWebhook(
      target.url,
      {
        'X-Reelscript-Timestamp': String(ts),
        'X-Reelscript-Signature': signPayload(hook.secret, ts, body),
        'X-Reelscript-Delivery': String(d.id),
        'X-Reelscript-Event': `task.${d.event}`,
      },
      body,
      { timeoutMs: config.webhookTimeoutMs, allowPrivate: config.allowPrivateWebhooks },
    );
    await store.recordDeliveryAttempt(d.id, {
      ...result,
      at,
      url: hook.url,
      nextAttemptAt: result.ok ? null : next,
    });
  }
}
