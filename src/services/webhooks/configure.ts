/** Use cases of the webhook settings: set, read, list deliveries with every attempt. */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../domain/errors.js';
import type { DeliveryRecord } from '../../store/ports.js';
import type { ServiceDeps } from '../deps.js';
import { checkWebhookUrl } from './target.js';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export async function setWebhook(
  deps: ServiceDeps,
  accountId: string,
  input: { url: string; secret?: string | undefined },
) {
  const check = checkWebhookUrl(input.url, deps.config.allowPrivateWebhooks);
  if (!check.ok)
    throw new AppError('INVALID_REQUEST', `Invalid webhook url: ${check.reason}`, { field: 'url' });
  const secret = input.secret ?? `whsec_${randomBytes(24).toString('base64url')}`;
  await deps.store.setWebhook(accountId, check.url.toString(), secret);
  return {
    url: check.url.toString(),
    secret,
    signature_header: 'X-Reelscript-Signature',
    timestamp_header: 'X-Reelscript-Timestamp',
  };
}

export async function getWebhook(deps: ServiceDeps, accountId: string) {
  const hook = await deps.store.getWebhook(accountId);
  return hook
    ? {
        url: hook.url,
        secret_set: true,
        secret_hint: `${hook.secret.slice(0, 8)}…`,
        updated_at: iso(hook.updatedAt),
      }
    : { url: null, secret_set: false };
}

export function deliveryView(d: DeliveryRecord) {
  return {
    id: d.id,
    task_id: d.taskId,
    event: `task.${d.event}`,
    state: d.state,
    attempts: d.attempts,
    next_attempt_at: d.state === 'pending' ? iso(d.nextAttemptAt) : null,
    created_at: iso(d.createdAt),
    delivered_at: iso(d.deliveredAt),
    last_status: d.lastStatus,
    last_error: d.lastError,
    history: d.history.map((h) => ({
      attempt: h.attempt,
      at: iso(h.at),
      url: h.url,
      status: h.status,
      error: h.error,
      duration_ms: h.durationMs,
    })),
  };
}

export async function listDeliveries(deps: ServiceDeps, accountId: string, limit = 50) {
  return { deliveries: (await deps.store.listDeliveries(accountId, limit)).map(deliveryView) };
}
