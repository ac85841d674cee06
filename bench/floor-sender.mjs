// The floor: a bare `ws` server, in a process of its own, sending pre-read frames the plainest way. It is what the
// machine itself does, so tiksim's figures are measured against it in the same run.
// argv: framesFile mode. framesFile: one JSON line per frame {"t":<ms>,"text":"<exact frame>"}. It prints the port,
// then on the first connection:
//   timed   — a setTimeout for each frame's offset (ms from the connection), chained, ws.send(text) when it fires;
//   instant — ws.send(text) for every frame in a loop, waiting for the socket's 'drain' past 1 MiB buffered.
import { readFileSync } from 'node:fs';
import { WebSocketServer } from 'ws';

const [file, mode] = process.argv.slice(2);
const frames = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
wss.on('listening', () => process.stdout.write(`port ${wss.address().port}\n`));
let served = false;
wss.on('connection', (ws) => {
  ws.on('error', () => {});
  if (served) return;
  served = true;
  if (mode === 'timed') {
    // One timer at a time, set from the clock for the next frame's offset, sending every frame that is due when it
    // fires. Not all timers set up front: Linux lets a long wait run late by about 0.1 % of its length (the poll
    // timer's slack), so frames scheduled 25 s ahead arrive ~15 ms late (measured: up-front p50 3.9 / p99 7.5 ms,
    // growing along the run; chained p50 0.65 / p99 1.24 ms, flat).
    const t0 = performance.now();
    let i = 0;
    const step = () => {
      while (i < frames.length && performance.now() - t0 >= frames[i].t) ws.send(frames[i++].text);
      if (i < frames.length) setTimeout(step, Math.max(0, frames[i].t - (performance.now() - t0)));
    };
    step();
    return;
  }
  const sock = ws._socket;
  let i = 0;
  const pump = () => {
    while (i < frames.length) {
      ws.send(frames[i++].text);
      if (ws.bufferedAmount > 1 << 20) return void sock.once('drain', pump);
    }
  };
  pump();
});
process.stdin.on('data', () => process.exit(0));
process.stdin.on('end', () => process.exit(0));
