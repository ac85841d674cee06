import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from './store.ts';

const dbFile = () => join(mkdtempSync(join(tmpdir(), 'tiksim-store-')), 'relay.db');
const ev = (i: number, type = 'chat') => ({ id: `e${i}`, type, at: 1000 + i, envelope: `{"type":"${type}","id":"e${i}"}` });
const hook = (id: string, types: string[] | null = null) => ({ id, url: `http://127.0.0.1:9/${id}`, name: id, secret: 'whsec_x', types });

describe('relay store (a real SQLite file)', () => {
  it('queues one delivery per matching webhook and keeps them across a reopen, in order', () => {
    const path = dbFile();
    let s = new Store(path, { outboxCap: 100, now: () => 5 });
    s.addWebhook(hook('all'));
    s.addWebhook(hook('gifts', ['gift']));
    expect(s.accept(ev(1)).queued).toEqual(['all']);
    expect(s.accept(ev(2, 'gift')).queued).toEqual(['all', 'gifts']);
    s.close();
    s = new Store(path, { outboxCap: 100, now: () => 6 });
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.outbox('all', 10).map((o) => o.eventId)).toEqual(['e1', 'e2']);
    expect(s.pendingOf('all')).toBe(2);
    const [first] = s.outbox('all', 1);
    s.delivered(first!.id, 'all', 1, 200);
    expect(s.outbox('all', 10).map((o) => o.eventId)).toEqual(['e2']);
    expect(s.deliveryCounts()).toEqual({ pending: 2, failed: 0, delivered: 1 });
    s.close();
  });

  it('records deliveries over the outbox cap as failed with E_RELAY_OUTBOX_FULL, and takes them again once drained', () => {
    const s = new Store(dbFile(), { outboxCap: 2, now: () => 0 });
    s.addWebhook(hook('dead'));
    s.accept(ev(1));
    s.accept(ev(2));
    const third = s.accept(ev(3));
    expect(third).toMatchObject({ queued: [], full: ['dead'] });
    expect(s.deliveries('dead', 1)[0]).toMatchObject({ eventId: 'e3', state: 'failed', lastError: expect.stringMatching(/^E_RELAY_OUTBOX_FULL: 2 deliveries already pending/) });
    const [d] = s.outbox('dead', 1);
    s.failed(d!.id, 'dead', 1, 400, 'HTTP 400');
    expect(s.accept(ev(4)).queued).toEqual(['dead']);
    s.close();
  });

  it('lists events newest first with a type filter and a cursor', () => {
    const s = new Store(dbFile(), { outboxCap: 10, now: () => 0 });
    for (let i = 1; i <= 5; i++) s.accept(ev(i, i % 2 ? 'chat' : 'gift'));
    expect(s.events({ limit: 2 })!.map((e) => e.id)).toEqual(['e5', 'e4']);
    expect(s.events({ limit: 2, before: 'e4' })!.map((e) => e.id)).toEqual(['e3', 'e2']);
    expect(s.events({ limit: 9, type: 'gift' })!.map((e) => e.id)).toEqual(['e4', 'e2']);
    expect(s.events({ limit: 9, before: 'nope' })).toBeUndefined();
    expect(s.eventsByType()).toEqual({ chat: 3, gift: 2 });
    s.close();
  });

  it('prunes by count and age but never an event with a pending delivery', () => {
    let now = 0;
    const s = new Store(dbFile(), { outboxCap: 10, now: () => now });
    s.accept(ev(1));
    s.addWebhook(hook('w'));
    s.accept(ev(2));
    for (let i = 3; i <= 6; i++) s.accept({ ...ev(i), at: 10_000 });
    // Keep 2: e1..e4 may go, but e2..e6 have pending deliveries for w.
    expect(s.prune({ count: 2 })).toBe(1);
    for (const o of s.outbox('w', 10)) s.delivered(o.id, 'w', 1, 200);
    expect(s.prune({ count: 2 })).toBe(3);
    now = 20_000;
    expect(s.prune({ ageMs: 10_001 })).toBe(0);
    expect(s.prune({ ageMs: 5_000 })).toBe(2);
    expect(s.events({ limit: 10 })).toEqual([]);
    s.close();
  });

  it('disables a webhook, failing its pending deliveries; redelivery puts one back; deleting removes its outbox', () => {
    const s = new Store(dbFile(), { outboxCap: 10, now: () => 0 });
    s.addWebhook(hook('a'));
    s.addWebhook(hook('b'));
    s.accept(ev(1));
    s.disableWebhook('a', 'HTTP 410 Gone');
    expect(s.deliveries('a', 5)[0]).toMatchObject({ state: 'failed', lastError: 'endpoint disabled: HTTP 410 Gone' });
    expect(s.accept(ev(2)).queued).toEqual(['b']);
    const id = s.deliveries('a', 5)[0]!.id;
    expect(s.redeliver(id)).toEqual({ ok: false, why: 'disabled' });
    const [b1] = s.outbox('b', 1);
    expect(s.redeliver(b1!.id)).toEqual({ ok: false, why: 'pending' });
    s.failed(b1!.id, 'b', 3, 500, 'HTTP 500');
    expect(s.redeliver(b1!.id)).toEqual({ ok: true, webhookId: 'b' });
    expect(s.outbox('b', 5).map((o) => o.eventId)).toEqual(['e1', 'e2']);
    expect(s.redeliver(999)).toEqual({ ok: false, why: 'missing' });
    expect(s.deleteWebhook('b')).toBe(true);
    expect(s.outbox('b', 5)).toEqual([]);
    expect(s.deleteWebhook('b')).toBe(false);
    s.close();
  });
});
