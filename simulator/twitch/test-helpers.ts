/** Test-only, kept out of the package by tsconfig.build.json's test-helpers exclude. A raw IRC client for tests: a TCP or WebSocket connection that records every line and frame it receives. */
import { connect, type Socket } from 'node:net';
import { WebSocket } from 'ws';
import { IrcLineSplitter } from '../../protocol/twitch/index.ts';

/** What a raw test client offers. */
export interface RawClient {
  lines: string[];
  /** Raw WebSocket frames (WS only): to see several lines arrive in one. */
  frames: string[];
  send(text: string): void;
  /** Resolves with the first line (from `from` on) matching, or rejects after `ms`. */
  waitFor(match: RegExp | ((l: string) => boolean), ms?: number, from?: number): Promise<string>;
  /** Resolves when the server closes the connection; the time it took from the call. */
  closed(ms?: number): Promise<number>;
  isOpen(): boolean;
  close(): void;
}

function client(send: (t: string) => void, close: () => void): RawClient & { feed(chunk: string): void; ended(): void } {
  const splitter = new IrcLineSplitter();
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  let open = true;
  const closeWaiters: Array<() => void> = [];
  const self = {
    lines,
    frames: [] as string[],
    send,
    isOpen: () => open,
    close,
    feed(chunk: string) {
      for (const i of splitter.push(chunk)) if (i.ok) lines.push(i.line);
      for (const w of [...waiters]) w();
    },
    ended() {
      open = false;
      closeWaiters.splice(0).forEach((f) => f());
      for (const w of [...waiters]) w();
    },
    waitFor(match: RegExp | ((l: string) => boolean), ms = 3000, from = 0) {
      const test = typeof match === 'function' ? match : (l: string) => match.test(l);
      return new Promise<string>((resolve, reject) => {
        const check = (): void => {
          const hit = lines.slice(from).find(test);
          if (hit !== undefined) {
            waiters.delete(check);
            clearTimeout(t);
            resolve(hit);
          }
        };
        const t = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no line matching ${String(match)} within ${ms} ms; got:\n${lines.join('\n')}`));
        }, ms);
        waiters.add(check);
        check();
      });
    },
    closed(ms = 3000) {
      const start = performance.now();
      return new Promise<number>((resolve, reject) => {
        if (!open) return resolve(0);
        const t = setTimeout(() => reject(new Error(`still open after ${ms} ms`)), ms);
        closeWaiters.push(() => {
          clearTimeout(t);
          resolve(performance.now() - start);
        });
      });
    },
  };
  return self;
}

/** Connects over TCP. */
export function tcpClient(port: number, host = '127.0.0.1'): Promise<RawClient & { socket: Socket }> {
  return new Promise((resolve, reject) => {
    const sock = connect(port, host);
    sock.setEncoding('utf8');
    const c = client((t) => void sock.write(t), () => sock.destroy());
    sock.on('data', (d: string) => c.feed(d));
    sock.on('close', () => c.ended());
    sock.once('error', reject);
    sock.once('connect', () => resolve(Object.assign(c, { socket: sock })));
  });
}

/** Connects over WebSocket. */
export function wsClient(url: string): Promise<RawClient & { ws: WebSocket }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const c = client((t) => ws.send(t), () => ws.terminate());
    ws.on('message', (d) => {
      c.frames.push(d.toString());
      c.feed(d.toString());
    });
    ws.on('close', () => c.ended());
    ws.once('error', reject);
    ws.once('open', () => resolve(Object.assign(c, { ws })));
  });
}
