import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimState } from '../server/state.ts';
import { httpError, readJsonBody, sendError, sendJson, type HttpError } from './http.ts';
import { generationRoutes } from './routes-generation.ts';
import { replayRoutes } from './routes-replay.ts';
import { faultRoutes } from './routes-faults.ts';
import { twitchRoutes } from './routes-twitch.ts';
import type { Guard } from '../server/guard.ts';

const WRITES = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

export { fail, ok, type RouteContext, type RouteHandler, type RouteResult, type RouteTable } from './route-kit.ts';
import type { RouteTable } from './route-kit.ts';

/** The control API: one table of routes, JSON in and out, errors in the documented shape; never throws. */
export function createApiHandler(state: SimState, guard?: Pick<Guard, 'checkApiWrite'>): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const table: RouteTable = { ...generationRoutes, ...replayRoutes, ...faultRoutes, ...twitchRoutes };
  const paths = new Map<string, string[]>();
  for (const key of Object.keys(table)) {
    const [method, path] = key.split(' ');
    paths.set(path, [...(paths.get(path) ?? []), method]);
  }
  const listing = [...paths].map(([p, m]) => `${m.join('|')} ${p}`).join(', ');

  return async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const path = url.pathname.replace(/\/+$/, '') || '/';
      const method = (req.method ?? 'GET').toUpperCase();
      if (method === 'OPTIONS') {
        res.writeHead(204, { allow: (paths.get(path) ?? []).join(', ') });
        res.end();
        return;
      }
      const handler = table[`${method} ${path}`];
      if (!handler) {
        const allowed = paths.get(path);
        if (allowed) {
          res.setHeader('allow', allowed.join(', '));
          sendError(res, httpError(405, 'E_METHOD', `${method} is not allowed on ${path}; use ${allowed.join(' or ')}`, { choices: allowed }));
        } else sendError(res, httpError(404, 'E_NOT_FOUND', `no such API route: ${method} ${path}. Routes: ${listing}`));
        req.resume();
        return;
      }
      // A cross-site form or fetch must not act: writes need JSON (a form cannot send it without a CORS preflight,
      // which this server never grants) and, when the browser names an Origin, this server's own.
      if (guard && WRITES.has(method)) {
        const refused = guard.checkApiWrite(req);
        if (refused) {
          req.resume();
          return sendError(res, refused);
        }
      }
      let body: unknown = undefined;
      if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
        const read = await readJsonBody(req);
        if (!read.ok) return sendError(res, read.error);
        body = read.value;
      } else req.resume();
      const result = await handler({ state, url, body, req });
      if ('error' in result) sendError(res, result.error);
      else sendJson(res, result.status, result.body);
    } catch (e) {
      sendError(res, httpError(500, 'E_INTERNAL', `unexpected error: ${(e as Error).message}`));
    }
  };
}
