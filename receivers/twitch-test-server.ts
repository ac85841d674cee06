import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A small scriptable IRC server on real loopback sockets (WebSocket and TCP) for the receiver's unhappy-path tests:
 * it answers a login and a JOIN the way Twitch does by default, and each test bends one thing (never welcome, refuse
 * the token, stop PINGing, half-close, send garbage). The full fake Twitch (simulator/twitch/) is the happy path's
 * server; this one exists because those faults must be exact and immediate.
 */

/** One connected client as a test sees it. */
export interface TestConn {
  readonly kind: 'ws' | 'tcp';
  /** Lines received from the client, without CRLF. */
  readonly lines: string[];
  /** Sends lines, all in one WebSocket frame / TCP write, CRLF after each. */
  send(...lines: string[]): void;
  /** Sends raw text as is (partial lines, no CRLF). */
  sendRaw(text: string): void;
  close(): void;
  /** TCP only: sends FIN and keeps the socket open for reading (a half-close). */
  halfClose(): void;
  readonly closed: boolean;
}

export interface TestServerBehaviour {
  /** Send the welcome numerics on NICK (default true). */
  welcome?: boolean;
  /** Tokens (without `oauth:`) accepted; any other `PASS oauth:...` gets `Login authentication failed`. Default: any. */
  tokens?: string[];
  /** Channels that exist; JOIN of others gets msg_channel_suspended, or nothing when `silentUnknownJoin`. Default: all. */
  channels?: string[];
  silentUnknownJoin?: boolean;
  /** Called for every line after the default handling. */
  onLine?: (c: TestConn, line: string) => void;
  onConnect?: (c: TestConn) => void;
}

export interface TestIrcServer {
  wsUrl: string;
  tcpUrl: string;
  conns: TestConn[];
  behaviour: TestServerBehaviour;
  /** Resolves when `n` connections have been made in all. */
  waitConns(n: number, timeoutMs?: number): Promise<TestConn>;
  close(): Promise<void>;
}

function handle(c: TestConn, line: string, b: TestServerBehaviour, state: { nick: string; pass: string }): void {
  const [cmd, ...rest] = line.split(' ');
  const arg = rest.join(' ');
  switch ((cmd ?? '').toUpperCase()) {
    case 'CAP':
      if (arg.startsWith('REQ')) c.send(`:tmi.twitch.tv CAP * ACK ${arg.slice(4)}`);
      break;
    case 'PASS':
      state.pass = arg;
      break;
    case 'NICK': {
      state.nick = arg;
      if (b.tokens && state.pass.startsWith('oauth:') && !b.tokens.includes(state.pass.slice(6))) {
        c.send(':tmi.twitch.tv NOTICE * :Login authentication failed');
        c.close();
        return;
      }
      if (b.welcome === false) return;
      const n = state.nick;
      c.send(
        `:tmi.twitch.tv 001 ${n} :Welcome, GLHF!`,
        `:tmi.twitch.tv 002 ${n} :Your host is tmi.twitch.tv`,
        `:tmi.twitch.tv 003 ${n} :This server is rather new`,
        `:tmi.twitch.tv 004 ${n} :-`,
        `:tmi.twitch.tv 375 ${n} :-`,
        `:tmi.twitch.tv 372 ${n} :You are in a maze of twisty passages, all alike.`,
        `:tmi.twitch.tv 376 ${n} :>`,
      );
      break;
    }
    case 'JOIN':
      for (const ch of arg.split(',')) {
        const name = ch.replace(/^#/, '');
        if (b.channels && !b.channels.includes(name)) {
          if (!b.silentUnknownJoin) c.send(`@msg-id=msg_channel_suspended :tmi.twitch.tv NOTICE ${ch} :This channel does not exist or has been suspended.`);
          continue;
        }
        const n = state.nick;
        c.send(
          `:${n}!${n}@${n}.tmi.twitch.tv JOIN ${ch}`,
          `:${n}.tmi.twitch.tv 353 ${n} = ${ch} :${n}`,
          `:${n}.tmi.twitch.tv 366 ${n} ${ch} :End of /NAMES list`,
          `@emote-only=0;followers-only=-1;r9k=0;room-id=1;slow=0;subs-only=0 :tmi.twitch.tv ROOMSTATE ${ch}`,
        );
      }
      break;
    default:
      break;
  }
}

/** Starts the server on ephemeral loopback ports. */
export async function startTestIrcServer(behaviour: TestServerBehaviour = {}): Promise<TestIrcServer> {
  const conns: TestConn[] = [];
  const waiters: { n: number; res: (c: TestConn) => void }[] = [];
  const added = (c: TestConn): void => {
    conns.push(c);
    behaviour.onConnect?.(c);
    for (const w of [...waiters]) if (conns.length >= w.n) {
      waiters.splice(waiters.indexOf(w), 1);
      w.res(conns[w.n - 1]!);
    }
  };
  const feed = (c: TestConn, lines: string[], state: { nick: string; pass: string }, tail: { s: string }, chunk: string): void => {
    tail.s += chunk;
    const parts = tail.s.split('\n');
    tail.s = parts.pop() ?? '';
    for (let p of parts) {
      if (p.endsWith('\r')) p = p.slice(0, -1);
      if (p === '') continue;
      lines.push(p);
      handle(c, p, behaviour, state);
      behaviour.onLine?.(c, p);
    }
  };

  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((res) => wss.once('listening', () => res()));
  wss.on('connection', (ws: WebSocket) => {
    const lines: string[] = [];
    let closed = false;
    const c: TestConn = {
      kind: 'ws',
      lines,
      send: (...l) => {
        if (ws.readyState === ws.OPEN) ws.send(l.map((x) => `${x}\r\n`).join(''));
      },
      sendRaw: (t) => {
        if (ws.readyState === ws.OPEN) ws.send(t);
      },
      close: () => ws.terminate(),
      halfClose: () => {
        throw new Error('halfClose is TCP only');
      },
      get closed() {
        return closed;
      },
    };
    ws.on('close', () => (closed = true));
    ws.on('error', () => {});
    const state = { nick: '', pass: '' };
    const tail = { s: '' };
    ws.on('message', (d) => feed(c, lines, state, tail, d.toString()));
    added(c);
  });

  const sockets = new Set<Socket>();
  const tcp: Server = createServer({ allowHalfOpen: true }, (sock) => {
    sockets.add(sock);
    sock.setEncoding('utf8');
    const lines: string[] = [];
    let closed = false;
    const c: TestConn = {
      kind: 'tcp',
      lines,
      send: (...l) => {
        if (!sock.destroyed && sock.writable) sock.write(l.map((x) => `${x}\r\n`).join(''));
      },
      sendRaw: (t) => {
        if (!sock.destroyed && sock.writable) sock.write(t);
      },
      close: () => sock.destroy(),
      halfClose: () => sock.end(),
      get closed() {
        return closed;
      },
    };
    sock.on('close', () => {
      closed = true;
      sockets.delete(sock);
    });
    sock.on('error', () => {});
    // allowHalfOpen lets a test half-close its side; when the client ends, end ours as any server would.
    sock.on('end', () => sock.end());
    const state = { nick: '', pass: '' };
    const tail = { s: '' };
    sock.on('data', (d: string) => feed(c, lines, state, tail, d));
    added(c);
  });
  await new Promise<void>((res) => tcp.listen(0, '127.0.0.1', () => res()));

  const wsPort = (wss.address() as AddressInfo).port;
  const tcpPort = (tcp.address() as AddressInfo).port;
  return {
    wsUrl: `ws://127.0.0.1:${wsPort}`,
    tcpUrl: `irc://127.0.0.1:${tcpPort}`,
    conns,
    behaviour,
    waitConns(n, timeoutMs = 5000) {
      if (conns.length >= n) return Promise.resolve(conns[n - 1]!);
      return new Promise((res, rej) => {
        const w = { n, res };
        waiters.push(w);
        setTimeout(() => rej(new Error(`only ${conns.length} of ${n} connections within ${timeoutMs} ms`)), timeoutMs).unref();
      });
    },
    async close() {
      for (const c of wss.clients) c.terminate();
      for (const s of sockets) s.destroy();
      await Promise.all([new Promise<void>((r) => wss.close(() => r())), new Promise<void>((r) => tcp.close(() => r()))]);
    },
  };
}
