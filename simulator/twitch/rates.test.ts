import { describe, expect, it } from 'vitest';
import { parseTwitchRates, validateTwitchRates } from './rates.ts';

describe('Twitch rates', () => {
  it('parses --twitch-rates', () => {
    expect(parseTwitchRates('chat=5, cheer=0.1,raid=0')).toEqual({ ok: true, value: { chat: 5, cheer: 0.1, raid: 0 } });
  });

  it('refuses unknown kinds naming the valid ones, non-numbers and negative rates', () => {
    const r = parseTwitchRates('chat=5,follow=1');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toBe('unknown Twitch rate kind "follow"; valid kinds: chat, cheer, sub, resub, subgift, submysterygift, raid, announcement, clearchat, clearmsg, roomstate');
      expect(r.error.choices).toContain('raid');
    }
    const n = parseTwitchRates('chat=lots');
    expect(!n.ok && n.error.message).toBe('Twitch rate "chat" must be a number of events per second, got "lots"');
    const neg = validateTwitchRates({ chat: -1 });
    expect(!neg.ok && neg.error.code).toBe('E_OUT_OF_RANGE');
    const shape = parseTwitchRates('chat');
    expect(!shape.ok && shape.error.message).toBe('Twitch rates: "chat" is not kind=number (e.g. chat=5,cheer=0.1,raid=0.01)');
  });
});
