/** What a control-API route is: its context, its result, the table it sits in (routes.ts serves the tables). */
import type { IncomingMessage } from 'node:http';
import type { SimState } from '../server/state.ts';
import type { HttpError } from './http.ts';

/** What a route handler gets: the parsed URL, the JSON body (for POST/PUT), and the server state. */
export interface RouteContext {
  state: SimState;
  url: URL;
  body: unknown;
  req: IncomingMessage;
}

/** A handler answers with a status and JSON body, or an HttpError. */
export type RouteResult = { status: number; body: unknown } | { error: HttpError };
export type RouteHandler = (ctx: RouteContext) => RouteResult | Promise<RouteResult>;

/** Route table entries: `"METHOD /api/path"`. */
export type RouteTable = Record<string, RouteHandler>;

/** Wraps a success body. */
export function ok(body: unknown, status = 200): RouteResult {
  return { status, body };
}

/** Wraps an error. */
export function fail(error: HttpError): RouteResult {
  return { error };
}

