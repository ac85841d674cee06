/**
 * The relay's durable state in one SQLite file (better-sqlite3 12: synchronous calls, prepared statements; 12.x is
 * the line that runs on Node 20, 13.x needs Node 22; see README "tiksim relay"). Events, webhooks and the delivery
 * outbox. An event and its deliveries are inserted in one transaction before the source is acknowledged, and WAL
 * with synchronous=NORMAL makes a committed transaction survive the process being killed (not a power cut: that would
 * need synchronous=FULL, at a few times the cost per event).
 */
import Database from 'better-sqlite3';

/** A registered endpoint, secret included (never sent to API clients after creation). */
export interface WebhookRow {
  id: string;
  url: string;
  name: string;
  secret: string;
  /** Event types it receives; null: every type. */
  types: string[] | null;
  createdAt: number;
  /** Epoch ms when it was disabled (a 410 Gone), or null. */
  disabledAt: number | null;
  disabledReason: string | null;
}

/** A delivery's state. */
export type DeliveryState = 'pending' | 'delivered' | 'failed';

/** One pending delivery as the worker sends it. */
export interface OutboxItem {
  id: number;
  attempts: number;
  nextAt: number;
  eventId: string;
  /** The stored envelope's JSON text (the bytes go into the body as they are). */
  envelope: string;
}

/** A delivery as the API lists it. */
export interface DeliveryInfo {
  id: number;
  eventId: string;
  type: string;
  state: DeliveryState;
  attempts: number;
  nextAt: number | null;
  lastStatus: number | null;
  lastError: string | null;
  updatedAt: number;
}

/** What accept() did with one event. */
export interface Accepted {
  seq: number;
  /** Webhooks given a new pending delivery (their workers are woken). */
  queued: string[];
  /** Webhooks whose outbox was full: the delivery was recorded as failed (E_RELAY_OUTBOX_FULL). */
  full: string[];
}

/** An event envelope as stored: its id, type, time and JSON text. */
export interface StoredEvent {
  id: string;
  type: string;
  at: number;
  envelope: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, at INTEGER NOT NULL, body TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS events_type ON events(type, seq);
CREATE TABLE IF NOT EXISTS webhooks (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, url TEXT NOT NULL, name TEXT NOT NULL, secret TEXT NOT NULL,
  types TEXT, created_at INTEGER NOT NULL, disabled_at INTEGER, disabled_reason TEXT);
CREATE TABLE IF NOT EXISTS deliveries (
  id INTEGER PRIMARY KEY AUTOINCREMENT, event_seq INTEGER NOT NULL REFERENCES events(seq) ON DELETE CASCADE,
  webhook_id TEXT NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_at INTEGER NOT NULL,
  last_status INTEGER, last_error TEXT, updated_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS deliveries_outbox ON deliveries(webhook_id, state, id);
CREATE INDEX IF NOT EXISTS deliveries_event ON deliveries(event_seq);
CREATE INDEX IF NOT EXISTS deliveries_state ON deliveries(state);
`;

interface WebhookDbRow {
  id: string;
  url: string;
  name: string;
  secret: string;
  types: string | null;
  created_at: number;
  disabled_at: number | null;
  disabled_reason: string | null;
}

interface DeliveryDbRow {
  id: number;
  event_id: string;
  type: string;
  state: DeliveryState;
  attempts: number;
  next_at: number;
  last_status: number | null;
  last_error: string | null;
  updated_at: number;
}

function toWebhook(r: WebhookDbRow): WebhookRow {
  return {
    id: r.id,
    url: r.url,
    name: r.name,
    secret: r.secret,
    types: r.types === null ? null : (JSON.parse(r.types) as string[]),
    createdAt: r.created_at,
    disabledAt: r.disabled_at,
    disabledReason: r.disabled_reason,
  };
}

/** How many old events to keep: a count, an age in ms, or both. */
export interface Keep {
  count?: number;
  ageMs?: number;
}

/** Options of openStore. */
export interface StoreOptions {
  /** Most pending deliveries one webhook may hold; further events are recorded as failed for it until it drains. */
  outboxCap: number;
  now: () => number;
}

/** The relay's database. */
export class Store {
  readonly db: Database.Database;
  private readonly pending = new Map<string, number>();
  private hooks: WebhookRow[] = [];
  private readonly st;

  constructor(readonly path: string, private readonly opts: StoreOptions) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    const db = this.db;
    this.st = {
      insertEvent: db.prepare<[string, string, number, string]>('INSERT INTO events (id, type, at, body) VALUES (?, ?, ?, ?)'),
      insertDelivery: db.prepare<[number, string, DeliveryState, number, string | null, number]>(
        'INSERT INTO deliveries (event_seq, webhook_id, state, next_at, last_error, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      outbox: db.prepare<[string, number], { id: number; attempts: number; next_at: number; event_id: string; body: string }>(
        `SELECT d.id, d.attempts, d.next_at, e.id AS event_id, e.body FROM deliveries d JOIN events e ON e.seq = d.event_seq
         WHERE d.webhook_id = ? AND d.state = 'pending' ORDER BY d.id LIMIT ?`,
      ),
      done: db.prepare<[number, number, number, number]>("UPDATE deliveries SET state = 'delivered', attempts = ?, last_status = ?, last_error = NULL, updated_at = ? WHERE id = ? AND state = 'pending'"),
      retry: db.prepare<[number, number, number | null, string, number, number]>('UPDATE deliveries SET attempts = ?, next_at = ?, last_status = ?, last_error = ?, updated_at = ? WHERE id = ? AND state = \'pending\''),
      fail: db.prepare<[number, number | null, string, number, number]>("UPDATE deliveries SET state = 'failed', attempts = ?, last_status = ?, last_error = ?, updated_at = ? WHERE id = ? AND state = 'pending'"),
      failAll: db.prepare<[string, number, string]>("UPDATE deliveries SET state = 'failed', last_error = ?, updated_at = ? WHERE webhook_id = ? AND state = 'pending'"),
      redeliver: db.prepare<[number, number, number], { webhook_id: string }>(
        "UPDATE deliveries SET state = 'pending', next_at = ?, updated_at = ? WHERE id = ? AND state != 'pending' RETURNING webhook_id",
      ),
      deliveryById: db.prepare<[number], { id: number; webhook_id: string; state: DeliveryState }>('SELECT id, webhook_id, state FROM deliveries WHERE id = ?'),
      pendingBy: db.prepare<[], { webhook_id: string; n: number }>("SELECT webhook_id, count(*) AS n FROM deliveries WHERE state = 'pending' GROUP BY webhook_id"),
      countState: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM deliveries WHERE state = ?'),
      hooks: db.prepare<[], WebhookDbRow>('SELECT * FROM webhooks ORDER BY seq'),
      insertHook: db.prepare<[string, string, string, string, string | null, number]>('INSERT INTO webhooks (id, url, name, secret, types, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
      disableHook: db.prepare<[number, string, string]>('UPDATE webhooks SET disabled_at = ?, disabled_reason = ? WHERE id = ?'),
      deleteHook: db.prepare<[string]>('DELETE FROM webhooks WHERE id = ?'),
      deleteHookDeliveries: db.prepare<[string]>('DELETE FROM deliveries WHERE webhook_id = ?'),
      byType: db.prepare<[], { type: string; n: number }>('SELECT type, count(*) AS n FROM events GROUP BY type'),
      eventSeq: db.prepare<[string], { seq: number }>('SELECT seq FROM events WHERE id = ?'),
      maxSeq: db.prepare<[], { s: number | null }>('SELECT max(seq) AS s FROM events'),
      pruneCount: db.prepare<[number]>(
        "DELETE FROM events WHERE seq <= ? AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_seq = events.seq AND d.state = 'pending')",
      ),
      pruneAge: db.prepare<[number]>(
        "DELETE FROM events WHERE at < ? AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_seq = events.seq AND d.state = 'pending')",
      ),
      eventsAll: db.prepare<[number, number], { id: string; type: string; at: number; body: string }>('SELECT id, type, at, body FROM events WHERE seq < ? ORDER BY seq DESC LIMIT ?'),
      eventsOfType: db.prepare<[number, string, number], { id: string; type: string; at: number; body: string }>(
        'SELECT id, type, at, body FROM events WHERE seq < ? AND type = ? ORDER BY seq DESC LIMIT ?',
      ),
      deliveries: db.prepare<[string, number], DeliveryDbRow>(
        `SELECT d.id, e.id AS event_id, e.type, d.state, d.attempts, d.next_at, d.last_status, d.last_error, d.updated_at
         FROM deliveries d JOIN events e ON e.seq = d.event_seq WHERE d.webhook_id = ? ORDER BY d.id DESC LIMIT ?`,
      ),
    };
    this.reloadHooks();
    this.recountPending();
  }

  /** Pending deliveries per webhook, counted again from the database (at open, and after a rolled-back accept). */
  private recountPending(): void {
    for (const [id] of this.pending) this.pending.set(id, 0);
    for (const r of this.st.pendingBy.all()) this.pending.set(r.webhook_id, r.n);
  }

  private reloadHooks(): void {
    this.hooks = this.st.hooks.all().map(toWebhook);
  }

  /** Every webhook, oldest first. */
  webhooks(): WebhookRow[] {
    return this.hooks;
  }

  /** One webhook, or undefined. */
  webhook(id: string): WebhookRow | undefined {
    return this.hooks.find((h) => h.id === id);
  }

  /** Registers an endpoint. */
  addWebhook(w: Omit<WebhookRow, 'createdAt' | 'disabledAt' | 'disabledReason'>): WebhookRow {
    this.st.insertHook.run(w.id, w.url, w.name, w.secret, w.types ? JSON.stringify(w.types) : null, this.opts.now());
    this.reloadHooks();
    return this.webhook(w.id)!;
  }

  /** Removes an endpoint and its deliveries; false when there was none. */
  deleteWebhook(id: string): boolean {
    const gone = this.db.transaction(() => {
      this.st.deleteHookDeliveries.run(id);
      return this.st.deleteHook.run(id).changes > 0;
    })();
    this.pending.delete(id);
    this.reloadHooks();
    return gone;
  }

  /** Disables an endpoint (410 Gone) and fails what it still had pending. */
  disableWebhook(id: string, reason: string): void {
    const now = this.opts.now();
    this.db.transaction(() => {
      this.st.disableHook.run(now, reason, id);
      this.st.failAll.run(`endpoint disabled: ${reason}`, now, id);
    })();
    this.pending.set(id, 0);
    this.reloadHooks();
  }

  /**
   * Stores an event and queues a delivery for every enabled webhook that takes its type, in one transaction: once
   * this returns, the event and its deliveries survive a kill -9.
   */
  accept(e: StoredEvent): Accepted {
    return this.acceptAll([e])[0]!;
  }

  /**
   * accept() for several events in one transaction (one commit instead of one per event: the relay commits what
   * arrived within one turn of the event loop together). All or none of them are stored.
   */
  acceptAll(events: readonly StoredEvent[]): Accepted[] {
    const now = this.opts.now();
    const cap = this.opts.outboxCap;
    const out = this.db.transaction(() =>
      events.map((e) => {
        const queued: string[] = [];
        const full: string[] = [];
        const seq = Number(this.st.insertEvent.run(e.id, e.type, e.at, e.envelope).lastInsertRowid);
        for (const h of this.hooks) {
          if (h.disabledAt !== null || (h.types && !h.types.includes(e.type))) continue;
          const n = this.pending.get(h.id) ?? 0;
          if (n >= cap) {
            this.st.insertDelivery.run(seq, h.id, 'failed', now, `E_RELAY_OUTBOX_FULL: ${n} deliveries already pending for this endpoint (cap ${cap})`, now);
            full.push(h.id);
          } else {
            this.st.insertDelivery.run(seq, h.id, 'pending', now, null, now);
            this.pending.set(h.id, n + 1);
            queued.push(h.id);
          }
        }
        return { seq, queued, full };
      }),
    );
    try {
      return out();
    } catch (e) {
      // The transaction rolled back: the counters must too.
      this.recountPending();
      throw e;
    }
  }

  /** The oldest pending deliveries of one webhook, in order. */
  outbox(webhookId: string, limit: number): OutboxItem[] {
    return this.st.outbox.all(webhookId, limit).map((r) => ({ id: r.id, attempts: r.attempts, nextAt: r.next_at, eventId: r.event_id, envelope: r.body }));
  }

  /** A 2xx. */
  delivered(id: number, webhookId: string, attempts: number, status: number): void {
    this.deliveredAll([{ id, webhookId, attempts, status }]);
  }

  /** Several 2xx in one transaction (the workers record what was answered within one loop turn together). */
  deliveredAll(acks: ReadonlyArray<{ id: number; webhookId: string; attempts: number; status: number }>): void {
    const now = this.opts.now();
    const changed = this.db.transaction(() => acks.filter((a) => this.st.done.run(a.attempts, a.status, now, a.id).changes > 0))();
    for (const a of changed) this.dec(a.webhookId);
  }

  /** A failed attempt to be tried again at `nextAt`. */
  retryAt(id: number, attempts: number, nextAt: number, status: number | null, error: string): void {
    this.st.retry.run(attempts, nextAt, status, error, this.opts.now(), id);
  }

  /** A delivery that will not be tried again (a 4xx, or the schedule ran out). */
  failed(id: number, webhookId: string, attempts: number, status: number | null, error: string): void {
    if (this.st.fail.run(attempts, status, error, this.opts.now(), id).changes) this.dec(webhookId);
  }

  private dec(webhookId: string): void {
    this.pending.set(webhookId, Math.max(0, (this.pending.get(webhookId) ?? 1) - 1));
  }

  /** Puts a delivered or failed delivery back in its outbox (now). Returns its webhook id, or why it cannot. */
  redeliver(id: number): { ok: true; webhookId: string } | { ok: false; why: 'missing' | 'pending' | 'disabled' } {
    const row = this.st.deliveryById.get(id);
    if (!row) return { ok: false, why: 'missing' };
    if (row.state === 'pending') return { ok: false, why: 'pending' };
    if (this.webhook(row.webhook_id)?.disabledAt !== null) return { ok: false, why: 'disabled' };
    const now = this.opts.now();
    this.st.redeliver.get(now, now, id);
    this.pending.set(row.webhook_id, (this.pending.get(row.webhook_id) ?? 0) + 1);
    return { ok: true, webhookId: row.webhook_id };
  }

  /** A webhook's deliveries, newest first. */
  deliveries(webhookId: string, limit: number): DeliveryInfo[] {
    return this.st.deliveries.all(webhookId, limit).map((r) => ({
      id: r.id,
      eventId: r.event_id,
      type: r.type,
      state: r.state,
      attempts: r.attempts,
      nextAt: r.state === 'pending' ? r.next_at : null,
      lastStatus: r.last_status,
      lastError: r.last_error,
      updatedAt: r.updated_at,
    }));
  }

  /** Pending deliveries of one webhook (kept in memory, from the database at open). */
  pendingOf(webhookId: string): number {
    return this.pending.get(webhookId) ?? 0;
  }

  /** Deliveries per state, over every webhook. */
  deliveryCounts(): { pending: number; failed: number; delivered: number } {
    const n = (s: DeliveryState) => this.st.countState.get(s)?.n ?? 0;
    return { pending: n('pending'), failed: n('failed'), delivered: n('delivered') };
  }

  /** Stored events per type. */
  eventsByType(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.st.byType.all()) out[r.type] = r.n;
    return out;
  }

  /** Stored events, newest first: `type` filters, `before` (an event id) continues a listing. undefined: no such id. */
  events(q: { type?: string; limit: number; before?: string }): StoredEvent[] | undefined {
    let beforeSeq = Number.MAX_SAFE_INTEGER;
    if (q.before !== undefined) {
      const r = this.st.eventSeq.get(q.before);
      if (!r) return undefined;
      beforeSeq = r.seq;
    }
    const rows = q.type ? this.st.eventsOfType.all(beforeSeq, q.type, q.limit) : this.st.eventsAll.all(beforeSeq, q.limit);
    return rows.map((r) => ({ id: r.id, type: r.type, at: r.at, envelope: r.body }));
  }

  /** Deletes old events (never one with a delivery still pending); returns how many went. */
  prune(keep: Keep): number {
    let n = 0;
    if (keep.count !== undefined) {
      const max = this.st.maxSeq.get()?.s ?? 0;
      if (max > keep.count) n += this.st.pruneCount.run(max - keep.count).changes;
    }
    if (keep.ageMs !== undefined) n += this.st.pruneAge.run(this.opts.now() - keep.ageMs).changes;
    return n;
  }

  /** Closes the file. */
  close(): void {
    if (this.db.open) this.db.close();
  }
}
