/**
 * The relay service: one receiver as its source, every event turned into the service's envelope
 * (`{"type","data","timestamp","id"}`, shapes.ts), stored with its deliveries in one transaction (store.ts), sent by
 * one worker per webhook (delivery.ts), and the REST API (api.ts) on 127.0.0.1:21220 by default. Optionally records
 * what its source sent as a tiksim recording (`--record`), which `--replay` plays back into a relay again.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGuard } from '../simulator/server/guard.ts';
import { ListenError } from '../simulator/server/listen-error.ts';
import { makeHeader } from '../recorder/format.ts';
import { RecordingWriter } from '../recorder/writer.ts';
import type { Received, Receiver, ReceiverStatus } from '../receivers/receiver.ts';
import { addWebhook, handleApi } from './api.ts';
import { Deliverer } from './delivery.ts';
import { toServiceEvent } from './shapes.ts';
import { Store, type Keep, type StoredEvent } from './store.ts';

/** Default port of `tiksim relay`. */
export const RELAY_PORT = 21220;

/** Options of startRelay. */
export interface RelayOptions {
  source: Receiver;
  /** The TikTok account the source reads, for `connected.username` ('' when none). */
  username: string;
  dbPath: string;
  host: string;
  port: number;
  apiKey?: string;
  allowHosts?: string[];
  allowOrigins?: string[];
  /** Registered at start unless a webhook with this URL exists (WEBHOOK_URL / --webhook-url). */
  webhook?: { url: string; secret?: string; name?: string };
  retryScale?: number;
  timeoutMs?: number;
  outboxCap?: number;
  keep?: Keep;
  /** A folder to record the source's frames to (a tiksim recording). */
  recordDir?: string;
  tool?: string;
  now?: () => number;
  rng?: () => number;
  /** Log lines for an operator (never a secret). */
  log?: (level: 'info' | 'warn', msg: string, fields?: Record<string, unknown>) => void;
}

/** Counters for the status line. */
export interface RelayCounters {
  received: number;
  attempts: number;
  delivered: number;
  failedAttempts: number;
  full: number;
}

/** A running relay. */
export interface RunningRelay {
  url: string;
  port: number;
  store: Store;
  counters: RelayCounters;
  source(): ReceiverStatus;
  /** The secret of the webhook registered at start when it was generated (shown once, by the CLI, on a terminal). */
  generatedSecret?: string;
  /** Stops the source, the workers and the server, and closes the database. */
  stop(): Promise<void>;
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') reject(new ListenError(`port ${port} on ${host} is already in use (another relay?); choose another with --port <n>.`, 'E_PORT_IN_USE'));
      else if (e.code === 'EACCES') reject(new ListenError(`not allowed to listen on ${host}:${port}; choose a port above 1024 with --port <n>.`, 'E_PORT_DENIED'));
      else if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND') reject(new ListenError(`cannot listen on host "${host}": no such address on this machine; check --host.`, 'E_BAD_HOST'));
      else reject(new ListenError(`cannot listen on ${host}:${port}: ${e.message}`, 'E_LISTEN'));
    });
    server.listen(port, host, () => resolve());
  });
}

/** The envelope of one received event: its JSON text, exactly as stored and delivered. */
export function envelopeOf(e: Received, username: string, id: string = randomUUID()): { id: string; type: string; text: string } {
  const { type, data } = toServiceEvent(e.kind, e.data, { username, at: e.at });
  return { id, type, text: JSON.stringify({ type, data, timestamp: new Date(e.at).toISOString(), id }) };
}

/** Opens the database, starts the workers, the API and the source. Throws ListenError or RelayDbError. */
export async function startRelay(o: RelayOptions): Promise<RunningRelay> {
  const now = o.now ?? Date.now;
  const log = o.log ?? (() => undefined);
  let store: Store;
  try {
    store = new Store(o.dbPath, { outboxCap: o.outboxCap ?? 10_000, now });
  } catch (e) {
    throw new RelayDbError(`cannot open the relay database ${o.dbPath}: ${(e as Error).message} (choose another file with --db)`);
  }
  const counters: RelayCounters = { received: 0, attempts: 0, delivered: 0, failedAttempts: 0, full: 0 };
  const deliverer = new Deliverer({
    store,
    now,
    retryScale: o.retryScale ?? 1,
    timeoutMs: o.timeoutMs ?? 15_000,
    rng: o.rng ?? Math.random,
    userAgent: `${o.tool ?? 'tiksim'} relay`,
    log,
    onAttempt: (_id, ok) => {
      counters.attempts++;
      if (ok) counters.delivered++;
      else counters.failedAttempts++;
    },
  });
  let generatedSecret: string | undefined;
  if (o.webhook && !store.webhooks().some((w) => w.url === o.webhook!.url)) {
    const added = addWebhook(store, o.webhook);
    if (added.generated) generatedSecret = added.secret;
    log('info', `registered the webhook ${o.webhook.url}`, { webhook: added.webhook.id });
  }
  await deliverer.sync();

  const guardFor = (port: number) => createGuard({ bindHost: o.host, port, allowHosts: o.allowHosts, allowOrigins: o.allowOrigins });
  // Origin checks compare ports: with --port 0 the real one is known only once listening.
  let guard = guardFor(o.port);
  const started = now();
  const fullSince = new Map<string, number>();
  const server = createServer((req, res) => {
    void handleApi(req, res, {
      store,
      guard,
      apiKey: o.apiKey,
      now,
      wake: (id) => deliverer.wake([id]),
      webhooksChanged: () => void deliverer.sync(),
      status: () => {
        const s = o.source.status();
        return {
          source: { name: s.name, source: s.source, state: s.state, since: new Date(s.since).toISOString(), attempts: s.attempts, ...(s.lastError ? { lastError: s.lastError } : {}) },
          connected: s.state === 'connected',
          room: s.room ?? null,
          uptimeMs: now() - started,
          outbox: { cap: o.outboxCap ?? 10_000, full: [...fullSince.keys()], ...(fullSince.size ? { error: 'E_RELAY_OUTBOX_FULL' } : {}) },
        };
      },
    });
  });
  server.keepAliveTimeout = 5_000;
  try {
    await listen(server, o.host, o.port);
  } catch (e) {
    await deliverer.stop();
    store.close();
    throw e;
  }
  const port = (server.address() as AddressInfo).port;
  if (o.port === 0) guard = guardFor(port);

  const writer = o.recordDir ? RecordingWriter.create(o.recordDir, makeHeader(o.source.status().source, now(), o.tool ?? 'tiksim', 'relay')) : null;
  const t0 = now();
  const toStored = (e: Received) => {
    const env = envelopeOf(e, o.username);
    return { id: env.id, type: env.type, at: e.at, envelope: env.text };
  };
  // What arrived within one turn of the event loop is committed in one transaction; an event is accepted (and
  // survives a kill -9) once its batch has committed, a few ms at most after it arrived.
  let batch: StoredEvent[] = [];
  const flush = (): void => {
    if (!batch.length || !store.db.open) return;
    const events = batch;
    batch = [];
    let results;
    try {
      results = store.acceptAll(events);
    } catch (err) {
      log('warn', `E_RELAY_DB: ${events.length} event(s) not stored: ${(err as Error).message}`);
      return;
    }
    const woken = new Set<string>();
    for (const r of results) {
      for (const id of r.queued) {
        woken.add(id);
        fullSince.delete(id);
      }
      for (const id of r.full) {
        counters.full++;
        if (!fullSince.has(id)) {
          fullSince.set(id, now());
          log('warn', `E_RELAY_OUTBOX_FULL: webhook ${store.webhook(id)?.name ?? id} has ${store.pendingOf(id)} deliveries pending (cap ${o.outboxCap ?? 10_000}); new events are recorded as failed for it until it drains`, { webhook: id });
        }
      }
    }
    deliverer.wake([...woken]);
  };
  const offSource = o.source.onEvent((e) => {
    counters.received++;
    if (writer && e.raw !== undefined && !writer.closed) {
      try {
        writer.writeFrame(Math.max(0, now() - t0), e.raw);
      } catch (err) {
        log('warn', `recording stopped: ${(err as Error).message}`);
      }
    }
    batch.push(toStored(e));
    if (batch.length === 1) setImmediate(flush);
  });
  const offState = o.source.onState((s) => log('info', `source ${s.name}: ${s.state}${s.lastError ? ` (${s.lastError})` : ''}`, { state: s.state }));
  const pruneTimer = o.keep ? setInterval(() => store.prune(o.keep!), 5_000) : null;
  pruneTimer?.unref();
  o.source.start();

  return {
    url: `http://${o.host.includes(':') ? `[${o.host}]` : o.host}:${port}`,
    port,
    store,
    counters,
    source: () => o.source.status(),
    ...(generatedSecret ? { generatedSecret } : {}),
    async stop() {
      offSource();
      offState();
      if (pruneTimer) clearInterval(pruneTimer);
      await o.source.stop();
      flush();
      writer?.close();
      await deliverer.stop();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      store.close();
    },
  };
}

/** The database could not be opened (E_RELAY_DB). */
export class RelayDbError extends Error {
  readonly code = 'E_RELAY_DB';
}
