import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { escapeTagValue, parseTags, serializeTags, unescapeTagValue } from './tags.ts';

// tmi.js is the most used Twitch client; its own escaper is the reference our bytes must match.
const tmiUtils = createRequire(import.meta.url)('tmi.js/lib/utils.js') as {
  escapeIRC(s: string): string;
  unescapeIRC(s: string): string;
};
// twurple's IRC layer (a dependency of @twurple/chat) parses tags as IRCv3 says.
const ircv3 = createRequire(import.meta.url)('ircv3') as { parseTags(raw: string): Map<string, string> };

describe('tag value escaping', () => {
  it('escapes exactly the five characters Twitch escapes', () => {
    expect(escapeTagValue('a;b c\\d\re\nf')).toBe('a\\:b\\sc\\\\d\\re\\nf');
    expect(escapeTagValue('Kappa:123/#,=')).toBe('Kappa:123/#,=');
  });

  it('unescapes the system-msg of a real raid (\\s and \\n)', () => {
    expect(unescapeTagValue('15\\sraiders\\sfrom\\sTestChannel\\shave\\sjoined\\n!')).toBe('15 raiders from TestChannel have joined\n!');
  });

  it('unescapes consecutive escapes (the chatterino bug: a name with a trailing space)', () => {
    expect(unescapeTagValue('DefectiveCloak\\s\\sgifted\\sa\\sTier\\s1')).toBe('DefectiveCloak  gifted a Tier 1');
    expect(unescapeTagValue('\\\\I\\shave\\n\\sall\\r\\sthe\\ssymbols\\:\\s')).toBe('\\I have\n all\r the symbols; ');
  });

  it('drops the backslash of an unknown escape and a lone trailing backslash, as IRCv3 says', () => {
    expect(unescapeTagValue('a\\bc')).toBe('abc');
    expect(unescapeTagValue('abc\\')).toBe('abc');
    expect(unescapeTagValue('\\\\s')).toBe('\\s');
  });

  it('round-trips any text, and the escaped form never holds a space, semicolon, CR or LF', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const e = escapeTagValue(s);
        expect(e).not.toMatch(/[ ;\r\n]/);
        expect(unescapeTagValue(e)).toBe(s);
      }),
    );
  });

  it('writes the same bytes as tmi.js for space, semicolon, CR and LF', () => {
    // tmi.js leaves a backslash unescaped and reads \\n and \\r as nothing: both against IRCv3, so only these four
    // characters are compared with it; twurple's parser (ircv3) is the reference for reading back.
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', ';', '\r', '\n', 's', ':', 'é', '😀') }), (s) => {
        expect(escapeTagValue(s)).toBe(tmiUtils.escapeIRC(s));
      }),
    );
  });

  it('reads values as twurple does, and twurple reads ours back to the text', () => {
    const wire = fc.string({ unit: fc.constantFrom('a', '\\', 's', ':', 'n', 'r', 'x', 'é') });
    fc.assert(fc.property(wire, (w) => {
      expect(unescapeTagValue(w)).toBe(ircv3.parseTags(`k=${w}`).get('k'));
    }));
    const text = fc.string({ unit: fc.constantFrom('a', ' ', ';', '\\', '\r', '\n', 's', ':', 'é') });
    fc.assert(fc.property(text, (s) => {
      expect(ircv3.parseTags(`k=${escapeTagValue(s)}`).get('k')).toBe(s);
    }));
  });
});

describe('parseTags', () => {
  it('keeps wire order, empty values and a key without "="', () => {
    const r = parseTags('mod=0;color=;flag;display-name=A\\sB');
    expect(r).toEqual({ ok: true, tags: { mod: '0', color: '', flag: '', 'display-name': 'A B' } });
    if (r.ok) expect(Object.keys(r.tags)).toEqual(['mod', 'color', 'flag', 'display-name']);
  });

  it('stores a __proto__ key as data instead of changing the table', () => {
    const r = parseTags('__proto__=x;a=1');
    expect(r.ok && r.tags['__proto__']).toBe('x');
    expect(r.ok && Object.keys(r.tags)).toEqual(['__proto__', 'a']);
  });

  it('accepts client-only and vendor keys and the camelCase msg-param-* keys', () => {
    const r = parseTags('+example.com/foo=1;msg-param-viewerCount=15;twitch.tv/x=2');
    expect(r.ok && r.tags).toEqual({ '+example.com/foo': '1', 'msg-param-viewerCount': '15', 'twitch.tv/x': '2' });
  });

  it('refuses an empty list and a bad key, saying which', () => {
    expect(parseTags('')).toEqual({ ok: false, error: 'empty tag list after "@"' });
    expect(parseTags('a=1;=2')).toEqual({ ok: false, error: 'invalid tag key ""' });
    expect(parseTags('a b=1')).toEqual({ ok: false, error: 'invalid tag key "a b"' });
  });

  it('lets the last of two equal keys win', () => {
    const r = parseTags('tmi-sent-ts=1;tmi-sent-ts=2');
    expect(r.ok && r.tags['tmi-sent-ts']).toBe('2');
  });
});

describe('serializeTags', () => {
  it('writes in the table order, escaped, empty values as key=', () => {
    expect(serializeTags({ 'badge-info': '', badges: 'subscriber/12', 'system-msg': 'a b;c' })).toBe(
      'badge-info=;badges=subscriber/12;system-msg=a\\sb\\:c',
    );
  });

  it('throws on a key IRCv3 does not allow (a bug in our code, never a peer)', () => {
    expect(() => serializeTags({ 'a b': '1' })).toThrow('invalid IRC tag key "a b"');
  });
});
