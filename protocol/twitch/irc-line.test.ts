import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { IRC_MAX_LINE_BYTES, parseIrcLine, serializeIrcLine, utf8Length, type IrcMessage } from './irc-line.ts';
import { TWITCH_SAMPLES } from './samples.ts';
import { unescapeTagValue } from './tags.ts';

interface TmiMessage {
  tags: Record<string, string | true>;
  prefix: string | null;
  command: string;
  params: string[];
}
const tmiParser = createRequire(import.meta.url)('tmi.js/lib/parser.js') as { msg(line: string): TmiMessage | null };

function parsed(line: string): IrcMessage {
  const r = parseIrcLine(line);
  if (!r.ok) throw new Error(r.error);
  return r.msg;
}

const samples = Object.entries(TWITCH_SAMPLES);

describe('parseIrcLine', () => {
  it('parses the Twitch docs PRIVMSG exactly', () => {
    const m = parsed(TWITCH_SAMPLES.privmsg);
    expect(m.prefix).toEqual({ nick: 'abc', user: 'abc', host: 'abc.tmi.twitch.tv' });
    expect(m.command).toBe('PRIVMSG');
    expect(m.params).toEqual(['#xyz', 'HeyGuys']);
    expect(m.trailing).toBe(true);
    expect(m.tags).toEqual({
      'badge-info': '', badges: 'broadcaster/1', 'client-nonce': '997dcf443c31e258c1d32a8da47b6936', color: '#0000FF',
      'display-name': 'abc', emotes: '', 'first-msg': '0', flags: '0-6:S.7', id: 'eb24e920-8065-492a-8aea-266a00fc5126',
      mod: '0', 'room-id': '713936733', subscriber: '0', 'tmi-sent-ts': '1642786203573', turbo: '0',
      'user-id': '713936733', 'user-type': '',
    });
  });

  it('parses a server line, a numeric and a bare PING', () => {
    expect(parsed(TWITCH_SAMPLES.welcome)).toEqual({
      tags: {}, prefix: { nick: 'tmi.twitch.tv' }, command: '001', params: ['bar', 'Welcome, GLHF!'], trailing: true,
    });
    expect(parsed(TWITCH_SAMPLES.ping)).toEqual({ tags: {}, prefix: null, command: 'PING', params: ['tmi.twitch.tv'], trailing: true });
    expect(parsed(TWITCH_SAMPLES.reconnect)).toMatchObject({ command: 'RECONNECT', params: [], trailing: false });
    expect(parsed(TWITCH_SAMPLES.join)).toMatchObject({ command: 'JOIN', params: ['#twitchdev'], trailing: false });
  });

  it('unescapes tags: the resub system-msg reads as text', () => {
    expect(parsed(TWITCH_SAMPLES.resub).tags['system-msg']).toBe('ronni has subscribed for 6 months!');
    expect(parsed(TWITCH_SAMPLES.subgift).tags['msg-param-sub-plan-name']).toBe('House of Nyoro~n');
  });

  it.each(samples)('writes the real %s line back to the same bytes', (_name, line) => {
    expect(serializeIrcLine(parsed(line))).toBe(line);
  });

  it.each(samples)('agrees with tmi.js on the real %s line', (_name, line) => {
    const ours = parsed(line);
    const theirs = tmiParser.msg(line)!;
    expect(ours.command).toBe(theirs.command);
    expect(ours.params).toEqual(theirs.params);
    expect(ours.prefix ? serializeIrcLine({ command: 'X', prefix: ours.prefix }).slice(1, -2) : null).toBe(theirs.prefix);
    const theirTags = Object.fromEntries(
      Object.entries(theirs.tags).map(([k, v]) => [k, v === true ? '' : unescapeTagValue(v)]),
    );
    expect({ ...ours.tags }).toEqual(theirTags);
  });

  it('drops a trailing CRLF or LF, upper-cases the command, tolerates extra spaces', () => {
    expect(parsed('ping :x\r\n')).toMatchObject({ command: 'PING', params: ['x'] });
    expect(parsed('NICK justinfan123\n')).toMatchObject({ command: 'NICK', params: ['justinfan123'] });
    expect(parsed('JOIN   #a,#b  ')).toMatchObject({ command: 'JOIN', params: ['#a,#b'], trailing: false });
    expect(parsed('PRIVMSG #c :')).toMatchObject({ params: ['#c', ''], trailing: true });
    expect(parsed('PRIVMSG #c :a PRIVMSG #d :b')).toMatchObject({ params: ['#c', 'a PRIVMSG #d :b'] });
  });

  it('refuses bad lines with a message that says what was wrong', () => {
    expect(parseIrcLine('')).toEqual({ ok: false, error: 'empty IRC line' });
    expect(parseIrcLine('   \r\n')).toEqual({ ok: false, error: 'empty IRC line' });
    expect(parseIrcLine(42)).toEqual({ ok: false, error: 'IRC line is not text' });
    expect(parseIrcLine('@a=b')).toEqual({ ok: false, error: 'IRC line has tags but no command' });
    expect(parseIrcLine(':tmi.twitch.tv')).toEqual({ ok: false, error: 'IRC line has a prefix but no command' });
    expect(parseIrcLine(': PING')).toEqual({ ok: false, error: 'IRC line has an empty prefix' });
    expect(parseIrcLine('@a=b :x ')).toEqual({ ok: false, error: 'IRC line has no command' });
    expect(parseIrcLine('12 x')).toEqual({ ok: false, error: 'invalid IRC command "12" (letters or three digits)' });
    expect(parseIrcLine('PRIV-MSG x')).toEqual({ ok: false, error: 'invalid IRC command "PRIV-MSG" (letters or three digits)' });
    expect(parseIrcLine('@=1 PING')).toEqual({ ok: false, error: 'invalid tag key ""' });
    expect(parseIrcLine('PING :a\r\nJOIN #b')).toEqual({
      ok: false, error: 'IRC line contains CR, LF or NUL inside it (one line at a time)',
    });
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('@', ':', ' ', ';', '=', '\\', '!', 'a', 'P', '1', '\r', '\n', '#') }), (s) => {
        const r = parseIrcLine(s);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('with limits on, takes 512 bytes of IRC (CRLF counted) and refuses 513; tags do not count', () => {
    const head = 'PRIVMSG #c :';
    const fits = head + 'x'.repeat(IRC_MAX_LINE_BYTES - 2 - head.length);
    expect(parseIrcLine(fits, { enforceLimits: true }).ok).toBe(true);
    expect(parseIrcLine(fits + 'x', { enforceLimits: true })).toEqual({
      ok: false, error: 'IRC line is 513 bytes without its tags; IRC allows 512',
    });
    expect(parseIrcLine(`@a=${'v'.repeat(4000)} ${fits}`, { enforceLimits: true }).ok).toBe(true);
    expect(parseIrcLine(`@a=${'v'.repeat(8200)} PING`, { enforceLimits: true })).toEqual({
      ok: false, error: "IRC line's tags are 8204 bytes; IRCv3 allows 8191",
    });
    // Bytes, not characters: 'é' is two.
    expect(parseIrcLine(head + 'é'.repeat(250), { enforceLimits: true }).ok).toBe(false);
    expect(parseIrcLine(fits + 'x').ok).toBe(true); // off by default
  });

  it('counts UTF-8 bytes', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('é😀')).toBe(6);
  });
});

describe('serializeIrcLine', () => {
  it('writes what Twitch writes: colon where Twitch puts one, tags first', () => {
    expect(serializeIrcLine({ command: 'PING', params: ['tmi.twitch.tv'], trailing: true })).toBe(TWITCH_SAMPLES.ping);
    expect(serializeIrcLine({ prefix: 'tmi.twitch.tv', command: 'RECONNECT' })).toBe(TWITCH_SAMPLES.reconnect);
    expect(serializeIrcLine({ prefix: { nick: 'bar', user: 'bar', host: 'bar.tmi.twitch.tv' }, command: 'JOIN', params: ['#twitchdev'] })).toBe(TWITCH_SAMPLES.join);
    expect(
      serializeIrcLine({ tags: { 'room-id': '12345678', slow: '10' }, prefix: 'tmi.twitch.tv', command: 'ROOMSTATE', params: ['#dallas'] }),
    ).toBe(TWITCH_SAMPLES.roomstateChange);
  });

  it('adds the colon when the last param needs it', () => {
    expect(serializeIrcLine({ command: 'PRIVMSG', params: ['#c', 'two words'] })).toBe('PRIVMSG #c :two words');
    expect(serializeIrcLine({ command: 'PRIVMSG', params: ['#c', ':)'] })).toBe('PRIVMSG #c ::)');
    expect(serializeIrcLine({ command: 'PRIVMSG', params: ['#c', ''] })).toBe('PRIVMSG #c :');
    expect(serializeIrcLine({ command: 'PRIVMSG', params: ['#c', 'one'] })).toBe('PRIVMSG #c one');
  });

  it('refuses to write a CR or LF, which would smuggle in a second line', () => {
    expect(() => serializeIrcLine({ command: 'PRIVMSG', params: ['#c', 'hi\r\nJOIN #evil'] })).toThrow('IRC param 1 contains CR, LF or NUL');
    expect(() => serializeIrcLine({ command: 'PRIVMSG', params: ['#a b', 'x'] })).toThrow('is not last');
    expect(() => serializeIrcLine({ command: 'PRIV MSG' })).toThrow('invalid IRC command');
    expect(() => serializeIrcLine({ prefix: 'a b', command: 'PING' })).toThrow('invalid IRC prefix');
  });

  it('parse(serialize(m)) gives m back for any message', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'Z', '9', '#', '-', '_', '.', 'é', '😀'), minLength: 1, maxLength: 8 });
    const text = fc.string({ unit: fc.constantFrom('a', ' ', ':', ';', '\\', '@', '=', 'é', '😀'), maxLength: 20 });
    const tagValue = fc.string({ unit: fc.constantFrom('a', ' ', ';', '\\', '\r', '\n', ':', '=', 'é'), maxLength: 10 });
    const key = fc.string({ unit: fc.constantFrom('a', 'b', '-', '1'), minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(
        fc.dictionary(key, tagValue, { maxKeys: 5 }),
        fc.option(word, { nil: null }),
        fc.constantFrom('PRIVMSG', 'USERNOTICE', '001', 'PING'),
        fc.array(word, { maxLength: 3 }),
        fc.option(text, { nil: undefined }),
        (tags, nick, command, middle, last) => {
          const params = last === undefined ? middle : [...middle, last];
          const m: IrcMessage = { tags, prefix: nick ? { nick } : null, command, params, trailing: last !== undefined };
          const back = parsed(serializeIrcLine(m));
          expect({ ...back, tags: { ...back.tags } }).toEqual(m);
        },
      ),
      { numRuns: 500 },
    );
  });
});
