/**
 * The relay's REST API (README "tiksim relay"): events, status, webhooks and their deliveries. Every request passes
 * the same Host/Origin/Content-Type guard as `tiksim serve` (simulator/server/guard.ts) and, when the relay has an
 * API key, must carry it in `X-API-Key` (compared in constant time; 401 E_UNAUTHORIZED otherwise). Errors use the
 * project's one shape and table (`{"error":{"code","message","field"?,"choices"?}}`, protocol/errors.ts).
 */
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { httpError, readJsonBody, sendError, sendJson, type HttpError } from '../simulator/api/http.ts';
import type { Guard } from '../simulator/server/guard.ts';
import { zodFail } from '../simulator/zod-errors.ts';
import { TIKTOK_EVENT_NAMES } from '../protocol/tiktok-names.ts';
import { SERVICE_TYPES } from './shapes.ts';
import { generateSecret, secretProblem } from './sign.ts';
import type { Store, WebhookRow } from './store.ts';

/** Every type an event may have: the service's 43 and the TLC kinds it forwards under their own name. */
export const EVENT_TYPES: readonly string[] = [...new Set<string>([...SERVICE_TYPES, ...TIKTOK_EVENT_NAMES.filter((n) => n !== 'roomUser')])];

/** What the API reads of the running relay. */
export interface ApiContext {
  store: Store;
  guard: Guard;
  apiKey?: string;
  /** GET /api/status's source, uptime and outbox parts. */
  status: () => Record<string, unknown>;
  /** A webhook was added or removed: start or stop its worker. */
  webhooksChanged: () => void;
  /** Wake a webhook's worker (a redelivery). */
  wake: (webhookId: string) => void;
  now: () => number;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant-time comparison of a given key with the expected one (hashed first, so the length leaks nothing). */
export function keyMatches(given: string | undefined, expected: string): boolean {
  return given !== undefined && timingSafeEqual(digest(given), digest(expected));
}

/** A webhook as the API shows it: never its secret. */
export function publicWebhook(w: WebhookRow, pending: number): Record<string, unknown> {
  return {
    id: w.id,
    url: w.url,
    name: w.name,
    types: w.types,
    createdAt: new Date(w.createdAt).toISOString(),
    disabled: w.disabledAt !== null,
    ...(w.disabledAt !== null ? { disabledAt: new Date(w.disabledAt).toISOString(), disabledReason: w.disabledReason } : {}),
    pending,
  };
}

/** Why a URL cannot be a webhook, or null. */
export function webhookUrlProblem(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `"${url}" is not a URL; give the full address, e.g. http://127.0.0.1:3000/webhook`;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return `a webhook URL must be http:// or https://, got ${u.protocol}//`;
  if (u.username || u.password) return 'a webhook URL must not carry a user name or password; receivers verify the signature instead';
  return null;
}

const webhookBody = z
  .object({
    url: z.string().max(2048).refine((u) => webhookUrlProblem(u) === null, { message: 'must be an http:// or https:// URL' }),
    name: z.string().trim().min(1).max(100).optional(),
    secret: z.string().refine((s) => secretProblem(s) === null, { message: 'must be a whsec_ secret (base64 of 24 to 64 bytes); omit it to have one generated' }).optional(),
    types: z.array(z.enum(EVENT_TYPES as [string, ...string[]])).min(1).max(EVENT_TYPES.length).optional(),
  })
  .strict();

/** Adds a webhook from a checked body; the one place the CLI (WEBHOOK_URL) and the API register one. */
export function addWebhook(store: Store, b: { url: string; name?: string; secret?: string; types?: string[] }): { webhook: WebhookRow; secret: string; generated: boolean } {
  const secret = b.secret ?? generateSecret();
  const webhook = store.addWebhook({ id: randomUUID(), url: b.url, name: b.name ?? new URL(b.url).host, secret, types: b.types ? [...new Set(b.types)] : null });
  return { webhook, secret, generated: b.secret === undefined };
}

function intParam(q: URLSearchParams, name: string, def: number, max: number): number | HttpError {
  const v = q.get(name);
  if (v === null) return def;
  if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > max) return httpError(400, 'E_OUT_OF_RANGE', `${name} must be a whole number from 1 to ${max}, got "${v}"`, { field: name });
  return Number(v);
}

const ROUTES = [
  'GET /api/status',
  'GET /api/events?type=&limit=&before=',
  'GET /api/webhooks',
  'POST /api/webhooks',
  'DELETE /api/webhooks/:id',
  'GET /api/webhooks/:id/deliveries?limit=',
  'POST /api/deliveries/:id/redeliver',
];

/** Handles one request; never throws (a bug answers 500 E_INTERNAL). */
export async function handleApi(req: IncomingMessage, res: ServerResponse, c: ApiContext): Promise<void> {
  try {
    await route(req, res, c);
  } catch (e) {
    sendError(res, httpError(500, 'E_INTERNAL', `internal error: ${(e as Error).message}`));
  }
}

async function route(req: IncomingMessage, res: ServerResponse, c: ApiContext): Promise<void> {
  const hostErr = c.guard.checkHost(req);
  if (hostErr) return sendError(res, hostErr);
  const url = new URL(req.url ?? '/', 'http://relay');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const method = req.method ?? 'GET';
  if (!path.startsWith('/api/') && path !== '/api') {
    return sendError(res, httpError(404, 'E_NOT_FOUND', `no such route: ${path}; the relay serves only its API: ${ROUTES.join(', ')}`));
  }
  if (c.apiKey !== undefined) {
    const given = req.headers['x-api-key'];
    if (!keyMatches(typeof given === 'string' ? given : undefined, c.apiKey)) {
      req.resume();
      return sendError(res, httpError(401, 'E_UNAUTHORIZED', given === undefined ? 'this relay has an API key: send it in the X-API-Key header' : 'the X-API-Key header does not match this relay\'s API key'));
    }
  }
  const seg = path.split('/').slice(2); // after "/api"
  const allow = (methods: string[]) => {
    if (methods.includes(method)) return true;
    req.resume();
    sendError(res, httpError(405, 'E_METHOD', `${method} ${path} is not a route; it takes ${methods.join(', ')}`), { allow: methods.join(', ') });
    return false;
  };
  const write = (): boolean => {
    const err = c.guard.checkApiWrite(req);
    if (err) {
      req.resume();
      sendError(res, err);
      return false;
    }
    return true;
  };

  if (seg.length === 1 && seg[0] === 'status') {
    if (!allow(['GET'])) return;
    const byType = c.store.eventsByType();
    const total = Object.values(byType).reduce((a, b) => a + b, 0);
    return sendJson(res, 200, { ...c.status(), events: { total, byType }, deliveries: c.store.deliveryCounts(), webhooks: c.store.webhooks().length });
  }
  if (seg.length === 1 && seg[0] === 'events') {
    if (!allow(['GET'])) return;
    const limit = intParam(url.searchParams, 'limit', 50, 1000);
    if (typeof limit !== 'number') return sendError(res, limit);
    const type = url.searchParams.get('type') ?? undefined;
    if (type !== undefined && !EVENT_TYPES.includes(type)) return sendError(res, httpError(400, 'E_BAD_FIELD', `type "${type}" is not an event type`, { field: 'type', choices: [...EVENT_TYPES] }));
    const before = url.searchParams.get('before') ?? undefined;
    const rows = c.store.events({ type, limit, before });
    if (!rows) return sendError(res, httpError(404, 'E_NO_EVENT', `no stored event has the id "${before}" (it may have been pruned by --keep); list from the newest without before=`, { field: 'before' }));
    const events = rows.map((r) => JSON.parse(r.envelope) as unknown);
    return sendJson(res, 200, { events, count: events.length, next: rows.length === limit ? rows.at(-1)!.id : null });
  }
  if (seg[0] === 'webhooks' && seg.length === 1) {
    if (!allow(['GET', 'POST'])) return;
    if (method === 'GET') return sendJson(res, 200, { webhooks: c.store.webhooks().map((w) => publicWebhook(w, c.store.pendingOf(w.id))), count: c.store.webhooks().length });
    if (!write()) return;
    const body = await readJsonBody(req);
    if (!body.ok) return sendError(res, body.error);
    const p = webhookBody.safeParse(body.value);
    if (!p.success) {
      const f = zodFail(p.error, '', 'E_BAD_FIELD', body.value).error;
      return sendError(res, f);
    }
    const added = addWebhook(c.store, p.data);
    c.webhooksChanged();
    // The secret is shown this once; the relay keeps it in its database to sign with.
    return sendJson(res, 201, { webhook: publicWebhook(added.webhook, 0), secret: added.secret });
  }
  if (seg[0] === 'webhooks' && seg.length === 2) {
    if (!allow(['DELETE'])) return;
    if (!write()) return;
    req.resume();
    const id = decodeURIComponent(seg[1]!);
    if (!c.store.deleteWebhook(id)) return sendError(res, httpError(404, 'E_NO_WEBHOOK', `no webhook has the id "${id}"; GET /api/webhooks lists them`));
    c.webhooksChanged();
    return sendJson(res, 200, { deleted: id });
  }
  if (seg[0] === 'webhooks' && seg.length === 3 && seg[2] === 'deliveries') {
    if (!allow(['GET'])) return;
    const id = decodeURIComponent(seg[1]!);
    if (!c.store.webhook(id)) return sendError(res, httpError(404, 'E_NO_WEBHOOK', `no webhook has the id "${id}"; GET /api/webhooks lists them`));
    const limit = intParam(url.searchParams, 'limit', 50, 1000);
    if (typeof limit !== 'number') return sendError(res, limit);
    const deliveries = c.store.deliveries(id, limit).map((d) => ({ ...d, nextAt: d.nextAt === null ? null : new Date(d.nextAt).toISOString(), updatedAt: new Date(d.updatedAt).toISOString() }));
    return sendJson(res, 200, { deliveries, count: deliveries.length });
  }
  if (seg[0] === 'deliveries' && seg.length === 3 && seg[2] === 'redeliver') {
    if (!allow(['POST'])) return;
    if (!write()) return;
    req.resume();
    const id = /^\d+$/.test(seg[1]!) ? Number(seg[1]) : NaN;
    const r = Number.isSafeInteger(id) ? c.store.redeliver(id) : ({ ok: false, why: 'missing' } as const);
    if (!r.ok) {
      if (r.why === 'missing') return sendError(res, httpError(404, 'E_NO_DELIVERY', `no delivery has the id "${seg[1]}"; GET /api/webhooks/:id/deliveries lists them`));
      return sendError(res, httpError(409, 'E_DELIVERY_STATE', r.why === 'pending' ? `delivery ${id} is still pending; it goes out on its own` : `delivery ${id} belongs to a disabled webhook (it answered 410 Gone); register it again to resume`));
    }
    c.wake(r.webhookId);
    return sendJson(res, 202, { delivery: id, state: 'pending' });
  }
  req.resume();
  return sendError(res, httpError(404, 'E_NOT_FOUND', `no such route: ${method} ${path}; routes: ${ROUTES.join(', ')}`));
}
