/**
 * The receiver tester against two real node:http receivers at once: a correct one (the standardwebhooks package,
 * plus the id check Standard Webhooks asks for) and a sloppy one that answers 200 to everything.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { generateSecret } from './sign.ts';
import { formatTable, testReceiver } from './tester.ts';

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});

async function serve(handler: (headers: Record<string, string>, body: string) => number): Promise<string> {
  const s = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.writeHead(handler(req.headers as Record<string, string>, Buffer.concat(chunks).toString('utf8')));
      res.end();
    });
  });
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}/hook`;
}

describe('tiksim relay test', () => {
  it('passes a correct receiver on every case and catches a sloppy one', async () => {
    const secret = generateSecret();
    const wh = new Webhook(secret);
    const seen = new Set<string>();
    const good = await serve((h, body) => {
      try {
        wh.verify(body, h);
      } catch {
        return 401;
      }
      if (seen.has(h['webhook-id']!)) return 409;
      seen.add(h['webhook-id']!);
      return 204;
    });
    const sloppy = await serve(() => 200);
    const [g, s] = await Promise.all([testReceiver(good, secret), testReceiver(sloppy, secret)]);
    expect(g.filter((r) => !r.ok)).toEqual([]);
    expect(g.filter((r) => r.case.endsWith('signed correctly'))).toHaveLength(43);
    expect(g.find((r) => r.case.startsWith('key rotation'))).toMatchObject({ expected: 'accept', got: 204, ok: true });
    expect(s.filter((r) => !r.ok).map((r) => r.case)).toEqual([
      'no signature headers',
      'stale timestamp (10 min old, signed)',
      'future timestamp (10 min ahead, signed)',
      'tampered body (one byte changed after signing)',
      'wrong signature (another secret)',
      'duplicate id (a delivery it already accepted, resent)',
    ]);
    expect(formatTable(s)).toMatch(/6 of 50 cases answered wrongly/);
    expect(formatTable(g)).toMatch(/all 50 cases answered as they should/);
  });

  it('a receiver that refuses everything fails the valid deliveries and the rotation', async () => {
    const url = await serve(() => 401);
    const rows = await testReceiver(url, generateSecret());
    expect(rows.filter((r) => !r.ok)).toHaveLength(44);
  });
});
