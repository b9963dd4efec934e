/** HMAC-signed upload URLs: the signature covers asset id and expiry; compared in constant time. */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ServiceDeps } from './deps.js';

function mac(secret: string, assetId: string, expires: number): string {
  return createHmac('sha256', secret).update(`upload:${assetId}:${expires}`).digest('base64url');
}

function secretOf(deps: ServiceDeps): string {
  if (!deps.config.signingSecret) throw new Error('signing secret is not configured');
  return deps.config.signingSecret;
}

export function signUpload(deps: ServiceDeps, assetId: string): { expires: number; sig: string } {
  const expires = Math.floor(deps.now() / 1000) + deps.config.signedUrlTtlSeconds;
  return { expires, sig: mac(secretOf(deps), assetId, expires) };
}

export function verifyUpload(
  deps: ServiceDeps,
  assetId: string,
  expires: string | undefined,
  sig: string | undefined,
): boolean {
  const exp = Number(expires);
  if (!sig || !Number.isInteger(exp) || exp < Math.floor(deps.now() / 1000)) return false;
  const want = Buffer.from(mac(secretOf(deps), assetId, exp));
  const got = Buffer.from(sig);
  return want.length === got.length && timingSafeEqual(want, got);
}
