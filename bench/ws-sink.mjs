// A separate process of WebSocket clients for benchmarks, so receiving costs no CPU in the process being measured.
// argv: url clients. Prints "ready" when all are connected; on "count N\n" from stdin it resets the counts, answers
// "counting" (the producer waits for it, so no frame is counted before the reset), then reports "done <ms>" once every
// client has received N more frames since the command, measured from the command's arrival.
import { WebSocket } from 'ws';
import { createInterface } from 'node:readline';

const [url, nStr] = process.argv.slice(2);
const n = Number(nStr);
const counts = new Array(n).fill(0);
let target = Infinity;
let startedAt = 0;
let pending = 0;
const sockets = [];
let open = 0;
for (let i = 0; i < n; i++) {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  ws.on('open', () => {
    if (++open === n) process.stdout.write('ready\n');
  });
  ws.on('message', () => {
    counts[i]++;
    if (counts[i] === target) {
      if (--pending === 0) {
        process.stdout.write(`done ${(performance.now() - startedAt).toFixed(1)}\n`);
        target = Infinity;
      }
    }
  });
  ws.on('error', (e) => process.stderr.write(`sink: ${e.message}\n`));
  sockets.push(ws);
}
createInterface({ input: process.stdin }).on('line', (line) => {
  const [cmd, v] = line.split(' ');
  if (cmd === 'count') {
    for (let i = 0; i < n; i++) counts[i] = 0;
    startedAt = performance.now();
    pending = n;
    target = Number(v);
    process.stdout.write('counting\n');
  } else if (cmd === 'exit') {
    for (const ws of sockets) ws.terminate();
    process.exit(0);
  }
});
