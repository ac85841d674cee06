/**
 * The probes an attacker's web page or a shared recording would try against a simulator on the user's machine
 * (issue 11), each over real loopback sockets and real files. Each probe throws naming what got through; the tests in
 * security.test.ts and the bench's fault rows run the same list.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { frameLine, makeHeader } from '../../recorder/format.ts';
import { mediaKey } from '../../recorder/media-urls.ts';
import type { RunningSimulator, SimulatorOptions } from '../../simulator/server/app.ts';
import { tempDir, waitFor } from './helpers.ts';
import { send, startSim, type Reply } from './sim-cases.ts';

/** One probe: a name and a run that throws when the attack got through. */
export interface SecurityProbe {
  name: string;
  run(): Promise<void>;
}

function must(cond: boolean, what: string): void {
  if (!cond) throw new Error(what);
}

function code(r: Reply): string | undefined {
  try {
    return (JSON.parse(r.body) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}

async function withSim(opts: Partial<SimulatorOptions>, fn: (sim: RunningSimulator) => Promise<void>): Promise<void> {
  const sim = await startSim(opts);
  try {
    await fn(sim);
  } finally {
    await sim.close();
  }
}

const json = (body: unknown, extra: Record<string, string> = {}) => ({ headers: { 'content-type': 'application/json', ...extra }, body: Buffer.from(JSON.stringify(body)) });

/** What `fetch(url, {method:'POST', body})` or a plain HTML form sends cross-site without a preflight. */
const SIMPLE_TYPES: Array<string | undefined> = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined];

/** A recording whose media index and files try to get the server to serve what is not theirs. */
function hostileRecording(): { dir: string; keys: Record<'traversal' | 'symlink' | 'html' | 'empty', string> } {
  const dir = join(tempDir('tiksim-sec-'), 'hostile');
  const media = join(dir, 'media');
  mkdirSync(media, { recursive: true });
  const secret = join(dir, '..', 'secret.png');
  writeFileSync(secret, 'SECRET-OUTSIDE-MEDIA');
  const urls = {
    traversal: 'https://p16-sign.tiktokcdn.com/a.png',
    symlink: 'https://p16-sign.tiktokcdn.com/b.png',
    html: 'https://p16-sign.tiktokcdn.com/c.png',
    empty: 'https://p16-sign.tiktokcdn.com/d.png',
  };
  const keys = Object.fromEntries(Object.entries(urls).map(([k, u]) => [k, mediaKey(u)])) as Record<keyof typeof urls, string>;
  symlinkSync(secret, join(media, `${keys.symlink}.png`));
  writeFileSync(join(media, `${keys.html}.html`), '<script>fetch("/api/faults/disconnect",{method:"POST"})</script>');
  writeFileSync(join(media, `${keys.empty}.png`), '');
  writeFileSync(
    join(media, 'index.json'),
    JSON.stringify({
      [urls.traversal]: { key: keys.traversal, file: '../../../../../../../../etc/passwd' },
      [urls.symlink]: { key: keys.symlink, file: `${keys.symlink}.png` },
      [urls.html]: { key: keys.html, file: `${keys.html}.html` },
      [urls.empty]: { key: keys.empty, file: `${keys.empty}.png` },
    }),
  );
  const frame = JSON.stringify({ event: 'chat', data: { comment: 'hi', profilePictureUrl: urls.traversal } });
  writeFileSync(join(dir, 'events.jsonl'), `${JSON.stringify(makeHeader('test', 1_700_000_000_000, 'tiksim faults'))}\n${frameLine(0, frame)}\n`);
  return { dir, keys };
}

/** Every probe of issue 11 that the server side answers. */
export const SECURITY_PROBES: SecurityProbe[] = [
  {
    name: '1. a cross-site form or simple fetch (text/plain, form types, no type) cannot act on any write route',
    run: () =>
      withSim({ paused: true }, async (sim) => {
        const ws = new WebSocket(sim.wsUrl);
        await new Promise((r, j) => ws.once('open', r).once('error', j));
        try {
          const writes: Array<[string, string, unknown]> = [
            ['POST', '/api/faults/stall', { seconds: 60 }],
            ['POST', '/api/events', { event: 'chat' }],
            ['POST', '/api/replay', { recording: 'quiet' }],
            ['POST', '/api/faults/disconnect', {}],
            ['PUT', '/api/generation', { paused: false }],
            ['DELETE', '/api/replay', undefined],
          ];
          for (const [method, path, body] of writes) {
            for (const type of SIMPLE_TYPES) {
              const r = await send(sim, { method, path, headers: type ? { 'content-type': type } : {}, body: body === undefined ? undefined : Buffer.from(JSON.stringify(body)) });
              must(r.status === 415 && code(r) === 'E_UNSUPPORTED_TYPE', `${method} ${path} with ${type ?? 'no type'} answered ${r.status} ${r.body.slice(0, 120)}`);
            }
          }
          const st = JSON.parse((await send(sim, { method: 'GET', path: '/api/status' })).body) as { stallMs: number; sent: { total: number }; mode: string; paused: boolean; clients: number };
          must(st.stallMs === 0 && st.sent.total === 0 && st.mode === 'generate' && st.paused && st.clients === 1, `a refused request acted: ${JSON.stringify(st)}`);
        } finally {
          ws.terminate();
        }
      }),
  },
  {
    name: '1. a JSON write from a page of another origin is refused; the server\'s own origin, no Origin and --allow-origin act',
    run: () =>
      withSim({ paused: true, allowOrigins: ['http://localhost:5173'] }, async (sim) => {
        for (const origin of ['http://evil.example', 'null', `http://evil.example:${sim.port}`, `https://127.0.0.1:${sim.port + 1}`, 'http://127.0.0.1']) {
          const r = await send(sim, { method: 'POST', path: '/api/faults/stall', ...json({ seconds: 60 }, { origin }) });
          must(r.status === 403 && code(r) === 'E_FOREIGN_ORIGIN', `Origin ${origin} answered ${r.status}`);
        }
        const st = JSON.parse((await send(sim, { method: 'GET', path: '/api/status' })).body) as { stallMs: number };
        must(st.stallMs === 0, 'a refused origin stalled the stream');
        for (const origin of [`http://127.0.0.1:${sim.port}`, `http://localhost:${sim.port}`, 'http://localhost:5173', undefined]) {
          const r = await send(sim, { method: 'POST', path: '/api/events', ...json({ event: 'chat' }, origin ? { origin } : {}) });
          must(r.status === 202, `Origin ${origin ?? '(none)'} was refused: ${r.status} ${r.body.slice(0, 120)}`);
        }
      }),
  },
  {
    name: '1. no CORS grant: a preflight from another origin gets no Access-Control-Allow-* headers',
    run: () =>
      withSim({}, async (sim) => {
        const r = await send(sim, { method: 'OPTIONS', path: '/api/events', headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
        must(!Object.keys(r.headers).some((h) => h.startsWith('access-control-allow')), `preflight granted: ${JSON.stringify(r.headers)}`);
        const g = await send(sim, { method: 'GET', path: '/api/status', headers: { origin: 'http://evil.example' } });
        must(g.headers['access-control-allow-origin'] === undefined, 'GET /api/status is readable cross-origin');
      }),
  },
  {
    name: '2. DNS rebinding: a foreign Host gets 403 on every route and on the WebSocket; loopback names and --allow-host pass',
    run: () =>
      withSim({ allowHosts: ['studio.local'] }, async (sim) => {
        for (const host of [`evil.example:${sim.port}`, 'evil.example', `127.0.0.1.evil.example:${sim.port}`, `localhost.:${sim.port}x`]) {
          for (const path of ['/api/status', '/api/recordings', '/api/log', '/overlay/', '/media/avatar/1.png', '/proxy/image?url=x', '/']) {
            const r = await send(sim, { method: 'GET', path, headers: { host } });
            must(r.status === 403 && code(r) === 'E_HOST_NOT_ALLOWED', `Host "${host}" ${path} answered ${r.status}`);
            must(!r.body.includes('"seed"'), 'a refused request leaked status');
          }
          const w = await send(sim, { method: 'GET', path: '/', headers: { host, connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' } });
          must(w.status === 403, `WebSocket upgrade with Host "${host}" answered ${w.status}`);
        }
        for (const host of [`127.0.0.1:${sim.port}`, `localhost:${sim.port}`, `[::1]:${sim.port}`, 'LOCALHOST', `studio.local:${sim.port}`]) {
          const r = await send(sim, { method: 'GET', path: '/api/status', headers: { host } });
          must(r.status === 200, `Host "${host}" was refused: ${r.status}`);
        }
      }),
  },
  {
    name: '3. POST /api/replay opens names only: paths, folders and missing names answer one 404 that echoes no file',
    run: () =>
      withSim({}, async (sim) => {
        const bodies: string[] = [];
        for (const recording of ['/etc/passwd', '/etc', '/no/such/file', '../../../../etc/passwd', '../recordings/quiet', 'quiet/../../etc/passwd', join(sim.state.opts.recordingsDir!, '..')]) {
          const r = await send(sim, { method: 'POST', path: '/api/replay', ...json({ recording }) });
          must(r.status === 404 && code(r) === 'E_REPLAY', `${recording} answered ${r.status} ${r.body.slice(0, 120)}`);
          must(!/root:|x:0:0/.test(r.body), `${recording}: the answer holds the file's contents`);
          bodies.push(r.body.replace(JSON.stringify(recording).slice(1, -1), 'X'));
        }
        must(new Set(bodies).size === 1, `the answers differ by what exists on disk: ${[...new Set(bodies)].join(' | ')}`);
        const ok = await send(sim, { method: 'POST', path: '/api/replay', ...json({ recording: 'quiet', instant: true }) });
        must(ok.status === 201, `a listed (bundled) recording by name was refused: ${ok.status} ${ok.body.slice(0, 200)}`);
      }),
  },
  {
    name: '4. a crafted recording cannot make /media/rec/ serve a file outside its media/ (traversal, symlink), script, or an empty file',
    run: async () => {
      const { dir, keys } = hostileRecording();
      const logged: string[] = [];
      await withSim({ replay: { recording: dir }, log: (l) => logged.push(l) }, async (sim) => {
        for (const k of ['traversal', 'symlink', 'html'] as const) {
          const r = await send(sim, { method: 'GET', path: `/media/rec/${keys[k]}` });
          must(r.status === 403 && code(r) === 'E_MEDIA_REFUSED', `${k}: ${r.status} ${r.body.slice(0, 80)}`);
          must(!/root:|SECRET-OUTSIDE|<script/.test(r.body), `${k}: served what it must not`);
        }
        const e = await send(sim, { method: 'GET', path: `/media/rec/${keys.empty}` });
        must(e.status === 200 && e.headers['x-tiksim-placeholder'] === '1', `a zero-byte media file was served as an image (${e.status}, ${String(e.headers['content-length'])} bytes)`);
        // Every refusal is logged, naming what the recording asked for.
        must(logged.some((l) => /resolves outside the recording's media folder; refused/.test(l)) && logged.some((l) => /is not a raster image.*refused/.test(l)), `refusals not logged: ${JSON.stringify(logged)}`);
        for (const path of ['/media/rec/..%2F..%2Fetc%2Fpasswd', '/media/rec/%2e%2e', '/media/rec/%E0%A4%A']) {
          const r = await send(sim, { method: 'GET', path });
          must(r.status === 400, `${path}: ${r.status}`);
        }
      });
    },
  },
  {
    name: '7. /api/status and /api/recordings never show a token a client or a recording carried',
    run: async () => {
      const recs = tempDir('tiksim-sec-recs-');
      mkdirSync(join(recs, 'tok'));
      writeFileSync(join(recs, 'tok', 'events.jsonl'), `${JSON.stringify(makeHeader('ws://127.0.0.1:21213/?token=hunter2&room=1', 1_700_000_000_000, 'tiksim faults'))}\n${frameLine(0, '{"event":"chat","data":{}}')}\n`);
      await withSim({ token: 's3cret', recordingsDir: recs }, async (sim) => {
        const ws = new WebSocket(`${sim.wsUrl}?uniqueId=me&token=s3cret`);
        await new Promise((r, j) => ws.once('open', r).once('error', j));
        try {
          await waitFor(() => sim.state.hub.size === 1, 'the client');
          const auth = { authorization: 'Bearer s3cret' };
          const st = await send(sim, { method: 'GET', path: '/api/status', headers: auth });
          must(st.status === 200 && st.body.includes('uniqueId=me'), `status: ${st.status} ${st.body.slice(0, 100)}`);
          must(!st.body.includes('s3cret'), 'GET /api/status shows the client\'s token');
          const list = await send(sim, { method: 'GET', path: '/api/recordings', headers: auth });
          must(list.body.includes('room=1') && !list.body.includes('hunter2'), `GET /api/recordings shows the recorded token: ${list.body.slice(0, 300)}`);
        } finally {
          ws.terminate();
        }
      });
    },
  },
  {
    name: 'caps: one request cannot schedule a million frames; a 5,000-deep body and a bad escape answer 400, not 500',
    run: () =>
      withSim({ paused: true }, async (sim) => {
        const big = await send(sim, { method: 'POST', path: '/api/events', ...json({ event: 'gift', count: 1000, data: { giftName: 'Rose', repeatCount: 1000 } }) });
        must(big.status === 400 && code(big) === 'E_OUT_OF_RANGE', `a million-frame request answered ${big.status}`);
        const deep = '{"chat":' + '['.repeat(5000) + ']'.repeat(5000) + '}';
        for (const [method, path] of [['PUT', '/api/rates'], ['PUT', '/api/scenario'], ['POST', '/api/events']]) {
          const r = await send(sim, { method: method!, path: path!, headers: { 'content-type': 'application/json' }, body: Buffer.from(deep) });
          must(r.status === 400 && code(r) === 'E_BAD_BODY', `deep JSON to ${method} ${path}: ${r.status} ${r.body.slice(0, 100)}`);
        }
        const st = JSON.parse((await send(sim, { method: 'GET', path: '/api/status' })).body) as { sent: { total: number } };
        must(st.sent.total === 0, 'a refused request scheduled frames');
      }),
  },
];
