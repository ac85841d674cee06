import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

const COOKIE = 'tiksim_token';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** decodeURIComponent that answers undefined for a malformed escape instead of throwing. */
export function safeDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

/** The token a request carries: `?token=`, `Authorization: Bearer`, or the cookie set by an earlier authorised page load. */
export function requestToken(req: IncomingMessage): string | undefined {
  const url = new URL(req.url ?? '/', 'http://x');
  const q = url.searchParams.get('token');
  if (q) return q;
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  const cookie = req.headers.cookie;
  if (cookie) {
    for (const part of cookie.split(';')) {
      const [k, ...v] = part.trim().split('=');
      if (k === COOKIE) return safeDecode(v.join('='));
    }
  }
  return undefined;
}

/**
 * True when the server needs no token or the request carries the right one. A page opened with `?token=` gets a
 * cookie so the images and API calls it makes afterwards are authorised too.
 */
export function authorize(req: IncomingMessage, token: string | undefined, res?: ServerResponse): boolean {
  if (!token) return true;
  const got = requestToken(req);
  if (!got || !same(got, token)) return false;
  if (res && new URL(req.url ?? '/', 'http://x').searchParams.has('token')) {
    res.setHeader('set-cookie', `${COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`);
  }
  return true;
}

/** True for addresses that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
