/**
 * `tiksim relay test <url> --secret whsec_...`: checks a webhook receiver the way the relay will use it. It sends one
 * correctly signed delivery of each of the 43 event types (each must be accepted with a 2xx), then the attacks a
 * receiver must refuse: no signature, a stale and a future timestamp (libraries allow 5 minutes), a tampered body, a
 * signature made with another secret, a message id it has already seen; and a key rotation (two signatures, one
 * right), which it must accept. A case is right when a refusal got a non-2xx answer and an acceptance a 2xx.
 */
import { randomUUID } from 'node:crypto';
import { tlcExamples } from '../protocol/tlc/index.ts';
import { deliveryBody } from './delivery.ts';
import { SERVICE_TYPES, toServiceEvent } from './shapes.ts';
import { generateSecret, sign } from './sign.ts';

/** One case of the table. */
export interface TestCase {
  case: string;
  expected: 'accept' | 'refuse' | 'accept or refuse';
  /** The HTTP status, or the network error. */
  got: number | string;
  ok: boolean;
}

/** Options of testReceiver. */
export interface TesterOptions {
  timeoutMs?: number;
  /** Standard Webhooks lets a receiver acknowledge a duplicate with a 2xx (and not act on it): accept that answer too. */
  allowDuplicateAck?: boolean;
  now?: () => number;
}

interface Msg {
  id: string;
  ts: number;
  body: string;
  signature: string;
}

async function send(url: string, m: Partial<Msg> & { body: string }, timeoutMs: number): Promise<number | string> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'tiksim relay test' };
  if (m.id !== undefined) headers['webhook-id'] = m.id;
  if (m.ts !== undefined) headers['webhook-timestamp'] = String(m.ts);
  if (m.signature !== undefined) headers['webhook-signature'] = m.signature;
  try {
    const res = await fetch(url, { method: 'POST', headers, body: m.body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer().catch(() => undefined);
    return res.status;
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    return err.name === 'TimeoutError' ? `timeout after ${timeoutMs} ms` : (err.cause?.code ?? err.message);
  }
}

const is2xx = (g: number | string) => typeof g === 'number' && g >= 200 && g < 300;

/** Runs every case against `url` and returns the table (in order). */
export async function testReceiver(url: string, secret: string, o: TesterOptions = {}): Promise<TestCase[]> {
  const now = o.now ?? Date.now;
  const timeoutMs = o.timeoutMs ?? 10_000;
  const hook = { id: 'tiksim-relay-test', url, name: 'tiksim relay test' };
  const rows: TestCase[] = [];
  const message = (type: string, ts = Math.floor(now() / 1000), key = secret): Msg => {
    const id = randomUUID();
    const kind = type === 'roomUpdate' ? 'roomUser' : type;
    const ev = toServiceEvent(kind, (tlcExamples as Record<string, unknown>)[kind] ?? {}, { username: 'lena.draws', at: now() });
    const body = deliveryBody(JSON.stringify({ type: ev.type, data: ev.data, timestamp: new Date(now()).toISOString(), id }), hook);
    return { id, ts, body, signature: sign(key, id, ts, body) };
  };
  const run = async (name: string, expected: TestCase['expected'], m: Partial<Msg> & { body: string }) => {
    const got = await send(url, m, timeoutMs);
    const ok = expected === 'accept or refuse' ? typeof got === 'number' : expected === 'accept' ? is2xx(got) : typeof got === 'number' && !is2xx(got);
    rows.push({ case: name, expected, got, ok });
    return got;
  };

  let first: Msg | null = null;
  for (const type of SERVICE_TYPES) {
    const m = message(type);
    first ??= m;
    await run(`${type}: signed correctly`, 'accept', m);
  }
  const nowS = Math.floor(now() / 1000);
  const noSig = message('chat');
  await run('no signature headers', 'refuse', { body: noSig.body });
  await run('stale timestamp (10 min old, signed)', 'refuse', message('chat', nowS - 600));
  await run('future timestamp (10 min ahead, signed)', 'refuse', message('chat', nowS + 600));
  const tampered = message('gift');
  await run('tampered body (one byte changed after signing)', 'refuse', { ...tampered, body: tampered.body.replace('"cost":1', '"cost":9') });
  await run('wrong signature (another secret)', 'refuse', message('chat', nowS, generateSecret()));
  await run('duplicate id (a delivery it already accepted, resent)', o.allowDuplicateAck ? 'accept or refuse' : 'refuse', first!);
  const rot = message('chat');
  const wrong = sign(generateSecret(), rot.id, rot.ts, rot.body);
  await run('key rotation (two signatures, the second right)', 'accept', { ...rot, signature: `${wrong} ${rot.signature}` });
  return rows;
}

/** The table as text: case, expected, got, verdict. */
export function formatTable(rows: TestCase[]): string {
  const w = Math.max(...rows.map((r) => r.case.length), 4);
  const head = `${'case'.padEnd(w)}  expected          got               verdict`;
  const lines = rows.map((r) => `${r.case.padEnd(w)}  ${r.expected.padEnd(16)}  ${String(r.got).padEnd(16)}  ${r.ok ? 'ok' : 'WRONG'}`);
  const wrong = rows.filter((r) => !r.ok).length;
  return [head, ...lines, '', wrong ? `${wrong} of ${rows.length} cases answered wrongly` : `all ${rows.length} cases answered as they should`].join('\n');
}
