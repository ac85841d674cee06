import { createServer, type Server } from 'node:http';
import sirv from 'sirv';

/** Serves dist/ (so /overlay/ is the built overlay) on 127.0.0.1 at a random port; resolves to its origin. */
export async function serveDist(distDir: string): Promise<{ origin: string; server: Server }> {
  const handler = sirv(distDir, { dev: true });
  const server = createServer((req, res) => handler(req, res, () => {
    res.writeHead(404).end();
  }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const a = server.address();
  return { origin: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`, server };
}
