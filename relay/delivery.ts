/**
 * The outbox's senders: one worker per webhook, so a slow or dead endpoint holds up only its own queue, never the
 * others or the source. A worker sends its oldest pending delivery first and waits for it (in order per endpoint),
 * over one kept-alive connection; redirects are never followed (node:http does not), a request that takes longer than
 * the timeout is abandoned and retried. Outcomes: 2xx delivered; 410 disables the endpoint; 429, 5xx, 3xx, timeouts
 * and network errors are retried on the schedule (retry.ts); any other 4xx fails at once.
 */
import http from 'node:http';
import https from 'node:https';
import { signedHeaders } from './sign.ts';
import { nextRetry, parseRetryAfter } from './retry.ts';
import type { OutboxItem, Store, WebhookRow } from './store.ts';

/** Options shared by the workers. */
export interface DeliveryOptions {
  store: Store;
  now: () => number;
  /** Multiplies the retry schedule (tests: 0.001). */
  retryScale: number;
  /** Request timeout, ms. */
  timeoutMs: number;
  rng: () => number;
  userAgent: string;
  /** Told about what an operator should know: an endpoint disabled, a delivery given up. Never secrets. */
  log: (level: 'info' | 'warn', msg: string, fields?: Record<string, unknown>) => void;
  /** Told of every attempt's outcome (status line, bench). */
  onAttempt?: (webhookId: string, ok: boolean) => void;
}

/** How one attempt ended. */
type Outcome =
  | { kind: 'ok'; status: number }
  | { kind: 'gone'; status: number }
  | { kind: 'retry'; status: number | null; error: string; retryAfterMs?: number }
  | { kind: 'fail'; status: number; error: string };

/** The delivery body: the stored envelope as it is, and the endpoint. */
export function deliveryBody(envelope: string, w: Pick<WebhookRow, 'id' | 'url' | 'name'>): string {
  return `{"event":${envelope},"webhook":${JSON.stringify({ id: w.id, url: w.url, name: w.name })}}`;
}

/** Most bytes of an answer read (and thrown away) before the connection is reused. */
const MAX_ANSWER_BYTES = 64 * 1024;

/** One POST; never throws. */
function post(agent: http.Agent, url: URL, headers: Record<string, string>, body: string, timeoutMs: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const lib = url.protocol === 'https:' ? https : http;
    let settled = false;
    const done = (o: Outcome): void => {
      if (!settled) {
        settled = true;
        resolve(o);
      }
    };
    const req = lib.request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const status = res.statusCode ?? 0;
      let read = 0;
      res.on('data', (c: Buffer) => {
        read += c.length;
        if (read > MAX_ANSWER_BYTES) res.destroy();
      });
      res.on('error', () => undefined);
      const finish = (): void => {
        if (status >= 200 && status < 300) return done({ kind: 'ok', status });
        if (status === 410) return done({ kind: 'gone', status });
        if (status === 429 || status >= 500) {
          const ra = parseRetryAfter(res.headers['retry-after'] as string | undefined, Date.now());
          return done({ kind: 'retry', status, error: `HTTP ${status}`, ...(ra !== undefined ? { retryAfterMs: ra } : {}) });
        }
        if (status >= 300 && status < 400) {
          const loc = res.headers.location;
          return done({ kind: 'retry', status, error: `HTTP ${status}: redirects are not followed${loc ? ` (to ${String(loc).slice(0, 200)})` : ''}; register the final URL` });
        }
        done({ kind: 'fail', status, error: `HTTP ${status}` });
      };
      res.on('end', finish);
      res.on('close', finish);
    });
    req.setTimeout(timeoutMs, () => {
      req.destroy();
      done({ kind: 'retry', status: null, error: `timed out after ${timeoutMs} ms` });
    });
    req.on('error', (e: NodeJS.ErrnoException) => done({ kind: 'retry', status: null, error: e.code ? `${e.code}: ${e.message}` : e.message }));
    req.end(body);
  });
}

/** How many pending deliveries a worker reads at a time. */
const BATCH = 256;

/** The sender of one webhook's outbox. */
class Worker {
  private stopped = false;
  private kick: (() => void) | null = null;
  private readonly agent: http.Agent;
  readonly running: Promise<void>;

  constructor(
    private readonly hook: WebhookRow,
    private readonly o: DeliveryOptions,
    private readonly acks: Acks,
  ) {
    const url = new URL(hook.url);
    this.agent = url.protocol === 'https:' ? new https.Agent({ keepAlive: true, maxSockets: 1 }) : new http.Agent({ keepAlive: true, maxSockets: 1 });
    this.running = this.loop();
  }

  /** Wakes the worker: new deliveries, or one put back. */
  wake(): void {
    this.kick?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    // Destroying the agent cuts a request in flight short; that delivery stays pending.
    this.agent.destroy();
    await this.running;
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = ms === Infinity ? null : setTimeout(() => {
        this.kick = null;
        resolve();
      }, ms);
      this.kick = () => {
        if (t) clearTimeout(t);
        this.kick = null;
        resolve();
      };
    });
  }

  private async loop(): Promise<void> {
    const { store } = this.o;
    while (!this.stopped) {
      // Deliveries answered but not yet recorded must be recorded before the outbox is read again.
      this.acks.flush();
      const batch = store.outbox(this.hook.id, BATCH);
      if (!batch.length) {
        await this.wait(Infinity);
        continue;
      }
      for (const item of batch) {
        if (this.stopped) return;
        const wait = item.nextAt - this.o.now();
        // The head waits for its retry; the rest wait behind it (order per endpoint). A wake re-reads the queue.
        if (wait > 0) {
          await this.wait(wait);
          break;
        }
        const retrying = await this.send(item);
        if (retrying || !store.webhook(this.hook.id) || store.webhook(this.hook.id)?.disabledAt !== null) break;
      }
    }
  }

  /** Sends one delivery and records the outcome; true when it stays pending for a retry. */
  private async send(item: OutboxItem): Promise<boolean> {
    const { store, now } = this.o;
    // Record the answers already in before this request goes out: a crash then leaves at most one delivery per endpoint
    // sent but unrecorded (the one in flight), so a receiver sees at most one duplicate per endpoint per crash.
    this.acks.flush();
    const body = deliveryBody(item.envelope, this.hook);
    const headers = {
      'content-type': 'application/json',
      'user-agent': this.o.userAgent,
      ...signedHeaders([this.hook.secret], item.eventId, Math.floor(now() / 1000), body),
    };
    const r = await post(this.agent, new URL(this.hook.url), headers, body, this.o.timeoutMs);
    if (this.stopped && r.kind === 'retry') return true; // a request cut short by stop() stays pending as it was
    const attempts = item.attempts + 1;
    this.o.onAttempt?.(this.hook.id, r.kind === 'ok');
    switch (r.kind) {
      case 'ok':
        this.acks.add({ id: item.id, webhookId: this.hook.id, attempts, status: r.status });
        return false;
      case 'gone':
        store.disableWebhook(this.hook.id, 'HTTP 410 Gone');
        this.o.log('warn', `webhook ${this.hook.name} (${this.hook.url}) answered 410 Gone: disabled, its pending deliveries failed`, { webhook: this.hook.id });
        this.stopped = true;
        return false;
      case 'fail':
        store.failed(item.id, this.hook.id, attempts, r.status, `${r.error}: a 4xx other than 410 and 429 is not retried`);
        this.o.log('warn', `delivery ${item.id} to ${this.hook.name} failed: ${r.error} (not retried; POST /api/deliveries/${item.id}/redeliver sends it again)`, { webhook: this.hook.id, delivery: item.id });
        return false;
      case 'retry': {
        const next = nextRetry(attempts, { scale: this.o.retryScale, rng: this.o.rng, retryAfterMs: r.retryAfterMs });
        if (!next.retry) {
          store.failed(item.id, this.hook.id, attempts, r.status, `${r.error}: gave up after ${attempts} attempts`);
          this.o.log('warn', `delivery ${item.id} to ${this.hook.name} given up after ${attempts} attempts: ${r.error}`, { webhook: this.hook.id, delivery: item.id });
          return false;
        }
        store.retryAt(item.id, attempts, now() + next.delayMs, r.status, r.error);
        return true;
      }
    }
  }
}

/**
 * 2xx answers waiting to be recorded: committed together once per loop turn, and always before a worker reads its
 * outbox again or sends its next request. A kill in between only means that delivery goes out once more after the
 * restart (at least once; at most one repeat per endpoint per crash).
 */
class Acks {
  private list: Array<{ id: number; webhookId: string; attempts: number; status: number }> = [];

  constructor(private readonly store: Store) {}

  add(a: { id: number; webhookId: string; attempts: number; status: number }): void {
    this.list.push(a);
    if (this.list.length === 1) setImmediate(() => this.flush());
  }

  flush(): void {
    if (!this.list.length || !this.store.db.open) return;
    const l = this.list;
    this.list = [];
    this.store.deliveredAll(l);
  }
}

/** Keeps one worker per enabled webhook. */
export class Deliverer {
  private readonly workers = new Map<string, Worker>();
  private readonly acks: Acks;

  constructor(private readonly o: DeliveryOptions) {
    this.acks = new Acks(o.store);
  }

  /** Starts workers for new webhooks and stops those of deleted or disabled ones. */
  async sync(): Promise<void> {
    const live = new Set<string>();
    for (const h of this.o.store.webhooks()) {
      if (h.disabledAt !== null) continue;
      live.add(h.id);
      if (!this.workers.has(h.id)) this.workers.set(h.id, new Worker(h, this.o, this.acks));
    }
    const gone = [...this.workers].filter(([id]) => !live.has(id));
    for (const [id] of gone) this.workers.delete(id);
    await Promise.all(gone.map(([, w]) => w.stop()));
  }

  /** Wakes the workers of these webhooks. */
  wake(ids: readonly string[]): void {
    for (const id of ids) this.workers.get(id)?.wake();
  }

  /** Stops every worker (an attempt in flight is left pending, to go out after a restart). */
  async stop(): Promise<void> {
    const all = [...this.workers.values()];
    this.workers.clear();
    await Promise.all(all.map((w) => w.stop()));
    this.acks.flush();
  }
}
