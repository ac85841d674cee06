/**
 * One client connection speaking Twitch's IRC, over either transport: capability negotiation, PASS/NICK login
 * (anonymous `justinfan<digits>` or an OAuth token), the welcome, JOIN/PART with their replies, PING/PONG both ways,
 * 421 for what Twitch does not know. Output is queued and written once per turn of the event loop, so the lines of
 * one moment leave together (several CRLF-separated lines in one WebSocket frame, as Twitch does).
 */
import {
  channelLogin, IrcLineSplitter, isAnonymousLogin, isTwitchCapability, IRC_MAX_LINE_BYTES, parseIrcLine, serializeIrcLine,
  TMI_HOST, TWITCH_CAPABILITIES, utf8Length, type IrcLineInput, type IrcMessage,
} from '../../protocol/twitch/index.ts';
import type { ChannelState } from './events.ts';
import {
  globaluserstateLine, joinLines, noticeLine, partLine, privmsgLine, render, roomstateLine, serverLine, userstateLine, welcomeLines,
  userIdFor, uuidFrom, type Login, type Rendered,
} from './lines.ts';

/** The socket under a session: a WebSocket or a TCP connection. */
export interface Transport {
  readonly kind: 'ws' | 'tcp';
  readonly remote: string;
  /** Writes CRLF-terminated lines (one WebSocket text frame); a Buffer is UTF-8 text encoded once for many clients. */
  write(text: string | Buffer): void;
  /** Bytes queued and not yet sent. */
  buffered(): number;
  /** Closes cleanly (a close frame / FIN). */
  close(): void;
  /** Drops the connection at once (fault injection, a client that stopped reading). */
  destroy(): void;
}

/** Counters shared by every session of a server. */
export interface SessionStats {
  pingsSent: number;
  pongsReceived: number;
  pongTimeouts: number;
  authFailures: number;
  unknownCommands: number;
  badLines: number;
  droppedLines: number;
}

/** What a session needs from its server. */
export interface SessionHost {
  readonly seed: number;
  /** Virtual now (tmi-sent-ts of relayed messages). */
  now(): number;
  readonly pingMs: number;
  readonly maxBufferedBytes: number;
  readonly stats: SessionStats;
  /** Whether a PASS token logs a named user in (anonymous logins never get here). */
  acceptToken(token: string): boolean;
  /** False when the server is reachable off this machine: then every login needs the server's token. */
  readonly allowAnonymous: boolean;
  /** The channel to join, created on first use; null when Twitch would say it does not exist. */
  channel(name: string): ChannelState | null;
  joined(s: Session, ch: ChannelState): void;
  parted(s: Session, ch: ChannelState): void;
  /** A logged-in client's own chat message, to the channel's other clients. */
  relay(from: Session, ch: ChannelState, line: Rendered): void;
  /** True while a stall fault holds every line back. */
  stalled(): boolean;
  closed(s: Session): void;
}

const CAP_LS = TWITCH_CAPABILITIES.join(' ');
// Twitch: "chat text is at most 500 characters"; a line longer than IRC's 512 bytes is not processed.
const MAX_QUEUED_LINES = 20_000;

let nextId = 1;

/** One connection's IRC state. */
export class Session {
  readonly id = nextId++;
  readonly connectedAt = Date.now();
  readonly caps = new Set<string>();
  readonly channels = new Map<string, ChannelState>();
  login: Login | null = null;
  private pass: string | undefined;
  private nickGiven: string | undefined;
  private readonly splitter = new IrcLineSplitter();
  private queue: string[] = [];
  private flushScheduled = false;
  private awaitingPong = false;
  private pingTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    readonly transport: Transport,
    private readonly host: SessionHost,
  ) {
    this.armPing();
  }

  /** The nick, or `*` before login (as IRC replies name an unregistered client). */
  get nick(): string {
    return this.login?.nick ?? '*';
  }

  /** Feeds what the client sent (a WebSocket frame or a TCP chunk). */
  receive(chunk: string): void {
    for (const item of this.splitter.push(chunk)) {
      if (this.closed) return;
      if (!item.ok) {
        this.host.stats.badLines++;
        this.sendLine(serverLine('417', [this.nick, 'Input line was too long']));
        continue;
      }
      const r = parseIrcLine(item.line);
      if (!r.ok) {
        // Garbage is ignored, as Twitch ignores it: one bad line never ends a session.
        this.host.stats.badLines++;
        continue;
      }
      // IRC's 512 bytes (CRLF included) count the line without its tags; tags may add 8191 more.
      const ircPart = item.line.startsWith('@') ? item.line.slice(item.line.indexOf(' ') + 1) : item.line;
      if (utf8Length(ircPart) + 2 > IRC_MAX_LINE_BYTES) {
        this.host.stats.badLines++;
        this.sendLine(serverLine('417', [this.nick, 'Input line was too long']));
        continue;
      }
      this.handle(r.msg);
    }
  }

  /** Sends a line built for every client, in the form this client asked for (tags or not), if it asked for it. */
  sendRendered(r: Rendered): void {
    if (r.commands && !this.caps.has('twitch.tv/commands')) return;
    this.enqueue(this.caps.has('twitch.tv/tags') ? r.tagged : r.plain);
  }

  /** Sends lines built for every client (one pump tick's worth): the form and the buffer are checked once. */
  sendBatch(lines: readonly Rendered[]): void {
    if (this.closed || lines.length === 0) return;
    if (this.transport.buffered() > this.host.maxBufferedBytes || this.queue.length + lines.length > MAX_QUEUED_LINES) {
      for (const r of lines) this.sendRendered(r); // the slow path counts and drops line by line
      return;
    }
    const commands = this.caps.has('twitch.tv/commands');
    const tags = this.caps.has('twitch.tv/tags');
    for (const r of lines) if (commands || !r.commands) this.queue.push(tags ? r.tagged : r.plain);
    if (!this.flushScheduled && this.queue.length > 0) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /**
   * Writes lines already joined for this client's form (see `form`), shared with other clients, at once: only when
   * nothing is queued before them (order holds), no stall and no backlog. False: the caller queues them instead.
   */
  writeShared(chunk: string | Buffer): boolean {
    if (this.closed || this.queue.length > 0 || this.host.stalled() || this.transport.buffered() > this.host.maxBufferedBytes) return false;
    this.transport.write(chunk);
    return true;
  }

  /** Which lines this client gets and how: 0-3 = tags (1) + commands (2). */
  get form(): number {
    return (this.caps.has('twitch.tv/tags') ? 1 : 0) | (this.caps.has('twitch.tv/commands') ? 2 : 0);
  }

  /** Sends one line as-is. */
  sendLine(line: IrcLineInput): void {
    if (line.tags && !this.caps.has('twitch.tv/tags')) this.enqueue(serializeIrcLine({ ...line, tags: undefined }));
    else this.enqueue(serializeIrcLine(line));
  }

  /** Writes what is queued now (called when a stall ends). */
  flush(): void {
    this.flushScheduled = false;
    if (this.closed || this.queue.length === 0 || this.host.stalled()) return;
    const text = `${this.queue.join('\r\n')}\r\n`;
    this.queue = [];
    this.transport.write(text);
  }

  /** Ends the session: a clean close, or dropped (`hard`). */
  end(hard = false): void {
    if (this.closed) return;
    if (!hard) this.flush();
    this.closed = true;
    if (this.pingTimer) clearTimeout(this.pingTimer);
    for (const ch of this.channels.values()) this.host.parted(this, ch);
    this.channels.clear();
    this.host.closed(this);
    if (hard) this.transport.destroy();
    else this.transport.close();
  }

  /** The transport closed under us. */
  transportClosed(): void {
    this.end(true);
  }

  private enqueue(text: string): void {
    if (this.closed) return;
    if (this.transport.buffered() > this.host.maxBufferedBytes || this.queue.length >= MAX_QUEUED_LINES) {
      // A client that stopped reading loses lines rather than costing the server memory; four caps over, it is dropped.
      this.host.stats.droppedLines++;
      if (this.transport.buffered() > 4 * this.host.maxBufferedBytes) this.end(true);
      return;
    }
    this.queue.push(text);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  private armPing(): void {
    this.pingTimer = setTimeout(() => this.pingDue(), this.host.pingMs);
    this.pingTimer.unref?.();
  }

  /** Twitch's keepalive: a PING each interval; a client that has not answered the last one by now is closed. */
  private pingDue(): void {
    if (this.closed) return;
    if (this.host.stalled()) {
      // A stalled server sends nothing, PINGs included, and cannot blame a client for not answering them.
      this.armPing();
      return;
    }
    if (this.awaitingPong) {
      this.host.stats.pongTimeouts++;
      this.end(false);
      return;
    }
    this.awaitingPong = true;
    this.host.stats.pingsSent++;
    this.enqueue(`PING :${TMI_HOST}`);
    this.armPing();
  }

  private handle(m: IrcMessage): void {
    switch (m.command) {
      case 'CAP':
        return this.cap(m);
      case 'PASS':
        this.pass = m.params[0];
        return;
      case 'NICK':
        return this.nickCmd(m.params[0]);
      case 'USER':
        return; // accepted and ignored, as Twitch does
      case 'PING':
        return this.sendLine(serverLine('PONG', m.params.length ? [TMI_HOST, m.params[0]!] : [TMI_HOST], m.params.length > 0));
      case 'PONG':
        this.awaitingPong = false;
        this.host.stats.pongsReceived++;
        return;
      case 'QUIT':
        return this.end(false);
      case 'JOIN':
        if (this.registered('JOIN')) this.joinCmd(m.params[0] ?? '');
        return;
      case 'PART':
        if (this.registered('PART')) this.partCmd(m.params[0] ?? '');
        return;
      case 'PRIVMSG':
        if (this.registered('PRIVMSG')) this.privmsgCmd(m.params[0] ?? '', m.params[1] ?? '');
        return;
      default:
        this.host.stats.unknownCommands++;
        return this.sendLine(serverLine('421', [this.nick, m.command, 'Unknown command']));
    }
  }

  private registered(command: string): boolean {
    if (this.login) return true;
    this.sendLine(serverLine('451', ['*', command, 'You have not registered']));
    return false;
  }

  private cap(m: IrcMessage): void {
    const sub = (m.params[0] ?? '').toUpperCase();
    if (sub === 'LS') return this.sendLine(serverLine('CAP', ['*', 'LS', CAP_LS]));
    if (sub === 'LIST') return this.sendLine(serverLine('CAP', ['*', 'LIST', [...this.caps].join(' ')]));
    if (sub === 'END') return;
    if (sub === 'REQ') {
      const asked = m.params[1] ?? '';
      const names = asked.split(' ').filter((n) => n !== '');
      // IRCv3: a request is taken or refused whole. Names are case-sensitive, so twitch.tv/Commands is refused.
      if (names.length === 0 || !names.every((n) => isTwitchCapability(n.startsWith('-') ? n.slice(1) : n))) {
        return this.sendLine(serverLine('CAP', ['*', 'NAK', asked]));
      }
      for (const n of names) if (n.startsWith('-')) this.caps.delete(n.slice(1));
      else this.caps.add(n);
      return this.sendLine(serverLine('CAP', ['*', 'ACK', asked]));
    }
    this.sendLine(serverLine('410', [this.nick, sub, 'Invalid CAP command']));
  }

  private nickCmd(raw: string | undefined): void {
    if (this.login) return; // Twitch does not change nicks
    const nick = (raw ?? '').toLowerCase();
    this.nickGiven = nick;
    if (isAnonymousLogin(nick)) {
      return this.host.allowAnonymous ? this.welcome({ nick, userId: '', anonymous: true }) : this.authFail('Login authentication failed');
    }
    if (this.pass === undefined || !this.pass.startsWith('oauth:') || !/^[a-z0-9_]{1,25}$/.test(nick)) {
      return this.authFail('Improperly formatted auth');
    }
    if (!this.host.acceptToken(this.pass.slice('oauth:'.length))) return this.authFail('Login authentication failed');
    this.welcome({ nick, userId: userIdFor(this.host.seed, nick), anonymous: false });
  }

  private authFail(text: string): void {
    this.host.stats.authFailures++;
    this.sendLine(noticeLine('*', text));
    this.end(false);
  }

  private welcome(l: Login): void {
    this.login = l;
    for (const line of welcomeLines(l.nick)) this.sendLine(line);
    if (!l.anonymous && this.caps.has('twitch.tv/tags') && this.caps.has('twitch.tv/commands')) this.sendLine(globaluserstateLine(l));
  }

  private joinCmd(list: string): void {
    for (const raw of list.split(',').filter((c) => c !== '')) {
      const name = channelLogin(raw);
      if (this.channels.has(name)) continue;
      const ch = this.host.channel(name);
      if (!ch) {
        this.sendLine(noticeLine(`#${name}`, 'This channel does not exist or has been suspended.', 'msg_channel_suspended'));
        continue;
      }
      this.channels.set(name, ch);
      this.host.joined(this, ch);
      for (const line of joinLines(this.nick, name)) this.sendLine(line);
      if (this.caps.has('twitch.tv/commands')) {
        this.sendLine(userstateLine(this.login!, ch));
        this.sendLine(roomstateLine(ch, ch.room));
      }
    }
  }

  private partCmd(list: string): void {
    for (const raw of list.split(',').filter((c) => c !== '')) {
      const ch = this.channels.get(channelLogin(raw));
      if (!ch) continue;
      this.sendLine(partLine(this.nick, ch.name));
      this.channels.delete(ch.name);
      this.host.parted(this, ch);
    }
  }

  private privmsgCmd(target: string, text: string): void {
    const ch = this.channels.get(channelLogin(target));
    // Anonymous logins may read only; Twitch drops what they send without a word.
    if (!ch || this.login!.anonymous || text === '') return;
    const l = this.login!;
    const viewer = { index: -1, login: l.nick, displayName: l.nick, userId: l.userId, color: '', mod: false, vip: false, turbo: false, subMonths: 0, bitsBadge: 0 };
    const id = uuidFrom(this.host.seed, this.id, Math.floor(this.host.now()));
    this.host.relay(this, ch, render(privmsgLine(viewer, ch, id, Math.floor(this.host.now()), { text: text.slice(0, 500), emotes: [] }), false));
    if (this.caps.has('twitch.tv/commands')) this.sendLine(userstateLine(l, ch));
  }
}
