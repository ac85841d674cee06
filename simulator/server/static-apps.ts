import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';
import { sendError, httpError } from '../api/http.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * Serves the built overlay at /overlay/ and the panel at /panel/ from `distDir` (made by `npm run build`).
 * When a build is missing, says how to make it instead of a bare 404.
 */
export function createStaticApps(distDir: string): Handler {
  const apps = ['overlay', 'panel'].map((name) => {
    const dir = join(distDir, name);
    return { name, prefix: `/${name}`, dir, serve: null as ReturnType<typeof sirv> | null };
  });
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    for (const app of apps) {
      if (path !== app.prefix && !path.startsWith(`${app.prefix}/`)) continue;
      if (path === app.prefix) {
        res.writeHead(301, { location: `${app.prefix}/${(req.url ?? '').slice(app.prefix.length)}` });
        res.end();
        return true;
      }
      if (!existsSync(join(app.dir, 'index.html'))) {
        sendError(res, httpError(404, 'E_NOT_FOUND', `the ${app.name} is not built: run "npm run build" (or "npm start", which builds it)`));
        return true;
      }
      // The overlay's page says it was served by tiksim, so it connects to this server (any port), not to 21213.
      if (app.name === 'overlay' && (path === '/overlay/' || path === '/overlay/index.html') && (req.method === 'GET' || req.method === 'HEAD')) {
        const html = readFileSync(join(app.dir, 'index.html'), 'utf8').replace(/<head>/i, '<head>\n    <meta name="tiksim-served" content="1" />');
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html), 'cache-control': 'no-cache', 'access-control-allow-origin': '*' });
        res.end(req.method === 'HEAD' ? undefined : html);
        return true;
      }
      // dev mode reads the folder on each request, so a rebuild while the server runs is served at once.
      app.serve ??= sirv(app.dir, { dev: true, etag: true, single: false, dotfiles: false });
      const original = req.url;
      req.url = (req.url ?? '/').slice(app.prefix.length) || '/';
      res.setHeader('access-control-allow-origin', '*');
      app.serve(req, res, () => {
        req.url = original;
        sendError(res, httpError(404, 'E_NOT_FOUND', `no such file in the ${app.name}: ${path}`));
      });
      return true;
    }
    return false;
  };
}
