import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './deliverer.js';
import { signPayload, verifySignature } from './sign.js';
import { checkWebhookUrl, isPrivateAddress } from './target.js';

describe('webhook targets', () => {
  it('recognises private, loopback and reserved addresses', () => {
    for (const ip of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      'not-an-ip',
    ]) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
    for (const ip of ['8.8.8.8', '172.32.0.1', '1.1.1.1', '2001:4860:4860::8888', '::ffff:8.8.8.8'])
      expect(isPrivateAddress(ip), ip).toBe(false);
  });
  it('refuses bad schemes, credentials and private hosts unless allowed', () => {
    expect(checkWebhookUrl('ftp://x.example/', false)).toMatchObject({ ok: false });
    expect(checkWebhookUrl('https://u:p@x.example/', false)).toMatchObject({ ok: false });
    expect(checkWebhookUrl('http://127.0.0.1:9/hook', false)).toMatchObject({
      ok: false,
      reason: 'private and loopback addresses are not allowed',
    });
    expect(checkWebhookUrl('http://localhost/hook', false)).toMatchObject({ ok: false });
    expect(checkWebhookUrl('http://[::1]/hook', false)).toMatchObject({ ok: false });
    expect(checkWebhookUrl('http://127.0.0.1:9/hook', true)).toMatchObject({ ok: true });
    expect(checkWebhookUrl('https://hooks.example.com/x', false)).toMatchObject({ ok: true });
    expect(checkWebhookUrl('nonsense', true)).toMatchObject({ ok: false, reason: 'not a valid URL' });
  });
});

describe('webhook retries and signatures', () => {
  it('backs off exponentially with bounded jitter, capped at 30 minutes, spanning over an hour in 12 attempts', () => {
    expect(retryDelayMs(1, 10_000, 0.5)).toBe(10_000);
    expect(retryDelayMs(3, 10_000, 0.5)).toBe(40_000);
    expect(retryDelayMs(3, 10_000, 0)).toBe(32_000);
    expect(retryDelayMs(3, 10_000, 1)).toBe(48_000);
    expect(retryDelayMs(30, 10_000, 0.5)).toBe(30 * 60 * 1000);
    const total = Array.from({ length: 11 }, (_, i) => retryDelayMs(i + 1, 10_000, 0)).reduce(
      (a, b) => a + b,
      0,
    );
    expect(total).toBeGreaterThan(3600_000);
  });
  it('signs timestamp + body and verifies only fresh, untampered payloads', () => {
    const sig = signPayload('s3cret', 1700000000, '{"a":1}');
    expect(sig).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(verifySignature('s3cret', '1700000000', '{"a":1}', sig, 300, 1700000100)).toBe(true);
    expect(verifySignature('s3cret', '1700000000', '{"a":2}', sig, 300, 1700000100)).toBe(false);
    expect(verifySignature('other', '1700000000', '{"a":1}', sig, 300, 1700000100)).toBe(false);
    expect(verifySignature('s3cret', '1700000000', '{"a":1}', sig, 300, 1700009999)).toBe(false);
  });
});
