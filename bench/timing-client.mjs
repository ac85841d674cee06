// An ordinary `ws` client in a process of its own, the way an overlay sees a stream: it notes when each frame arrives
// (performance.now() in the 'message' handler, nothing else done there) and hashes the frames only at the end.
// argv: url count idleMs [count-only]. Stops at `count` frames, or `idleMs` after the last one (or 20 s with none), and
// prints one JSON line {n, at:[ms...], hashes:[sha1/16...], bytes}; with "count-only" it keeps nothing per frame and
// prints {n, first, last, bytes} (throughput runs of millions of frames). Used by bench/client-timing.ts for tiksim
// and its floor alike. With "append <file>" it counts and appends each frame to the file as the recorder's line, one
// write per frame: a bare recorder, the floor of what the socket and the disk allow together.
import { createHash } from 'node:crypto';
import { openSync, writeSync } from 'node:fs';
import { WebSocket } from 'ws';

const [url, countStr, idleStr] = process.argv.slice(2);
const want = Number(countStr);
const idleMs = Number(idleStr ?? 3000);
const appendTo = process.argv[5] === 'append' ? openSync(process.argv[6], 'w') : null;
const countOnly = process.argv[5] === 'count-only' || appendTo !== null;
const t0 = performance.now();
const at = new Float64Array(countOnly ? 0 : want);
const data = new Array(countOnly ? 0 : want);
let first = 0;
let total = 0;
let n = 0;
let last = performance.now();
const ws = new WebSocket(url, { perMessageDeflate: false });
const finish = () => {
  if (countOnly) {
    process.stdout.write(JSON.stringify({ n, first, last, bytes: total }) + '\n');
    ws.terminate();
    process.exit(0);
  }
  let bytes = 0;
  const hashes = [];
  for (let i = 0; i < n; i++) {
    bytes += data[i].length;
    hashes.push(createHash('sha1').update(data[i]).digest('hex').slice(0, 16));
  }
  process.stdout.write(JSON.stringify({ n, at: Array.from(at.subarray(0, n)), hashes, bytes }) + '\n');
  ws.terminate();
  process.exit(0);
};
ws.on('message', (d) => {
  const now = performance.now();
  if (countOnly) {
    if (n === 0) first = now;
    n++;
    if (appendTo !== null) writeSync(appendTo, `{"t":${Math.floor(now - t0)},"frame":${JSON.stringify(d.toString('utf8'))}}\n`);
    total += d.length;
  } else if (n < want) {
    at[n] = now;
    data[n++] = d;
  }
  last = now;
  if (n === want) finish();
});
ws.on('error', (e) => {
  process.stderr.write(`timing-client: ${e.message}\n`);
  process.exit(1);
});
// A coarse check: its callback takes microseconds, so it cannot make a frame look late by anything measurable.
setInterval(() => {
  const quiet = performance.now() - last;
  if ((n > 0 && quiet > idleMs) || quiet > 20_000) finish();
}, 250);
