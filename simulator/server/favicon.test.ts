import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appIconIco } from '../media/app-icon.ts';
import { favicon } from './favicon.ts';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (!favicon(req, res)) {
      res.writeHead(418);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('favicon handler', () => {
  it('answers /favicon.ico with the app icon, and HEAD without a body', async () => {
    const r = await fetch(`${base}/favicon.ico`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('image/x-icon');
    expect(Buffer.from(await r.arrayBuffer()).equals(appIconIco())).toBe(true);
    const head = await fetch(`${base}/favicon.ico?v=2`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBe(appIconIco().length);
  });

  it('leaves other paths and methods to the rest of the server', async () => {
    expect((await fetch(`${base}/favicon.png`)).status).toBe(418);
    expect((await fetch(`${base}/overlay/favicon.ico`)).status).toBe(418);
    expect((await fetch(`${base}/favicon.ico`, { method: 'POST' })).status).toBe(418);
  });
});
