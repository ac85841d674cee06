import { afterEach, describe, expect, it } from 'vitest';
import type { IrcMessage } from '../protocol/twitch/irc-line.ts';
import type { Received } from './receiver.ts';
import { TwitchReceiver, type TwitchReceiverOptions } from './twitch.ts';
import { startTestIrcServer, type TestIrcServer, type TestServerBehaviour } from './twitch-test-server.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function until(pred: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const t0 = Date.now();
  while (!pred()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function setup(b: TestServerBehaviour = {}, opts: Partial<TwitchReceiverOptions> = {}, via: 'ws' | 'tcp' = 'ws') {
  const server = await startTestIrcServer(b);
  const r = new TwitchReceiver({ url: via === 'ws' ? server.wsUrl : server.tcpUrl, channels: ['somechannel'], backoff: { initial: 20, max: 100 }, ...opts });
  const events: Received<IrcMessage>[] = [];
  const states: string[] = [];
  r.onEvent((e) => events.push(e));
  r.onState((s) => states.push(s.state));
  cleanups.push(async () => {
    await r.stop();
    await server.close();
  });
  r.start();
  return { server, r, events, states };
}

const PRIVMSG =
  '@badge-info=;badges=subscriber/12,bits/1000;color=#0D4200;display-name=Ronni;emotes=25:0-4;first-msg=0;id=b34ccfc7-4977-403a-8a94-33c6bac34fb8;mod=0;room-id=1;subscriber=1;tmi-sent-ts=1507246572675;turbo=0;user-id=1337;user-type= :ronni!ronni@ronni.tmi.twitch.tv PRIVMSG #somechannel :Kappa Keepo Kappa';

describe.each(['ws', 'tcp'] as const)('TwitchReceiver over %s', (via) => {
  it('logs in anonymously, joins, answers PING with the same argument and hands on PRIVMSG', async () => {
    const { server, r, events } = await setup({}, {}, via);
    const c = await server.waitConns(1);
    await until(() => r.status().joined.includes('#somechannel'), 'JOIN confirmed');
    expect(c.lines.slice(0, 4)).toEqual([
      'CAP REQ :twitch.tv/tags twitch.tv/commands twitch.tv/membership',
      'PASS SCHMOOPIIE',
      `NICK ${r.login}`,
      'JOIN #somechannel',
    ]);
    expect(r.login).toMatch(/^justinfan\d+$/);
    expect(r.status().state).toBe('connected');
    c.send('PING :tmi.twitch.tv');
    await until(() => c.lines.includes('PONG :tmi.twitch.tv'), 'PONG');
    c.send(PRIVMSG);
    await until(() => events.length === 1, 'PRIVMSG event');
    expect(events[0]!.kind).toBe('PRIVMSG');
    expect(events[0]!.raw).toBe(PRIVMSG);
    expect(events[0]!.data.tags['display-name']).toBe('Ronni');
    expect(events[0]!.data.params).toEqual(['#somechannel', 'Kappa Keepo Kappa']);
  });

  it('skips garbage and overlong lines, counting them, and carries on', async () => {
    const { server, r, events } = await setup({}, {}, via);
    const c = await server.waitConns(1);
    await until(() => r.status().state === 'connected', 'connected');
    c.send('@@@ nonsense', ':', '@a=b', 'PRIVMSG #somechannel :x'.replace('PRIVMSG', 'PRIV$MSG'));
    c.sendRaw(`:ronni!ronni@ronni.tmi.twitch.tv PRIVMSG #somechannel :${'x'.repeat(20_000)}\r\n`);
    c.send(PRIVMSG);
    await until(() => events.length === 1, 'the good line after the bad ones');
    expect(r.status().badLines).toBe(5);
    expect(r.status().state).toBe('connected');
  });

  it('accepts a chat line over IRC\'s 512 bytes (500 characters of emoji are 2,000 bytes; Twitch sends them) but skips one past the 8191 + 512 cap', async () => {
    const { server, r, events } = await setup({}, {}, via);
    const c = await server.waitConns(1);
    await until(() => r.status().state === 'connected', 'connected');
    const long = `@id=l1;user-id=1 :ab!ab@ab.tmi.twitch.tv PRIVMSG #somechannel :${'😀'.repeat(500)}`;
    expect(Buffer.byteLength(long)).toBeGreaterThan(2000);
    c.send(long, `@id=l2;user-id=1 :ab!ab@ab.tmi.twitch.tv PRIVMSG #somechannel :${'x'.repeat(8800)}`, PRIVMSG);
    await until(() => events.length === 2, 'the long line and the good one');
    expect(events.map((e) => e.data.tags['id'])).toEqual(['l1', 'b34ccfc7-4977-403a-8a94-33c6bac34fb8']);
    expect(r.status().badLines).toBe(1);
  });

  it('reconnects at once on RECONNECT and joins again', async () => {
    const { server, r, states } = await setup({}, {}, via);
    const c1 = await server.waitConns(1);
    await until(() => r.status().joined.length === 1, 'first join');
    c1.send(':tmi.twitch.tv RECONNECT');
    const c2 = await server.waitConns(2);
    await until(() => c2.lines.includes('JOIN #somechannel') && r.status().joined.length === 1 && r.status().state === 'connected', 'second join');
    await until(() => c1.closed, 'the old connection closed');
    expect(r.status().lastError).toMatch(/RECONNECT/);
    expect(states).toContain('reconnecting');
  });

  it('reconnects when the server goes silent for longer than its PING interval plus grace', async () => {
    const { server, r } = await setup({}, { pingIntervalMs: 150, pingGraceMs: 50 }, via);
    await server.waitConns(1);
    const t0 = Date.now();
    await server.waitConns(2, 3000);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(190);
    expect(r.status().lastError).toMatch(/nothing from the server for 0\.2 s/);
  });
});

describe('TwitchReceiver unhappy paths', () => {
  it('fails without retrying when Twitch refuses the OAuth token, and never reports the token', async () => {
    const { server, r, states } = await setup({ tokens: ['goodtoken'] }, { token: 'oauth:wrongtoken123', nick: 'someone' });
    const c = await server.waitConns(1);
    await until(() => r.status().state === 'failed', 'failed');
    expect(c.lines).toContain('PASS oauth:wrongtoken123');
    expect(r.status().lastError).toBe(
      'Twitch refused the login: Login authentication failed; check the OAuth token (it needs the chat:read scope) or drop it to read anonymously',
    );
    expect(JSON.stringify(r.status())).not.toContain('wrongtoken123');
    await new Promise((res) => setTimeout(res, 150));
    expect(server.conns.length).toBe(1);
    expect(states).not.toContain('reconnecting');
  });

  it('logs in with a good token as the given nick', async () => {
    const { server, r } = await setup({ tokens: ['goodtoken'] }, { token: 'goodtoken', nick: 'SomeOne' });
    const c = await server.waitConns(1);
    await until(() => r.status().joined.length === 1, 'joined');
    expect(c.lines.slice(1, 3)).toEqual(['PASS oauth:goodtoken', 'NICK someone']);
  });

  it('fails on a channel Twitch says does not exist (msg_channel_suspended)', async () => {
    const { r } = await setup({ channels: ['other'] });
    await until(() => r.status().state === 'failed', 'failed');
    expect(r.status().lastError).toBe('could not join any channel (#somechannel: This channel does not exist or has been suspended.)');
  });

  it('fails on a channel whose JOIN is never answered', async () => {
    const { r } = await setup({ channels: ['other'], silentUnknownJoin: true }, { joinTimeoutMs: 100 });
    await until(() => r.status().state === 'failed', 'failed');
    expect(r.status().lastError).toBe('could not join any channel (#somechannel: no answer to JOIN within 0.1 s; does the channel exist?)');
  });

  it('keeps the channels that exist when one of several does not', async () => {
    const { r } = await setup({ channels: ['somechannel'] }, { channels: ['somechannel', 'nosuchone'] });
    await until(() => r.status().lastError !== undefined, 'the bad channel reported');
    expect(r.status().state).toBe('connected');
    expect(r.status().joined).toEqual(['#somechannel']);
    expect(r.status().lastError).toBe('could not join #nosuchone: This channel does not exist or has been suspended.');
  });

  it('retries with backoff when the server never answers the login', async () => {
    const { server, r } = await setup({ welcome: false }, { handshakeTimeoutMs: 80 });
    await server.waitConns(3, 5000);
    expect(r.status().lastError).toMatch(/^no welcome from 127\.0\.0\.1:\d+ within 0\.08 s/);
    expect(r.status().attempts).toBeGreaterThanOrEqual(2);
  });

  it('reconnects after a half-closed TCP socket', async () => {
    const { server, r } = await setup({}, {}, 'tcp');
    const c1 = await server.waitConns(1);
    await until(() => r.status().state === 'connected', 'connected');
    c1.halfClose();
    const c2 = await server.waitConns(2);
    await until(() => c2.lines.includes('JOIN #somechannel'), 'rejoin');
    expect(r.status().lastError).toBe('server closed the connection (TCP FIN)');
  });

  it('keeps retrying with backoff while nothing listens, saying so', async () => {
    const server = await startTestIrcServer();
    const url = server.wsUrl;
    await server.close();
    const r = new TwitchReceiver({ url, channels: ['somechannel'], backoff: { initial: 20, max: 40 } });
    cleanups.push(() => r.stop());
    r.start();
    await until(() => r.status().attempts >= 2, 'two failed attempts');
    expect(r.status().state).toMatch(/reconnecting|connecting/);
    expect(r.status().lastError).toMatch(/nothing listening at 127\.0\.0\.1:\d+/);
  });

  it('refuses a bad URL scheme or channel name up front', () => {
    expect(() => new TwitchReceiver({ url: 'http://127.0.0.1:1', channels: ['a'] })).toThrow('unsupported Twitch URL scheme "http:" (use ws://, wss://, irc:// or ircs://)');
    expect(() => new TwitchReceiver({ url: 'ws://127.0.0.1:1', channels: ['bad name'] })).toThrow('"bad name" is not a Twitch channel name');
    expect(() => new TwitchReceiver({ url: 'ws://127.0.0.1:1', channels: [] })).toThrow('no channel to join');
  });

  it('stays on one connection across 40 shortened PING intervals of a server that drops non-responders', async () => {
    // The server PINGs every 40 ms and drops a client that has not PONGed by the next PING, as Twitch does.
    const interval = 40;
    const server = await startTestIrcServer();
    const timers: NodeJS.Timeout[] = [];
    let pings = 0;
    server.behaviour.onConnect = (c) => {
      let answered = true;
      const t = setInterval(() => {
        if (!answered) return c.close();
        answered = false;
        pings++;
        c.send('PING :tmi.twitch.tv');
      }, interval);
      timers.push(t);
      server.behaviour.onLine = (_c, line) => {
        if (line === 'PONG :tmi.twitch.tv') answered = true;
      };
    };
    const r = new TwitchReceiver({ url: server.wsUrl, channels: ['somechannel'], pingIntervalMs: interval, pingGraceMs: interval });
    cleanups.push(async () => {
      for (const t of timers) clearInterval(t);
      await r.stop();
      await server.close();
    });
    r.start();
    await until(() => pings >= 40, '40 PINGs', 10_000);
    expect(server.conns.length).toBe(1);
    expect(server.conns[0]!.closed).toBe(false);
    expect(r.status().state).toBe('connected');
    expect(server.conns[0]!.lines.filter((l) => l === 'PONG :tmi.twitch.tv').length).toBeGreaterThanOrEqual(39);
  });

  it('stop() closes the connection and ends reconnecting', async () => {
    const { server, r } = await setup();
    const c = await server.waitConns(1);
    await until(() => r.status().state === 'connected', 'connected');
    await r.stop();
    await until(() => c.closed, 'closed');
    expect(r.status().state).toBe('stopped');
    await new Promise((res) => setTimeout(res, 100));
    expect(server.conns.length).toBe(1);
  });
});
