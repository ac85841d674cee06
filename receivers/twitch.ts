import { backoffDelay, type Backoff } from '../protocol/backoff.ts';
import { parseIrcLine, serializeIrcLine, type IrcMessage } from '../protocol/twitch/irc-line.ts';
import { IrcLineSplitter } from '../protocol/twitch/line-splitter.ts';
import { TWITCH_CAPABILITIES } from '../protocol/twitch/types.ts';
import type { Received, Receiver, ReceiverState, ReceiverStatus } from './receiver.ts';
import { openTransport, transportKind, type IrcTransport } from './twitch-transport.ts';

/**
 * A Twitch chat receiver: an IRC client over WebSocket or TCP, as Twitch's own chat and every chat tool speak it
 * (shared/reference/TWITCH-IRC.md). It logs in anonymously (`justinfan<digits>`, which Twitch lets read any channel)
 * unless given an OAuth token, joins its channels, answers PING, and keeps reconnecting with backoff and jitter until
 * stopped, except where retrying cannot help (a refused login, channels that do not exist): those end in `failed`.
 *
 * Keepalive: Twitch PINGs about every 5 minutes and drops a client that does not PONG. A server that stops sending
 * anything (a dead NAT mapping, a stalled server) is noticed when nothing at all has arrived for one PING interval plus
 * a grace period: the receiver then drops the connection and reconnects.
 */

export interface TwitchReceiverOptions {
  /** `ws://127.0.0.1:21215`, `wss://irc-ws.chat.twitch.tv`, `irc://127.0.0.1:6667` (TCP) or `ircs://host:6697` (TLS). */
  url: string;
  /** Channels to join, with or without `#`; lower-cased (Twitch logins are). */
  channels: string[];
  /** Receiver name in an aggregate (default 'twitch'). */
  name?: string;
  /** OAuth token (`oauth:` prefix optional) for a logged-in session; anonymous when absent. Never logged or reported. */
  token?: string;
  /** Login to use with `token` (default: anonymous justinfan). */
  nick?: string;
  /** The server's PING interval, ms (default 5 min, Twitch's). */
  pingIntervalMs?: number;
  /** Extra silence tolerated after a missed PING before reconnecting, ms (default 30 s, or the interval when shorter). */
  pingGraceMs?: number;
  /** How long to wait for the welcome (001) after connecting, ms (default 10 s). */
  handshakeTimeoutMs?: number;
  /** How long to wait for a JOIN to be confirmed, ms (default 10 s). */
  joinTimeoutMs?: number;
  backoff?: Backoff;
  /** Jitter source for backoff and the anonymous nick's digits. */
  rng?: () => number;
  now?: () => number;
}

/** The receiver's status, with the counts a user needs to see why messages are missing. */
export interface TwitchStatus extends ReceiverStatus {
  /** Lines that did not parse as IRC or were longer than the splitter allows (skipped, never fatal). */
  badLines: number;
  /** Channels whose JOIN Twitch confirmed on the current connection. */
  joined: string[];
}

const CAPS = TWITCH_CAPABILITIES.join(' ');
/** NOTICE texts of a refused login (Twitch then closes the connection): retrying the same token cannot succeed. */
const AUTH_FAILED = /^(Login authentication failed|Improperly formatted auth|Invalid NICK)/;
/** Commands handed on as events; the rest are the connection's own business (welcome numerics, CAP, PING, USERSTATE). */
const EVENT_COMMANDS = new Set(['PRIVMSG', 'USERNOTICE', 'CLEARCHAT', 'CLEARMSG', 'NOTICE', 'HOSTTARGET', 'WHISPER', 'JOIN', 'PART']);

/** A Twitch receiver as the Receiver contract describes (start/stop/status/onEvent/onState). */
export class TwitchReceiver implements Receiver<IrcMessage> {
  readonly name: string;
  readonly platform = 'twitch' as const;
  private readonly url: URL;
  private readonly channels: string[];
  private readonly nick: string;
  private readonly pass: string;
  private readonly pingIntervalMs: number;
  private readonly pingGraceMs: number;
  private readonly handshakeTimeoutMs: number;
  private readonly joinTimeoutMs: number;
  private readonly backoff: Backoff;
  private readonly rng: () => number;
  private readonly now: () => number;
  private readonly eventFns = new Set<(e: Received<IrcMessage>) => void>();
  private readonly stateFns = new Set<(s: ReceiverStatus) => void>();
  private st: TwitchStatus;
  private transport: IrcTransport | null = null;
  private closing: Promise<void> | null = null;
  private resolveClosed: (() => void) | null = null;
  private timers = { idle: undefined as NodeJS.Timeout | undefined, handshake: undefined as NodeJS.Timeout | undefined, join: undefined as NodeJS.Timeout | undefined, retry: undefined as NodeJS.Timeout | undefined };
  private started = false;
  private stopped = false;
  /** Why the current connection is being closed by us (so onClose reports it, and whether to retry). */
  private closeReason: { reason: string; retry: boolean; immediate?: boolean } | null = null;
  private channelErrors = new Map<string, string>();

  constructor(opts: TwitchReceiverOptions) {
    this.url = new URL(opts.url);
    transportKind(this.url); // a bad scheme is the caller's mistake: say so now, not as a state
    this.channels = [...new Set(opts.channels.map((c) => c.replace(/^#/, '').toLowerCase()).filter((c) => c !== ''))];
    if (this.channels.length === 0) throw new TypeError('TwitchReceiver: no channel to join; give at least one (e.g. "somechannel")');
    for (const c of this.channels) if (!/^[a-z0-9_]{1,25}$/.test(c)) throw new TypeError(`TwitchReceiver: "${c}" is not a Twitch channel name (letters, digits, _; at most 25)`);
    this.name = opts.name ?? 'twitch';
    this.rng = opts.rng ?? Math.random;
    this.now = opts.now ?? Date.now;
    const token = opts.token?.trim();
    if (token) {
      this.pass = token.startsWith('oauth:') ? token : `oauth:${token}`;
      this.nick = (opts.nick ?? `justinfan${this.digits()}`).toLowerCase();
    } else {
      // Twitch accepts any PASS (or none) with a justinfan login; SCHMOOPIIE is what Twitch's own web chat sends.
      this.pass = 'SCHMOOPIIE';
      this.nick = `justinfan${this.digits()}`;
    }
    this.pingIntervalMs = opts.pingIntervalMs ?? 5 * 60_000;
    this.pingGraceMs = opts.pingGraceMs ?? Math.min(30_000, this.pingIntervalMs);
    this.handshakeTimeoutMs = opts.handshakeTimeoutMs ?? 10_000;
    this.joinTimeoutMs = opts.joinTimeoutMs ?? 10_000;
    this.backoff = opts.backoff ?? { initial: 1000, max: 30_000 };
    const source = `${this.url.protocol}//${this.url.host}/ ${this.channels.map((c) => `#${c}`).join(',')}`;
    this.st = { name: this.name, platform: 'twitch', source, state: 'idle', since: this.now(), attempts: 0, events: 0, badLines: 0, joined: [], room: this.channels.map((c) => `#${c}`).join(',') };
  }

  private digits(): string {
    return String(10_000 + Math.floor(this.rng() * 89_999));
  }

  /** The login in use (anonymous `justinfan…` unless a token was given). */
  get login(): string {
    return this.nick;
  }

  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.connect();
  }

  async stop(): Promise<void> {
    if (this.stopped) return this.closing ?? undefined;
    this.stopped = true;
    this.clearTimers();
    clearTimeout(this.timers.retry);
    if (this.transport) {
      this.closing = new Promise<void>((res) => (this.resolveClosed = res));
      this.closeReason = { reason: 'stopped', retry: false };
      this.transport.close();
      await this.closing;
    }
    this.setState('stopped');
  }

  status(): TwitchStatus {
    return { ...this.st, joined: [...this.st.joined] };
  }

  onEvent(fn: (e: Received<IrcMessage>) => void): () => void {
    this.eventFns.add(fn);
    return () => this.eventFns.delete(fn);
  }

  onState(fn: (s: ReceiverStatus) => void): () => void {
    this.stateFns.add(fn);
    return () => this.stateFns.delete(fn);
  }

  private setState(state: ReceiverState, lastError?: string): void {
    const next: TwitchStatus = { ...this.st, state, since: this.now() };
    if (lastError !== undefined) next.lastError = this.redact(lastError);
    if (state === 'connected') next.attempts = 0;
    this.st = next;
    const snap = this.status();
    for (const fn of this.stateFns) {
      try {
        fn(snap);
      } catch {
        /* a listener's failure is its own */
      }
    }
  }

  /** Removes the token from anything we report, however a peer or library echoed it. */
  private redact(text: string): string {
    const token = this.pass.startsWith('oauth:') ? this.pass.slice(6) : '';
    return token ? text.split(token).join('***') : text;
  }

  private connect(): void {
    this.st.joined = [];
    this.channelErrors.clear();
    this.closeReason = null;
    this.setState('connecting');
    const splitter = new IrcLineSplitter();
    const t = openTransport(this.url, {
      onOpen: () => {
        t.send(`CAP REQ :${CAPS}`);
        t.send(`PASS ${this.pass}`);
        t.send(`NICK ${this.nick}`);
        this.armIdle();
      },
      onData: (chunk) => {
        this.armIdle();
        for (const item of splitter.push(chunk)) {
          if (!item.ok) {
            this.st.badLines++;
            continue;
          }
          this.onLine(item.line, t);
          if (this.transport !== t) return; // the line closed this connection
        }
      },
      onClose: (reason) => this.onClose(t, reason),
    });
    this.transport = t;
    this.timers.handshake = setTimeout(() => {
      this.drop(t, `no welcome from ${this.url.host} within ${this.handshakeTimeoutMs / 1000} s (the server accepted the connection but never answered the login)`, true);
    }, this.handshakeTimeoutMs);
  }

  private drop(t: IrcTransport, reason: string, retry: boolean, immediate = false): void {
    if (this.transport !== t || this.closeReason) return;
    this.closeReason = { reason, retry, immediate };
    t.close();
  }

  private armIdle(): void {
    clearTimeout(this.timers.idle);
    const t = this.transport;
    const ms = this.pingIntervalMs + this.pingGraceMs;
    this.timers.idle = setTimeout(() => {
      if (t) this.drop(t, `nothing from the server for ${(ms / 1000).toFixed(1)} s (no PING): reconnecting`, true);
    }, ms);
  }

  private clearTimers(): void {
    clearTimeout(this.timers.idle);
    clearTimeout(this.timers.handshake);
    clearTimeout(this.timers.join);
  }

  private onClose(t: IrcTransport, transportReason: string): void {
    if (this.transport !== t) return;
    this.transport = null;
    this.clearTimers();
    const why = this.closeReason ?? { reason: transportReason, retry: true };
    this.closeReason = null;
    if (this.resolveClosed) {
      this.resolveClosed();
      this.resolveClosed = null;
      return;
    }
    if (this.stopped) return;
    if (!why.retry) {
      this.setState('failed', why.reason);
      return;
    }
    const attempt = why.immediate ? 0 : this.st.attempts;
    const delay = why.immediate ? 0 : backoffDelay(attempt, this.backoff, this.rng);
    this.st.attempts++;
    this.setState('reconnecting', why.reason);
    this.timers.retry = setTimeout(() => {
      if (!this.stopped) this.connect();
    }, delay);
  }

  private onLine(line: string, t: IrcTransport): void {
    const parsed = parseIrcLine(line);
    if (!parsed.ok) {
      this.st.badLines++;
      return;
    }
    const msg = parsed.msg;
    switch (msg.command) {
      case 'PING':
        t.send(serializeIrcLine({ command: 'PONG', params: [msg.params[0] ?? 'tmi.twitch.tv'], trailing: true }));
        return;
      case '001':
        clearTimeout(this.timers.handshake);
        t.send(`JOIN ${this.channels.map((c) => `#${c}`).join(',')}`);
        this.timers.join = setTimeout(() => this.joinTimedOut(t), this.joinTimeoutMs);
        this.setState('connected');
        return;
      case 'RECONNECT':
        this.drop(t, 'the server asked us to reconnect (RECONNECT)', true, true);
        return;
      case 'NOTICE':
        if (msg.params[0] === '*' && AUTH_FAILED.test(msg.params[1] ?? '')) {
          this.drop(t, `Twitch refused the login: ${msg.params[1]}; check the OAuth token (it needs the chat:read scope) or drop it to read anonymously`, false);
          return;
        }
        if (msg.tags['msg-id'] === 'msg_channel_suspended' && msg.params[0]) {
          this.channelFailed(t, msg.params[0], msg.params[1] ?? 'This channel does not exist or has been suspended.');
          return;
        }
        break;
      case 'JOIN':
        if (msg.prefix?.nick === this.nick) {
          const ch = msg.params[0] ?? '';
          if (!this.st.joined.includes(ch)) this.st.joined.push(ch);
          if (this.st.joined.length + this.channelErrors.size >= this.channels.length) clearTimeout(this.timers.join);
          this.setState('connected');
          return;
        }
        break;
      default:
        break;
    }
    if (!EVENT_COMMANDS.has(msg.command)) return;
    const kind = msg.command === 'USERNOTICE' ? msg.tags['msg-id'] || 'USERNOTICE' : msg.command;
    this.st.events++;
    const e: Received<IrcMessage> = { platform: 'twitch', receiver: this.name, kind, data: msg, at: this.now(), raw: line };
    for (const fn of this.eventFns) {
      try {
        fn(e);
      } catch {
        /* a listener's failure is its own */
      }
    }
  }

  private channelFailed(t: IrcTransport, channel: string, why: string): void {
    this.channelErrors.set(channel, why);
    const all = [...this.channelErrors].map(([c, w]) => `${c}: ${w}`).join('; ');
    if (this.st.joined.length === 0 && this.channelErrors.size >= this.channels.length) {
      this.drop(t, `could not join any channel (${all})`, false);
    } else this.setState('connected', `could not join ${all}`);
  }

  private joinTimedOut(t: IrcTransport): void {
    for (const c of this.channels) {
      const ch = `#${c}`;
      if (!this.st.joined.includes(ch) && !this.channelErrors.has(ch)) {
        this.channelFailed(t, ch, `no answer to JOIN within ${this.joinTimeoutMs / 1000} s; does the channel exist?`);
      }
    }
  }
}

/** Creates a Twitch receiver. @example twitchReceiver({ url: 'ws://127.0.0.1:21215', channels: ['somechannel'] }).start() */
export function twitchReceiver(opts: TwitchReceiverOptions): TwitchReceiver {
  return new TwitchReceiver(opts);
}
