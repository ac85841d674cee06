import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createImageProxy, type ImageProxyOptions } from './image-proxy.ts';

const PNG_BYTES = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const servers: Server[] = [];

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const s = createServer(handler);
  servers.push(s);
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => { s.closeAllConnections(); s.close(() => resolve()); })));
});

/** A server with only the proxy on it; returns its base URL. */
function proxyServer(opts: ImageProxyOptions): Promise<string> {
  const proxy = createImageProxy(opts);
  return listen((req, res) => {
    if (!proxy(req, res)) {
      res.writeHead(418);
      res.end();
    }
  });
}

async function ask(base: string, target: string): Promise<{ status: number; body: Buffer; res: Response }> {
  const res = await fetch(`${base}/proxy/image?url=${encodeURIComponent(target)}`);
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()), res };
}

const errorOf = (b: Buffer): { code: string; message: string } => (JSON.parse(b.toString()) as { error: { code: string; message: string } }).error;

/** An injected fetch answering from a table of URL → Response factories, recording the URLs asked. */
function fakeFetch(table: Record<string, () => Response>, asked: string[] = []): typeof fetch {
  return (async (input: string | URL | Request) => {
    const url = input instanceof Request ? input.url : String(input);
    asked.push(url);
    const make = table[url];
    if (!make) throw new Error(`unexpected fetch ${url}`);
    return make();
  }) as typeof fetch;
}

const CDN = 'https://p16-sign.tiktokcdn-us.com/avatar.webp';

describe('image proxy (injected fetch)', () => {
  it('proxies a TikTok CDN image with CORS and caches it by URL', async () => {
    const asked: string[] = [];
    const base = await proxyServer({ fetchImpl: fakeFetch({ [CDN]: () => new Response(PNG_BYTES, { headers: { 'content-type': 'image/webp' } }) }, asked) });
    const a = await ask(base, CDN);
    expect(a.status).toBe(200);
    expect(a.body.equals(PNG_BYTES)).toBe(true);
    expect(a.res.headers.get('content-type')).toBe('image/webp');
    expect(a.res.headers.get('access-control-allow-origin')).toBe('*');
    await ask(base, CDN);
    expect(asked).toEqual([CDN]);
  });

  it('refuses hosts off the allowlist with 403 naming the allowed hosts', async () => {
    const base = await proxyServer({ fetchImpl: fakeFetch({}) });
    const r = await ask(base, 'https://evil.example.com/x.png');
    expect(r.status).toBe(403);
    expect(errorOf(r.body).code).toBe('E_HOST_NOT_ALLOWED');
    expect(errorOf(r.body).message).toMatch(/^host "evil.example.com" is not allowed; allowed hosts match .*tiktokcdn\\.com/);
    expect((await ask(base, 'https://tiktokcdn.com.evil.example/x.png')).status).toBe(403);
  });

  it('refuses non-https and malformed URLs with 400', async () => {
    const base = await proxyServer({ fetchImpl: fakeFetch({}) });
    const plain = await ask(base, 'http://p16-sign.tiktokcdn-us.com/a.png');
    expect([plain.status, errorOf(plain.body).message]).toEqual([400, 'only https URLs are proxied, got http://p16-sign.tiktokcdn-us.com']);
    expect((await ask(base, 'not a url')).status).toBe(400);
    const missing = await fetch(`${base}/proxy/image`);
    expect(missing.status).toBe(400);
  });

  it('checks every redirect hop: a redirect off the allowlist is refused, not followed', async () => {
    const asked: string[] = [];
    const fetchImpl = fakeFetch({ [CDN]: () => new Response(null, { status: 302, headers: { location: 'https://169.254.169.254/latest' } }) }, asked);
    const base = await proxyServer({ fetchImpl });
    const r = await ask(base, CDN);
    expect(r.status).toBe(403);
    expect(errorOf(r.body).message).toContain('(reached by a redirect)');
    expect(asked).toEqual([CDN]);
  });

  it('follows a redirect within the allowlist', async () => {
    const other = 'https://p19-webcast.tiktokcdn.com/gift.png';
    const base = await proxyServer({
      fetchImpl: fakeFetch({
        [CDN]: () => new Response(null, { status: 301, headers: { location: other } }),
        [other]: () => new Response(PNG_BYTES, { headers: { 'content-type': 'image/png' } }),
      }),
    });
    expect((await ask(base, CDN)).status).toBe(200);
  });

  it('answers 502 for a non-image, an upstream error or an oversized body', async () => {
    const html = 'https://a.tiktokcdn.com/page', err = 'https://b.tiktokcdn.com/x.png', big = 'https://c.tiktokcdn.com/big.png';
    const base = await proxyServer({
      maxBytes: 10,
      fetchImpl: fakeFetch({
        [html]: () => new Response('<html>', { headers: { 'content-type': 'text/html' } }),
        [err]: () => new Response('no', { status: 404 }),
        [big]: () => new Response(Buffer.alloc(64), { headers: { 'content-type': 'image/png' } }),
      }),
    });
    const r1 = await ask(base, html);
    expect([r1.status, errorOf(r1.body).message]).toEqual([502, 'a.tiktokcdn.com sent "text/html", not a raster image']);
    expect((await ask(base, err)).status).toBe(502);
    const r3 = await ask(base, big);
    expect([r3.status, errorOf(r3.body).code]).toEqual([502, 'E_UPSTREAM']);
  });

  it('answers 504 when the CDN is too slow', async () => {
    const slow: typeof fetch = (async (_u: string | URL | Request, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))))) as typeof fetch;
    const base = await proxyServer({ fetchImpl: slow, timeoutMs: 50 });
    const r = await ask(base, CDN);
    expect([r.status, errorOf(r.body).code]).toEqual([504, 'E_TIMEOUT']);
  });

  it('leaves other paths alone', async () => {
    const base = await proxyServer({ fetchImpl: fakeFetch({}) });
    expect((await fetch(`${base}/proxy/other`)).status).toBe(418);
  });
});

describe('image proxy (real local http server, allowlist overridden)', () => {
  it('fetches a real image, streams the size cap, and refuses a redirect to a host off the allowlist', async () => {
    const cdn = await listen((req, res) => {
      if (req.url === '/a.png') {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(PNG_BYTES);
      } else if (req.url === '/huge.png') {
        res.writeHead(200, { 'content-type': 'image/png' }); // no content-length: chunked, so the cap is checked while reading
        res.write(Buffer.alloc(4096));
        res.end(Buffer.alloc(4096));
      } else if (req.url === '/away') {
        res.writeHead(302, { location: 'http://localhost:1/elsewhere.png' });
        res.end();
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    const base = await proxyServer({ allowHosts: [/^127\.0\.0\.1$/], allowHttp: true, maxBytes: 5000 });
    const ok = await ask(base, `${cdn}/a.png`);
    expect([ok.status, ok.body.equals(PNG_BYTES)]).toEqual([200, true]);
    expect((await ask(base, `${cdn}/huge.png`)).status).toBe(502);
    const away = await ask(base, `${cdn}/away`);
    expect([away.status, errorOf(away.body).code]).toEqual([403, 'E_HOST_NOT_ALLOWED']);
    expect((await ask(base, `${cdn}/missing.png`)).status).toBe(502);
  });
});
