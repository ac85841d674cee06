/**
 * GET /proxy/image?url=<encoded https URL>: fetches an image from TikTok's CDN for overlays that need readable pixels
 * (CORS) and caches it. Never an open proxy: https only, hosts on an allowlist, redirects followed by hand with the
 * same checks at every hop, only image content types, a size cap and a timeout.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Lru } from '../media/lru.ts';
import { sendError } from '../api/http.ts';
import { TIKTOK_CDN_HOSTS } from '../../protocol/cdn-hosts.ts';
import { readCapped } from '../../recorder/read-capped.ts';
import type { ErrorCode } from '../../protocol/errors.ts';

/** Options of the image proxy. */
export interface ImageProxyOptions {
  /** Hostnames allowed (each must match the whole hostname). Default DEFAULT_ALLOWED_HOSTS. */
  allowHosts?: RegExp[];
  /** Injected fetch (tests). Default globalThis.fetch. */
  fetchImpl?: typeof fetch;
  /** Largest image accepted, bytes (default 5 MiB). */
  maxBytes?: number;
  /** Most bytes of images cached (default 32 MiB): 256 images of the 5 MiB cap would be over a gigabyte. */
  cacheBytes?: number;
  /** Most images cached (default 256). */
  cacheEntries?: number;
  /** Per-request timeout, ms (default 8000). */
  timeoutMs?: number;
  /** Allow http:// URLs too (tests against a local server only). Default false. */
  allowHttp?: boolean;
}

/**
 * TikTok's image CDNs, as seen in real frames (profilePictureUrl p16-sign.tiktokcdn-us.com,
 * p16-pu-sign-useast8.tiktokcdn-us.com; giftPictureUrl p16/p19-webcast.tiktokcdn.com) plus TikTok's other regional
 * and ByteDance image hosts.
 */
export const DEFAULT_ALLOWED_HOSTS: RegExp[] = [...TIKTOK_CDN_HOSTS];

/** Redirects followed at most. */
const MAX_HOPS = 3;

/** The proxy's codes (E_BAD_URL, E_HOST_NOT_ALLOWED, E_UPSTREAM, E_TIMEOUT, E_METHOD) are in protocol/errors.ts. */
type ProxyCode = ErrorCode;

class ProxyError extends Error {
  constructor(readonly status: number, readonly code: ProxyCode, message: string) {
    super(message);
  }
}

interface Cached { bytes: Buffer; type: string }

function sendProxyError(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  sendError(res, { status, code, message }, { 'access-control-allow-origin': '*' });
}


/**
 * Handles GET /proxy/image?url=...; returns false for other paths.
 * @example const proxy = createImageProxy(); if (proxy(req, res)) return;
 */
export function createImageProxy(opts: ImageProxyOptions = {}): (req: IncomingMessage, res: ServerResponse) => boolean {
  const allow = opts.allowHosts ?? DEFAULT_ALLOWED_HOSTS;
  const fetchImpl = opts.fetchImpl ?? globalThis.fetch;
  const maxBytes = opts.maxBytes ?? 5 * 1024 * 1024;
  const timeoutMs = opts.timeoutMs ?? 8000;
  const cache = new Lru<string, Cached>(opts.cacheEntries ?? 256, (c) => c.bytes.length, opts.cacheBytes ?? 32 * 1024 * 1024);
  const inflight = new Map<string, Promise<Cached>>();
  const allowedText = allow.map((r) => r.source).join(', ');

  /** Parses and checks one URL (the request's, or a redirect's). */
  function check(raw: string, base?: URL): URL {
    let url: URL;
    try {
      url = new URL(raw, base);
    } catch {
      throw new ProxyError(400, 'E_BAD_URL', `"${raw}" is not a URL; pass ?url=<encoded https URL of a TikTok CDN image>`);
    }
    if (url.protocol !== 'https:' && !(opts.allowHttp && url.protocol === 'http:')) {
      throw new ProxyError(base ? 403 : 400, base ? 'E_HOST_NOT_ALLOWED' : 'E_BAD_URL', `only https URLs are proxied, got ${url.protocol}//${url.host}`);
    }
    if (url.username || url.password) throw new ProxyError(400, 'E_BAD_URL', 'URLs with credentials are not proxied');
    const host = url.hostname.toLowerCase();
    if (!allow.some((r) => r.test(host))) {
      throw new ProxyError(403, 'E_HOST_NOT_ALLOWED', `host "${host}"${base ? ' (reached by a redirect)' : ''} is not allowed; allowed hosts match ${allowedText}`);
    }
    return url;
  }

  async function fetchImage(first: URL): Promise<Cached> {
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), timeoutMs);
    try {
      let url = first;
      for (let hop = 0; ; hop++) {
        let res: Response;
        try {
          res = await fetchImpl(url, { redirect: 'manual', signal: ctrl.signal, headers: { accept: 'image/*' } });
        } catch (err) {
          if (ctrl.signal.aborted) throw new ProxyError(504, 'E_TIMEOUT', `${url.host} did not answer within ${timeoutMs} ms`);
          throw new ProxyError(502, 'E_UPSTREAM', `could not fetch from ${url.host}: ${(err as Error).message}`);
        }
        if (res.status >= 300 && res.status < 400) {
          const loc = res.headers.get('location');
          await res.body?.cancel().catch(() => undefined);
          if (!loc) throw new ProxyError(502, 'E_UPSTREAM', `${url.host} redirected (${res.status}) without a Location`);
          if (hop + 1 > MAX_HOPS) throw new ProxyError(502, 'E_UPSTREAM', `more than ${MAX_HOPS} redirects`);
          url = check(loc, url);
          continue;
        }
        if (!res.ok) {
          await res.body?.cancel().catch(() => undefined);
          throw new ProxyError(502, 'E_UPSTREAM', `${url.host} answered ${res.status}`);
        }
        const type = (res.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
        if (!type.startsWith('image/') || type === 'image/svg+xml') {
          await res.body?.cancel().catch(() => undefined);
          throw new ProxyError(502, 'E_UPSTREAM', `${url.host} sent "${type || 'no content type'}", not a raster image`);
        }
        try {
          return {
            bytes: await readCapped(res, maxBytes, (declared) => new ProxyError(502, 'E_UPSTREAM', declared === null ? `image is over the ${maxBytes}-byte limit` : `image is ${declared} bytes, over the ${maxBytes}-byte limit`)),
            type,
          };
        } catch (err) {
          if (ctrl.signal.aborted) throw new ProxyError(504, 'E_TIMEOUT', `${url.host} did not finish within ${timeoutMs} ms`);
          throw err;
        }
      }
    } finally {
      clearTimeout(timer);
    }
  }

  async function serve(req: IncomingMessage, res: ServerResponse, reqUrl: URL): Promise<void> {
    const raw = reqUrl.searchParams.get('url');
    if (!raw) throw new ProxyError(400, 'E_BAD_URL', 'missing ?url=<encoded https URL of a TikTok CDN image>');
    const target = check(raw);
    const key = target.href;
    let img = cache.get(key);
    if (!img) {
      let p = inflight.get(key);
      if (!p) {
        p = fetchImage(target).finally(() => inflight.delete(key));
        inflight.set(key, p);
      }
      img = await p;
      cache.set(key, img);
    }
    res.writeHead(200, {
      'content-type': img.type,
      'content-length': img.bytes.length,
      'cache-control': 'public, max-age=3600',
      'access-control-allow-origin': '*',
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : img.bytes);
  }

  return (req, res) => {
    const reqUrl = new URL(req.url ?? '/', 'http://localhost');
    if (reqUrl.pathname !== '/proxy/image') return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      sendProxyError(res, 405, 'E_METHOD', `${req.method} is not allowed on /proxy/image; use GET`);
      return true;
    }
    serve(req, res, reqUrl).catch((err: unknown) => {
      if (err instanceof ProxyError) sendProxyError(res, err.status, err.code, err.message);
      else sendProxyError(res, 502, 'E_UPSTREAM', `proxy failed: ${err instanceof Error ? err.message : String(err)}`);
    });
    return true;
  };
}
