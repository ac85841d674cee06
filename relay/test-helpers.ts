/**
 * A webhook receiver for tests: a plain node:http server on 127.0.0.1 that verifies every delivery with the
 * standardwebhooks package and answers what the test scripts (a status per request, Retry-After, a delay).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One request the receiver got. */
export interface Got {
  at: number;
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  /** True when standardwebhooks verified it with the receiver's secret. */
  verified: boolean;
  path: string;
}

/** What to answer one request: a status, optional headers, an optional delay before answering. */
export interface Answer {
  status: number;
  headers?: Record<string, string>;
  delayMs?: number;
}

export interface TestReceiver {
  url: string;
  got: Got[];
  /** Chooses the answer of each request (default 204). */
  answer: (g: Got, n: number) => Answer;
  /** Resolves once `pred` holds. */
  until(pred: (got: Got[]) => boolean, what: string, ms?: number): Promise<void>;
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

/** Starts a receiver verifying with `secret` (null: verify nothing). */
export async function startTestReceiver(secret: string | null): Promise<TestReceiver> {
  const wh = secret ? new Webhook(secret) : null;
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const h = (n: string) => String(req.headers[n] ?? '');
    let verified = false;
    if (wh) {
      try {
        wh.verify(body, { 'webhook-id': h('webhook-id'), 'webhook-timestamp': h('webhook-timestamp'), 'webhook-signature': h('webhook-signature') });
        verified = true;
      } catch {
        verified = false;
      }
    }
    const g: Got = { at: Date.now(), id: h('webhook-id'), timestamp: h('webhook-timestamp'), signature: h('webhook-signature'), body, verified, path: req.url ?? '/' };
    r.got.push(g);
    const a = r.answer(g, r.got.length);
    const send = () => {
      res.writeHead(a.status, a.headers ?? {});
      res.end();
    };
    if (a.delayMs) setTimeout(send, a.delayMs);
    else send();
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const r: TestReceiver = {
    url: `http://127.0.0.1:${port}/hook`,
    got: [],
    answer: () => ({ status: 204 }),
    async until(pred, what, ms = 10_000) {
      const end = Date.now() + ms;
      while (!pred(r.got)) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what} (got ${r.got.length} requests)`);
        await new Promise((res) => setTimeout(res, 5));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return r;
}
