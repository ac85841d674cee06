import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parseBadges, serializeBadges } from './badges.ts';
import { findCheers } from './cheers.ts';
import { codePointLength, emoteText, findEmotes, parseEmotes, serializeEmotes } from './emotes.ts';
import { parseIrcLine } from './irc-line.ts';
import { TWITCH_SAMPLES } from './samples.ts';

const tmiParser = createRequire(import.meta.url)('tmi.js/lib/parser.js') as {
  emotes(tags: { emotes: string }): { emotes: Record<string, string[]> };
};

describe('emote ranges', () => {
  it('parses the real Kappa Keepo Kappa line: ranges cover the emote names', () => {
    const r = parseIrcLine(TWITCH_SAMPLES.privmsgEmotes);
    if (!r.ok) throw new Error(r.error);
    const text = r.msg.params[1]!;
    const { ranges, bad } = parseEmotes(r.msg.tags['emotes']!);
    expect(bad).toEqual([]);
    expect(ranges).toEqual([
      { id: '25', start: 0, end: 4 },
      { id: '1902', start: 6, end: 10 },
      { id: '25', start: 12, end: 16 },
    ]);
    expect(ranges.map((x) => emoteText(text, x))).toEqual(['Kappa', 'Keepo', 'Kappa']);
    expect(serializeEmotes(ranges)).toBe('25:0-4,12-16/1902:6-10');
  });

  it('counts code points, so an emoji before an emote moves it by one', () => {
    const text = '😀 Kappa é Kappa';
    const ranges = findEmotes(text, { Kappa: '25' });
    expect(ranges).toEqual([
      { id: '25', start: 2, end: 6 },
      { id: '25', start: 10, end: 14 },
    ]);
    expect(ranges.map((r) => emoteText(text, r))).toEqual(['Kappa', 'Kappa']);
    expect(codePointLength(text)).toBe(15);
  });

  it('marks whole words only', () => {
    expect(findEmotes('KappaKappa Kappa, Kappa', { Kappa: '25' })).toEqual([{ id: '25', start: 18, end: 22 }]);
    expect(findEmotes('toString constructor', {})).toEqual([]);
  });

  it('writes ids in order of first use, as tmi.js reads them', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Kappa', 'Keepo', 'LUL', 'hi', '😀'), { maxLength: 12 }), (words) => {
        const text = words.join(' ');
        const ranges = findEmotes(text, { Kappa: '25', Keepo: '1902', LUL: '425618' });
        const tag = serializeEmotes(ranges);
        expect(parseEmotes(tag).ranges).toEqual(ranges);
        if (tag === '') return;
        const theirs = tmiParser.emotes({ emotes: tag }).emotes;
        const flat = Object.entries(theirs).flatMap(([id, spans]) => spans.map((span) => ({ id, start: Number(span.split('-')[0]), end: Number(span.split('-')[1]) })));
        expect(flat.sort((a, b) => a.start - b.start)).toEqual(ranges);
      }),
    );
  });

  it('skips and reports bad parts instead of failing the message', () => {
    expect(parseEmotes('25:0-4,x/1902:9-3/nocolon/33:1-2')).toEqual({
      ranges: [{ id: '33', start: 1, end: 2 }, { id: '25', start: 0, end: 4 }].sort((a, b) => a.start - b.start),
      bad: ['25:x', '1902:9-3', 'nocolon'],
    });
    expect(parseEmotes('')).toEqual({ ranges: [], bad: [] });
  });

  it('keeps emotesv2 ids, which hold underscores and colons-free hex', () => {
    expect(parseEmotes('emotesv2_dc24652ada1e4c84a5e3ceebae4de709:0-5').ranges).toEqual([
      { id: 'emotesv2_dc24652ada1e4c84a5e3ceebae4de709', start: 0, end: 5 },
    ]);
  });
});

describe('badges', () => {
  it('parses badges and badge-info, and writes them back', () => {
    expect(parseBadges('staff/1,broadcaster/1,turbo/1')).toEqual([
      { name: 'staff', version: '1' },
      { name: 'broadcaster', version: '1' },
      { name: 'turbo', version: '1' },
    ]);
    expect(parseBadges('subscriber/14')).toEqual([{ name: 'subscriber', version: '14' }]);
    expect(parseBadges('predictions/Blue 1')).toEqual([{ name: 'predictions', version: 'Blue 1' }]);
    expect(parseBadges('')).toEqual([]);
    expect(serializeBadges(parseBadges('subscriber/12,bits/1000'))).toBe('subscriber/12,bits/1000');
  });
});

describe('cheers', () => {
  it('finds the real cheer line\'s cheer100, in any case, and adds up to its bits tag', () => {
    const r = parseIrcLine(TWITCH_SAMPLES.cheer);
    if (!r.ok) throw new Error(r.error);
    const tokens = findCheers(r.msg.params[1]!);
    expect(tokens).toEqual([{ prefix: 'Cheer', bits: 100, start: 0 }]);
    expect(String(tokens.reduce((n, t) => n + t.bits, 0))).toBe(r.msg.tags['bits']);
  });

  it('knows the global prefixes, ignores words that only look like cheers', () => {
    expect(findCheers('Kappa50 nice 4Head10 Cheer0 cheer abc100 Cheer100x')).toEqual([
      { prefix: 'Kappa', bits: 50, start: 0 },
      { prefix: '4Head', bits: 10, start: 13 },
    ]);
  });
});
