import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GIFT_CATALOG } from '../../protocol/index.ts';
import { createMediaHandler, decodePng, encodePng, renderAvatar } from './index.ts';

let server: Server;
let base: string;

beforeAll(async () => {
  const media = createMediaHandler({ cacheEntries: 256 });
  server = createServer((req, res) => {
    if (!media(req, res)) {
      res.writeHead(418);
      res.end('not media');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function get(path: string, init?: RequestInit): Promise<{ res: Response; bytes: Buffer }> {
  const res = await fetch(base + path, init);
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

describe('media handler', () => {
  it('serves every kind of image as a valid PNG of the documented size', async () => {
    const cases: [string, number][] = [
      ['/media/avatar/0.png', 200], ['/media/avatar/10000000.png', 200], ['/media/avatar/42.png?v=2', 200],
      ['/media/face/0.png', 256], ['/media/face/1.png', 256], ['/media/face/2.png', 256],
      ['/media/emote/0.png', 96], ['/media/emote/7.png', 96],
      ['/media/badge/top-gifter.png', 64], ['/media/badge/sub_badge.png', 64], ['/media/placeholder.png', 200],
      ...GIFT_CATALOG.map((g): [string, number] => [`/media/gift/${g.id}.png`, 128]),
    ];
    for (const [path, size] of cases) {
      const { res, bytes } = await get(path);
      expect(res.status, path).toBe(200);
      const png = decodePng(bytes);
      expect([png.width, png.height], path).toEqual([size, size]);
    }
  });

  it('returns the same bytes every time, and different pictures for different avatars and gifts', async () => {
    const a = await get('/media/avatar/7.png');
    expect(a.res.status).toBe(200);
    expect(sha(encodePng(renderAvatar(7), true))).toBe(sha(a.bytes));
    expect(sha((await get('/media/avatar/7.png')).bytes)).toBe(sha(a.bytes));
    expect(sha((await get('/media/avatar/8.png')).bytes)).not.toBe(sha(a.bytes));
    expect(sha((await get('/media/avatar/7.png?v=2')).bytes)).not.toBe(sha(a.bytes));
    // Gifts that share a name (two "Gift Box"es at different prices) may share a picture; no two names do.
    const gifts = new Set<string>();
    for (const g of GIFT_CATALOG) gifts.add(sha((await get(`/media/gift/${g.id}.png`)).bytes));
    expect(gifts.size).toBeGreaterThanOrEqual(new Set(GIFT_CATALOG.map((g) => g.name.trim())).size);
    const face0 = decodePng((await get('/media/face/0.png')).bytes);
    const face1 = decodePng((await get('/media/face/1.png')).bytes);
    const px = (img: typeof face0, x: number, y: number): number[] => [...img.data.subarray((y * 256 + x) * 4, (y * 256 + x) * 4 + 4)];
    expect(px(face1, 255 - 30, 100)).toEqual(px(face0, 30, 100));
  });

  it('pins the bytes of a few images (a changed generator must be a deliberate change)', async () => {
    const pinned = Object.fromEntries(await Promise.all(
      ['/media/avatar/1.png', '/media/gift/5655.png', '/media/emote/3.png'].map(async (p) => [p, sha((await get(p)).bytes).slice(0, 16)]),
    ));
    expect(pinned).toMatchSnapshot();
  });

  it('sends image headers: type, cache, ETag, CORS; answers If-None-Match with 304 and HEAD without a body', async () => {
    const { res } = await get('/media/gift/5655.png');
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const etag = res.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    const again = await get('/media/gift/5655.png', { headers: { 'if-none-match': etag ?? '' } });
    expect(again.res.status).toBe(304);
    expect(again.bytes.length).toBe(0);
    const head = await get('/media/gift/5655.png', { method: 'HEAD' });
    expect(head.res.status).toBe(200);
    expect(Number(head.res.headers.get('content-length'))).toBeGreaterThan(100);
  });

  it('answers bad paths with 404 and a JSON error that names the valid choices', async () => {
    const cases: [string, string][] = [
      ['/media/gift/1.png', 'unknown gift id "1"; ids come from the gift catalog (GET /api/gifts), e.g.'],
      ['/media/gift/rose.png', 'unknown gift id "rose"'],
      ['/media/avatar/-1.png', 'avatar "-1" does not exist; avatars are /media/avatar/<0..10000000>.png'],
      ['/media/avatar/10000001.png', 'avatar "10000001" does not exist'],
      ['/media/avatar/01.png', 'avatar "01" does not exist'],
      ['/media/avatar/3.png?v=0', 'avatar variant v="0" does not exist; use ?v=<1..1000>'],
      ['/media/face/3.png', 'face "3" does not exist; faces are /media/face/<0..2>.png'],
      ['/media/emote/8.png', 'emote "8" does not exist; emotes are /media/emote/<0..7>.png'],
      ['/media/nothing.png', 'no media at /media/nothing.png; media paths are /media/avatar/'],
    ];
    for (const [path, message] of cases) {
      const { res, bytes } = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const body = JSON.parse(bytes.toString()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('E_NOT_FOUND');
      expect(body.error.message.startsWith(message), `${path}: ${body.error.message}`).toBe(true);
    }
  });

  it('leaves other paths, and recorded media, to the rest of the server', async () => {
    expect((await get('/api/status')).res.status).toBe(418);
    expect((await get('/media/rec/abc')).res.status).toBe(418);
  });

  it('refuses other methods with 405', async () => {
    const { res } = await get('/media/avatar/1.png', { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });
});
