import type { IncomingMessage, ServerResponse } from 'node:http';
import { appIconIco } from '../media/app-icon.ts';

let ico: Buffer | null = null;

/**
 * Answers GET/HEAD /favicon.ico with tiksim's icon (browsers ask for it on every page); false for other paths.
 * @example http.createServer((req, res) => favicon(req, res) || other(req, res));
 */
export function favicon(req: IncomingMessage, res: ServerResponse): boolean {
  const path = (req.url ?? '/').split('?')[0];
  if (path !== '/favicon.ico' || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  ico ??= appIconIco();
  res.writeHead(200, { 'content-type': 'image/x-icon', 'content-length': ico.length, 'cache-control': 'public, max-age=86400' });
  res.end(req.method === 'HEAD' ? undefined : ico);
  return true;
}
