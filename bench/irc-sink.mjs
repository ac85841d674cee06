// A separate process of IRC-over-WebSocket clients for the Twitch bench, so receiving costs no CPU in the process
// being measured. argv: url clients join(0|1). With join=1 each client logs in anonymously and JOINs #bench, "ready"
// once all got 366; else "ready" once all are open. On "count N" it answers "counting", then prints "done <ms>" once every client has received
// N more lines (CRLF-terminated, however many per frame), measured from the command's arrival.
import { WebSocket } from 'ws';
import { createInterface } from 'node:readline';

const [url, nStr, join] = process.argv.slice(2);
const n = Number(nStr);
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
for (let i = 0; i < n; i++) {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  let joined = join !== '1';
  ws.on('open', () => {
    if (join === '1') ws.send(`CAP REQ :twitch.tv/tags twitch.tv/commands\r\nNICK justinfan${1000 + i}\r\nJOIN #bench\r\n`);
    else if (++ready === n) process.stdout.write('ready\n');
  });
  ws.on('message', (data) => {
    const text = data.toString();
    if (!joined) {
      if (text.includes(' 366 ')) {
        joined = true;
        if (++ready === n) process.stdout.write('ready\n');
      }
      return;
    }
    const before = counts[i];
    counts[i] += newlines(text);
    if (before < target && counts[i] >= target && --pending === 0) {
      process.stdout.write(`done ${(performance.now() - startedAt).toFixed(1)}\n`);
      target = Infinity;
    }
  });
  ws.on('error', (e) => process.stderr.write(`irc-sink: ${e.message}\n`));
  sockets.push(ws);
}
createInterface({ input: process.stdin }).on('line', (line) => {
  const [cmd, v] = line.split(' ');
  if (cmd === 'count') {
    for (let i = 0; i < n; i++) counts[i] = 0;
    startedAt = performance.now();
    pending = n;
    target = Number(v);
    // Acknowledged, so the sender starts only now: lines that raced ahead of the command would be lost to the count.
    process.stdout.write('counting\n');
  } else if (cmd === 'exit') {
    for (const ws of sockets) ws.terminate();
    process.exit(0);
  }
});
