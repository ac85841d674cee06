// A separate process of WebSocket clients for benchmarks, so receiving costs no CPU in the process being measured
// (bench/sink.ts drives it). argv: url clients [mode]. mode "frames" (the default) counts WebSocket messages; "irc"
// counts IRC lines (CRLF-terminated, however many per frame); "irc-join" does too, after each client logs in
// anonymously and JOINs #bench. Prints "ready" once all are connected (joined: once all got 366). On "count N\n" from
// stdin it resets the counts, answers "counting" (the producer waits for it, so nothing is counted before the reset),
// then reports "done <ms>" once every client has received N more since the command, measured from its arrival.
import { WebSocket } from 'ws';
import { createInterface } from 'node:readline';

const [url, nStr, mode = 'frames'] = process.argv.slice(2);
const n = Number(nStr);
const join = mode === 'irc-join';
const counts = new Array(n).fill(0);
let target = Infinity;
let startedAt = 0;
let pending = 0;
let ready = 0;
const sockets = [];
const newlines = (s) => {
  let c = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) c++;
  return c;
};
const isReady = () => {
  if (++ready === n) process.stdout.write('ready\n');
};
for (let i = 0; i < n; i++) {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  let joined = !join;
  ws.on('open', () => {
    if (join) ws.send(`CAP REQ :twitch.tv/tags twitch.tv/commands\r\nNICK justinfan${1000 + i}\r\nJOIN #bench\r\n`);
    else isReady();
  });
  ws.on('message', (data) => {
    if (!joined) {
      if (data.toString().includes(' 366 ')) {
        joined = true;
        isReady();
      }
      return;
    }
    const before = counts[i];
    counts[i] += mode === 'frames' ? 1 : newlines(data.toString());
    if (before < target && counts[i] >= target && --pending === 0) {
      process.stdout.write(`done ${(performance.now() - startedAt).toFixed(1)}\n`);
      target = Infinity;
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
