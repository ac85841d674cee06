/**
 * A tiny TikFinity stand-in for overlay development: serves overlay/dev/media (generated avatar/gift PNGs with CORS *)
 * and a WebSocket that sends the real sample frames, rewritten with local media, in a loop.
 * Usage: npx tsx overlay/dev/feed.ts [--port 0] [--storm] [--once]. Prints `ws://127.0.0.1:<port>/` on stdout.
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { WebSocketServer, type WebSocket } from 'ws';
import { PNG } from 'pngjs';
import { buildScript, type ScriptFrame } from './script.ts';

const args = process.argv.slice(2);
const port = Number(args[args.indexOf('--port') + 1] ?? 0) || 0;
const storm = args.includes('--storm');
const samples = JSON.parse(readFileSync(new URL('../../protocol/fixtures/tikfinity-samples.json', import.meta.url), 'utf8')) as ScriptFrame[];

/** A simple generated picture: a coloured disc with a lighter centre (avatars) or a gem (gifts). */
function png(kind: string, n: number): Buffer {
  const s = 128;
  const img = new PNG({ width: s, height: s });
  const hue = (n * 67) % 360;
  const [r, g, b] = hsl(hue, 0.65, 0.55);
  for (let y = 0; y < s; y++)
    for (let x = 0; x < s; x++) {
      const i = (y * s + x) * 4;
      const dx = x - s / 2, dy = y - s / 2, d = Math.sqrt(dx * dx + dy * dy);
      let a = 255, k = 1;
      if (kind === 'gift') {
        const inGem = Math.abs(dx) + Math.abs(dy) * 1.2 < 52;
        a = inGem ? 255 : 0;
        k = 1.25 - (dy + 50) / 200;
      } else {
        k = d < 26 && y < 70 ? 1.5 : y > 80 && Math.abs(dx) < 40 ? 1.35 : 1;
      }
      img.data[i] = Math.min(255, r * k); img.data[i + 1] = Math.min(255, g * k); img.data[i + 2] = Math.min(255, b * k); img.data[i + 3] = a;
    }
  return PNG.sync.write(img);
}

function hsl(h: number, s: number, l: number): [number, number, number] {
  const f = (n: number): number => {
    const k = (n + h / 30) % 12;
    return 255 * (l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k - 3, 9 - k, 1)));
  };
  return [f(0), f(8), f(4)];
}

const cache = new Map<string, Buffer>();
const server = createServer((req, res) => {
  const m = /^\/media\/(avatar|gift)\/(\d+)\.png/.exec(req.url ?? '');
  if (!m) {
    res.writeHead(404).end();
    return;
  }
  const key = `${m[1]}/${m[2]}`;
  if (!cache.has(key)) cache.set(key, png(m[1]!, Number(m[2])));
  res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*', 'cache-control': 'max-age=3600' });
  res.end(cache.get(key));
});
const wss = new WebSocketServer({ server });
server.listen(port, '127.0.0.1', () => {
  const a = server.address();
  const p = typeof a === 'object' && a ? a.port : 0;
  const base = `http://127.0.0.1:${p}`;
  console.log(`ws://127.0.0.1:${p}/`);
  wss.on('connection', (ws: WebSocket) => {
    ws.on('error', () => {});
    const script = buildScript(samples, base, storm);
    let i = 0;
    const next = (): void => {
      if (ws.readyState !== ws.OPEN) return;
      const f = script[i % script.length]!;
      i++;
      if (i > script.length && args.includes('--once')) return;
      ws.send(f.text);
      setTimeout(next, f.delayMs);
    };
    next();
  });
});
