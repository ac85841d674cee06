/**
 * Standard Webhooks signing (standard-webhooks v1.0.0, see shared/reference/WEBHOOKS.md): a `whsec_` secret per
 * endpoint whose base64 part is the HMAC key, and `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` over the exact
 * bytes sent. Receivers verify it with the `standardwebhooks` or `svix` packages.
 */
import { createHmac, randomBytes } from 'node:crypto';

/** The prefix every secret carries. */
export const SECRET_PREFIX = 'whsec_';

/** Random bytes in a generated secret (the specification allows 24 to 64). */
const SECRET_BYTES = 32;

/** A fresh secret: `whsec_` + base64 of 32 random bytes. */
export function generateSecret(): string {
  return SECRET_PREFIX + randomBytes(SECRET_BYTES).toString('base64');
}

/** Why a secret given by a user cannot be used, or null when it can. */
export function secretProblem(secret: string): string | null {
  if (!secret.startsWith(SECRET_PREFIX)) return `a webhook secret starts with "${SECRET_PREFIX}" (Standard Webhooks); omit it to have one generated`;
  const b64 = secret.slice(SECRET_PREFIX.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64) || b64.length % 4 !== 0) return `the part after "${SECRET_PREFIX}" must be base64 (24 to 64 random bytes)`;
  const n = Buffer.from(b64, 'base64').length;
  if (n < 24 || n > 64) return `the secret decodes to ${n} bytes; Standard Webhooks secrets hold 24 to 64 random bytes`;
  return null;
}

/** The HMAC key of a `whsec_` secret. */
function keyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64');
}

/**
 * One signature, `v1,<base64>`, over `${id}.${timestampS}.${body}`.
 * @example sign('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}')
 */
export function sign(secret: string, id: string, timestampS: number, body: string | Buffer): string {
  const mac = createHmac('sha256', keyOf(secret));
  mac.update(`${id}.${timestampS}.`);
  mac.update(body);
  return `v1,${mac.digest('base64')}`;
}

/** The three headers of a signed delivery. */
export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** Headers for `body` sent now (`timestampS`), signed with each secret (several during key rotation). */
export function signedHeaders(secrets: readonly string[], id: string, timestampS: number, body: string | Buffer): SignedHeaders {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestampS),
    'webhook-signature': secrets.map((s) => sign(s, id, timestampS, body)).join(' '),
  };
}
