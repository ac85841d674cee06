import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { findCheers, parseEmotes, emoteText, parseIrcLine, type IrcMessage } from '../../protocol/twitch/index.ts';
import { chat, cheer, raid, resub } from './events.ts';
import { startTwitchServer, type RunningTwitch, type TwitchServerOptions } from './server.ts';
import { tcpClient, wsClient, type RawClient } from './test-helpers.ts';
import { TWITCH_RATE_KINDS, type TwitchRates } from './rates.ts';

const NO_RATES = Object.fromEntries(TWITCH_RATE_KINDS.map((k) => [k, 0])) as TwitchRates;
const TOKEN = 'abcdefghijklmnopqrstuvwxyz0123';
let servers: RunningTwitch[] = [];
let clients: RawClient[] = [];

async function start(o: Partial<TwitchServerOptions> = {}): Promise<RunningTwitch> {
  const tw = await startTwitchServer({ seed: 7, startMs: 1_700_000_000_000, port: 0, tcpPort: 0, rates: NO_RATES, ...o });
  servers.push(tw);
  return tw;
}
async function ws(tw: RunningTwitch): Promise<RawClient> {
  const c = await wsClient(tw.wsUrl);
  clients.push(c);
  return c;
}
async function tcp(tw: RunningTwitch): Promise<RawClient> {
  const c = await tcpClient(tw.tcpPort!);
  clients.push(c);
  return c;
}
const parsed = (line: string): IrcMessage => {
  const r = parseIrcLine(line);
  if (!r.ok) throw new Error(r.error);
  return r.msg;
};
async function anonJoin(c: RawClient, channel = 'dallas', caps = 'twitch.tv/tags twitch.tv/commands'): Promise<void> {
  c.send(`CAP REQ :${caps}\r\nPASS SCHMOOPIIE\r\nNICK justinfan12345\r\nJOIN #${channel}\r\n`);
  await c.waitFor(new RegExp(` 366 justinfan12345 #${channel} `));
}

afterEach(async () => {
  clients.forEach((c) => c.close());
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  clients = [];
});

describe('login and join, as Twitch answers them', () => {
  it('welcomes an anonymous justinfan with 001-004 and the MOTD, all in one WebSocket frame', async () => {
    const tw = await start();
    const c = await ws(tw);
    c.send('CAP REQ :twitch.tv/tags twitch.tv/commands\r\nPASS SCHMOOPIIE\r\nNICK justinfan12345\r\n');
    await c.waitFor(/ 376 /);
    expect(c.lines).toEqual([
      ':tmi.twitch.tv CAP * ACK :twitch.tv/tags twitch.tv/commands',
      ':tmi.twitch.tv 001 justinfan12345 :Welcome, GLHF!',
      ':tmi.twitch.tv 002 justinfan12345 :Your host is tmi.twitch.tv',
      ':tmi.twitch.tv 003 justinfan12345 :This server is rather new',
      ':tmi.twitch.tv 004 justinfan12345 :-',
      ':tmi.twitch.tv 375 justinfan12345 :-',
      ':tmi.twitch.tv 372 justinfan12345 :You are in a maze of twisty passages, all alike.',
      ':tmi.twitch.tv 376 justinfan12345 :>',
    ]);
    expect(c.frames).toHaveLength(1);
    expect(c.frames[0]!.split('\r\n')).toHaveLength(9); // eight lines, each CRLF-terminated
    // A frame without CRLF is one line (tmi.js sends its commands so).
    c.send('PING :no-crlf');
    expect(await c.waitFor(/no-crlf/)).toBe(':tmi.twitch.tv PONG tmi.twitch.tv :no-crlf');
  });

  it('answers JOIN with the echo, 353/366, USERSTATE and the full ROOMSTATE', async () => {
    const tw = await start();
    const c = await tcp(tw);
    await anonJoin(c);
    await c.waitFor(/ROOMSTATE/);
    const from = c.lines.findIndex((l) => l.includes(' JOIN '));
    const roomId = tw.status().channels[0]!.roomId;
    expect(c.lines.slice(from)).toEqual([
      ':justinfan12345!justinfan12345@justinfan12345.tmi.twitch.tv JOIN #dallas',
      ':justinfan12345.tmi.twitch.tv 353 justinfan12345 = #dallas :justinfan12345',
      ':justinfan12345.tmi.twitch.tv 366 justinfan12345 #dallas :End of /NAMES list',
      '@badge-info=;badges=;color=;display-name=justinfan12345;emote-sets=0;mod=0;subscriber=0;turbo=0;user-type= :tmi.twitch.tv USERSTATE #dallas',
      `@emote-only=0;followers-only=-1;r9k=0;room-id=${roomId};slow=0;subs-only=0 :tmi.twitch.tv ROOMSTATE #dallas`,
    ]);
  });

  it('refuses wrong-case and unknown capabilities with NAK, and then sends lines without tags', async () => {
    const tw = await start();
    const c = await ws(tw);
    c.send('CAP REQ :twitch.tv/Commands twitch.tv/tags\r\n');
    expect(await c.waitFor(/CAP/)).toBe(':tmi.twitch.tv CAP * NAK :twitch.tv/Commands twitch.tv/tags');
    c.send('CAP LS 302\r\n');
    expect(await c.waitFor(/ LS /)).toBe(':tmi.twitch.tv CAP * LS :twitch.tv/tags twitch.tv/commands twitch.tv/membership');
    c.send('PASS x\r\nNICK justinfan1\r\nJOIN #dallas\r\n');
    await c.waitFor(/ 366 /);
    const n = c.lines.length;
    tw.fire('chat', (h) => chat(h, { user: 'ronni', text: 'Kappa hi' }));
    expect(await c.waitFor(/PRIVMSG/, 3000, n)).toBe(':ronni!ronni@ronni.tmi.twitch.tv PRIVMSG #dallas :Kappa hi');
    // Without twitch.tv/commands there is no USERSTATE, ROOMSTATE or USERNOTICE.
    tw.fire('raid', (h) => raid(h, {}));
    tw.fire('chat', (h) => chat(h, { user: 'ronni', text: 'after' }));
    await c.waitFor(/:after$/);
    expect(c.lines.filter((l) => /USERSTATE|ROOMSTATE|USERNOTICE/.test(l))).toEqual([]);
  });

  it('logs a named user in with a well-formed token and sends GLOBALUSERSTATE', async () => {
    const tw = await start();
    const c = await tcp(tw);
    c.send(`CAP REQ :twitch.tv/tags twitch.tv/commands\r\nPASS oauth:${TOKEN}\r\nNICK Ronni\r\n`);
    const g = parsed(await c.waitFor(/GLOBALUSERSTATE/));
    expect(g.tags['display-name']).toBe('ronni');
    expect(g.tags['user-id']).toMatch(/^\d{9}$/);
  });

  it('says "Login authentication failed" for a wrong token and closes the connection', async () => {
    const tw = await start();
    const c = await tcp(tw);
    c.send('PASS oauth:wrong\r\nNICK ronni\r\n');
    await c.closed();
    expect(c.lines).toEqual([':tmi.twitch.tv NOTICE * :Login authentication failed']);
    const d = await ws(tw);
    d.send('PASS wrong\r\nNICK ronni\r\n');
    await d.closed();
    expect(d.lines).toEqual([':tmi.twitch.tv NOTICE * :Improperly formatted auth']);
    expect(tw.status().keepalive.authFailures).toBe(2);
  });

  it('tells a JOIN to a channel no Twitch login can name (or one marked missing) that it does not exist', async () => {
    const tw = await start({ missingChannels: ['gone_channel'] });
    const c = await ws(tw);
    await anonJoin(c);
    c.send('JOIN #a,#gone_channel\r\n');
    await c.waitFor(/#gone_channel/);
    expect(c.lines.filter((l) => l.includes('NOTICE'))).toEqual([
      '@msg-id=msg_channel_suspended :tmi.twitch.tv NOTICE #a :This channel does not exist or has been suspended.',
      '@msg-id=msg_channel_suspended :tmi.twitch.tv NOTICE #gone_channel :This channel does not exist or has been suspended.',
    ]);
  });
});

describe('the wire', () => {
  it('answers a client PING, 421 for unknown commands, ignores garbage, 417 for a line over 512 bytes', async () => {
    const tw = await start();
    const c = await tcp(tw);
    await anonJoin(c);
    c.send('PING :hello there\r\n');
    expect(await c.waitFor(/PONG/)).toBe(':tmi.twitch.tv PONG tmi.twitch.tv :hello there');
    c.send('WHO #dallas\r\n');
    expect(await c.waitFor(/ 421 /)).toBe(':tmi.twitch.tv 421 justinfan12345 WHO :Unknown command');
    c.send('@@@ \r\n:only-a-prefix\r\n\u0000\u0001\r\n');
    c.send(`PRIVMSG #dallas :${'x'.repeat(600)}\r\n`);
    expect(await c.waitFor(/ 417 /)).toBe(':tmi.twitch.tv 417 justinfan12345 :Input line was too long');
    // Tags do not count against the 512 bytes: a long tagged line is taken.
    c.send(`@client-nonce=${'é'.repeat(1000)} PING :tagged\r\n`);
    expect(await c.waitFor(/:tagged$/)).toBe(':tmi.twitch.tv PONG tmi.twitch.tv :tagged');
    expect(c.isOpen()).toBe(true);
    expect(tw.status().keepalive.badLines).toBe(4); // three garbage lines, one too long
  });

  it('escapes tag values as Twitch does: the resub system-msg and a display name with a space-like value', async () => {
    const tw = await start();
    const c = await ws(tw);
    await anonJoin(c);
    tw.fire('resub', (h) => resub(h, { user: 'ronni', months: 6, streak: 2, plan: 'Prime', text: 'Great stream -- keep it up!' }));
    const line = await c.waitFor(/USERNOTICE/);
    expect(line).toContain(';system-msg=ronni\\ssubscribed\\swith\\sPrime.\\sThey\'ve\\ssubscribed\\sfor\\s6\\smonths,\\scurrently\\son\\sa\\s2\\smonth\\sstreak!;');
    expect(line).toMatch(/ :tmi\.twitch\.tv USERNOTICE #dallas :Great stream -- keep it up!$/);
    const m = parsed(line);
    expect(m.tags['msg-param-cumulative-months']).toBe('6');
    expect(m.tags['msg-param-streak-months']).toBe('2');
    expect(m.tags['msg-param-sub-plan']).toBe('Prime');
  });

  it('sends cheers whose cheermotes add up to bits, and emote ranges that cover the emote names', async () => {
    const tw = await start();
    const c = await tcp(tw);
    await anonJoin(c);
    tw.fire('cheer', (h) => cheer(h, { user: 'ronni', bits: 150, text: '😀 Kappa nice' }));
    const m = parsed(await c.waitFor(/PRIVMSG/));
    const text = m.params[1]!;
    expect(text).toBe('Cheer150 😀 Kappa nice');
    expect(m.tags['bits']).toBe('150');
    expect(findCheers(text).reduce((n, t) => n + t.bits, 0)).toBe(150);
    const { ranges } = parseEmotes(m.tags['emotes']!);
    expect(ranges.map((r) => emoteText(text, r))).toEqual(['Kappa']);
    expect(ranges[0]!.start).toBe(11); // code points: the emoji counts one
  });

  it('relays a logged-in client\'s chat to the channel\'s other clients, never echoing it, and ignores anonymous chat', async () => {
    const tw = await start();
    const reader = await ws(tw);
    await anonJoin(reader);
    const writer = await tcp(tw);
    writer.send(`CAP REQ :twitch.tv/tags twitch.tv/commands\r\nPASS oauth:${TOKEN}\r\nNICK writer\r\nJOIN #dallas\r\n`);
    await writer.waitFor(/ROOMSTATE/);
    reader.send('PRIVMSG #dallas :anonymous words\r\n');
    writer.send('PRIVMSG #dallas :hello from writer\r\n');
    const got = parsed(await reader.waitFor(/PRIVMSG/));
    expect(got.prefix?.nick).toBe('writer');
    expect(got.params).toEqual(['#dallas', 'hello from writer']);
    await writer.waitFor((l) => l.includes('USERSTATE') && writer.lines.filter((x) => x.includes('USERSTATE')).length === 2);
    expect(writer.lines.some((l) => l.includes('PRIVMSG'))).toBe(false);
    expect(reader.lines.some((l) => l.includes('anonymous words'))).toBe(false);
  });

  it('ends a half-closed TCP connection from its side too', async () => {
    const tw = await start();
    const c = (await tcp(tw)) as RawClient & { socket: import('node:net').Socket };
    await anonJoin(c);
    c.socket.end();
    await c.closed();
    await new Promise((r) => setTimeout(r, 20));
    expect(tw.status().clients).toEqual([]);
  });

  it('refuses a WebSocket upgrade under a foreign Host name (DNS rebinding)', async () => {
    const tw = await start();
    const status = await new Promise<number>((resolve) => {
      const req = request({ host: '127.0.0.1', port: tw.port, headers: { host: 'evil.example', connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' } });
      req.on('response', (res) => resolve(res.statusCode ?? 0));
      req.on('upgrade', () => resolve(101));
      req.end();
    });
    expect(status).toBe(403);
  });
});

describe('keepalive, as Twitch does it', () => {
  it('keeps a client that answers PONG across many shortened PING intervals, and drops one that never answers on time', async () => {
    const pingMs = 150;
    const tw = await start({ pingMs });
    const good = await ws(tw);
    const bad = await tcp(tw);
    await anonJoin(good);
    await anonJoin(bad);
    let pongs = 0;
    const answer = setInterval(() => {
      const pings = good.lines.filter((l) => l === 'PING :tmi.twitch.tv').length;
      for (; pongs < pings; pongs++) good.send('PONG :tmi.twitch.tv\r\n');
    }, 10);
    const took = await bad.closed(5000);
    // Connected at 0: PING at 1 interval, closed at the next (2 intervals), give or take the join's few ms.
    expect(took).toBeGreaterThan(pingMs * 1.5);
    expect(took).toBeLessThan(pingMs * 2.5);
    expect(bad.lines.filter((l) => l === 'PING :tmi.twitch.tv')).toHaveLength(1);
    await new Promise((r) => setTimeout(r, pingMs * 10));
    clearInterval(answer);
    expect(good.isOpen()).toBe(true);
    expect(good.lines.filter((l) => l === 'PING :tmi.twitch.tv').length).toBeGreaterThanOrEqual(10);
    expect(tw.status().keepalive.pongTimeouts).toBe(1);
  });
});

describe('faults', () => {
  it('RECONNECT: every client is told, then closed', async () => {
    const tw = await start();
    const c = await ws(tw);
    await anonJoin(c);
    expect(tw.reconnect(50)).toBe(1);
    expect(await c.waitFor(/RECONNECT/)).toBe(':tmi.twitch.tv RECONNECT');
    await c.closed();
  });

  it('drop closes every connection at once; stall holds every line back, then sends them', async () => {
    const tw = await start();
    const a = await tcp(tw);
    await anonJoin(a);
    tw.stall(300);
    const n = a.lines.length;
    tw.fire('chat', (h) => chat(h, { user: 'ronni', text: 'held' }));
    a.send('PING :during\r\n');
    await new Promise((r) => setTimeout(r, 200));
    expect(a.lines.length).toBe(n);
    expect(tw.status().stalledMs).toBeGreaterThan(0);
    await a.waitFor(/:held$/, 2000, n);
    await a.waitFor(/:during$/, 2000, n);
    expect(tw.drop()).toBe(1);
    await a.closed();
  });
});

describe('generated stream', () => {
  it('serves every joined channel with its own room id and ids; a seed repeats the stream', async () => {
    const collect = async (seed: number): Promise<string[]> => {
      let t = 1_700_000_000_000;
      const tw = await start({ seed, rates: { ...NO_RATES, chat: 50, cheer: 5, sub: 5, raid: 2, submysterygift: 1 }, now: () => t });
      const c = await ws(tw);
      await anonJoin(c, 'dallas');
      c.send('JOIN #ronni\r\n');
      await c.waitFor(/ 366 justinfan12345 #ronni/);
      const from = c.lines.length;
      t += 2000;
      await c.waitFor(() => c.lines.length - from >= 100);
      await new Promise((r) => setTimeout(r, 50));
      return c.lines.slice(from);
    };
    const a = await collect(42);
    const b = await collect(42);
    const other = await collect(43);
    expect(a).toEqual(b);
    expect(a).not.toEqual(other);
    const msgs = a.map(parsed);
    const byChannel = new Set(msgs.map((m) => m.params[0]));
    expect(byChannel).toEqual(new Set(['#dallas', '#ronni']));
    const rooms = new Set(msgs.map((m) => `${m.params[0]}=${m.tags['room-id']}`));
    expect(rooms.size).toBe(2);
    const ids = msgs.map((m) => m.tags['id']).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of msgs.filter((x) => x.command === 'PRIVMSG')) {
      expect(Object.keys(m.tags)).toEqual([...Object.keys(m.tags)].sort());
      for (const k of ['badge-info', 'badges', 'color', 'display-name', 'emotes', 'first-msg', 'id', 'mod', 'subscriber', 'tmi-sent-ts', 'user-id', 'room-id', 'turbo', 'user-type']) expect(m.tags).toHaveProperty(k);
      const text = m.params[1]!;
      for (const r of parseEmotes(m.tags['emotes']!).ranges) expect(emoteText(text, r)).toMatch(/^[A-Za-z0-9]+$/);
      if (m.tags['bits']) expect(findCheers(text).reduce((n, t) => n + t.bits, 0)).toBe(Number(m.tags['bits']));
    }
    expect(msgs.some((m) => m.tags['msg-id'] === 'sub')).toBe(true);
  });
});
