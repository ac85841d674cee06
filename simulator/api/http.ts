import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiError, ErrorCode } from '../errors.ts';

/** The one error shape every API route returns (`{"error":{"code","message","field"?,"choices"?}}` + HTTP status): the engine's ApiError. */
export type HttpError = ApiError;

// Every code (the HTTP layer's and the engine's) is in protocol/errors.ts, the one table.

/** Builds an HttpError. */
export function httpError(status: number, code: ErrorCode, message: string, extra: Partial<HttpError> = {}): HttpError {
  return { status, code, message, ...extra };
}

/** Writes a JSON reply (extra headers: CORS for images, Allow for 405...). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return void res.destroy();
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** Writes an error reply in the documented shape. */
export function sendError(res: ServerResponse, err: HttpError, headers: Record<string, string> = {}): void {
  const { status, ...error } = err;
  sendJson(res, status, { error }, headers);
}

/** Deepest nesting an API body may have: no body needs more than a few levels, and validators recurse. */
export const MAX_JSON_DEPTH = 32;

/** The deepest nesting of `[`/`{` in JSON text (strings skipped), without parsing it. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}

/**
 * Reads a JSON body of at most `limit` bytes, sent as application/json. An empty body is E_BAD_BODY.
 * Resolves to `{ok:false}` with 400/413/415 errors instead of throwing.
 */
export function readJsonBody(req: IncomingMessage, limit = 256 * 1024): Promise<{ ok: true; value: unknown } | { ok: false; error: HttpError }> {
  return new Promise((resolve) => {
    const type = req.headers['content-type'];
    if (!type || !/^application\/json\s*(;|$)/i.test(type)) {
      req.resume();
      resolve({ ok: false, error: httpError(415, 'E_UNSUPPORTED_TYPE', `body must be sent with "Content-Type: application/json"${type ? `, got "${type}"` : ''}`) });
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      resolve({ ok: false, error: httpError(413, 'E_TOO_LARGE', `body of ${declared} bytes is over the ${limit}-byte limit`) });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (c: Buffer) => {
      if (done) return;
      size += c.length;
      if (size > limit) {
        done = true;
        resolve({ ok: false, error: httpError(413, 'E_TOO_LARGE', `body is over the ${limit}-byte limit`) });
        req.resume();
        return;
      }
      chunks.push(c);
    });
    req.on('error', () => {
      if (!done) resolve({ ok: false, error: httpError(400, 'E_BAD_JSON', 'request body could not be read') });
      done = true;
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      const text = Buffer.concat(chunks).toString('utf8').trim();
      if (text === '') return resolve({ ok: false, error: httpError(400, 'E_BAD_BODY', 'the body is empty; send a JSON object (`{}` where every field is optional)') });
      const depth = jsonDepth(text);
      if (depth > MAX_JSON_DEPTH) {
        return resolve({ ok: false, error: httpError(400, 'E_BAD_BODY', `the body nests ${depth} levels deep; no API body needs more than ${MAX_JSON_DEPTH}`) });
      }
      try {
        resolve({ ok: true, value: JSON.parse(text) });
      } catch (e) {
        resolve({ ok: false, error: httpError(400, 'E_BAD_JSON', `request body is not valid JSON: ${(e as Error).message}`) });
      }
    });
  });
}
