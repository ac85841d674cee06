import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createImageProxy } from '../../simulator/server/image-proxy.ts';
import { SECURITY_PROBES } from './security-cases.ts';

describe('what a web page of another origin or a shared recording must not get through (issue 11)', () => {
  for (const p of SECURITY_PROBES) it(p.name, () => p.run());

  it('the image proxy caches by bytes as well as entries: big images evict old ones', async () => {
    let fetches = 0;
    const image = Buffer.alloc(400 * 1024, 1);
    const fetchImpl = (async () => {
      fetches++;
      return new Response(image, { status: 200, headers: { 'content-type': 'image/png' } });
    }) as typeof fetch;
    const proxy = createImageProxy({ fetchImpl, cacheBytes: 1024 * 1024, cacheEntries: 256 });
    const server = createServer((req, res) => void proxy(req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const get = (n: number) => fetch(`http://127.0.0.1:${port}/proxy/image?url=${encodeURIComponent(`https://p16-sign.tiktokcdn.com/${n}.png`)}`).then((r) => r.arrayBuffer());
    try {
      for (let i = 0; i < 5; i++) await get(i); // 2 MB through a 1 MB cache
      expect(fetches).toBe(5);
      await get(4); // the newest is still cached
      expect(fetches).toBe(5);
      await get(0); // the oldest was evicted for bytes, long before 256 entries
      expect(fetches).toBe(6);
    } finally {
      server.close();
    }
  });
});
