/** Identifier and secret generation. API keys are random, shown once, stored as SHA-256. */
import { createHash, randomBytes, randomInt } from 'node:crypto';

let lastMillis = 0;
let counter = 0;

/** `re_<digits>` like the upstream: milliseconds, a per-ms counter and random digits. */
export function newAssetId(now = Date.now()): string {
  counter = now === lastMillis ? counter + 1 : 0;
  lastMillis = now;
  return `re_${now}${String(counter % 1000).padStart(3, '0')}${String(randomInt(0, 1000)).padStart(3, '0')}`;
}

/** `ros-sd-YYYYMMDD-<8 hex>` like the upstream. */
export function newTaskId(now = Date.now()): string {
  const d = new Date(now).toISOString().slice(0, 10).replaceAll('-', '');
  return `ros-sd-${d}-${randomBytes(4).toString('hex')}`;
}

export function newApiKey(): { key: string; prefix: string; hash: string } {
  const key = `sk-rs-${randomBytes(24).toString('base64url')}`;
  return { key, prefix: key.slice(0, 12), hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(8).toString('hex')}`;
}
