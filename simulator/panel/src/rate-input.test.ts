import { describe, expect, it } from 'vitest';
import { checkRate, rateText, sliderValue } from './rate-input.ts';

describe('rate inputs', () => {
  it('shows every default rate exactly, as both the box and the slider do', () => {
    for (const v of [1.5, 4, 0.25, 0.8, 0.05, 0.03, 0.005, 0.02, 0.002, 0.01, 0]) expect(rateText(v)).toBe(v);
  });

  it('shortens a ramp’s long value to 4 significant digits, and big rates to whole numbers', () => {
    expect(rateText(2.345678)).toBe(2.346);
    expect(rateText(12.5)).toBe(12.5);
    expect(rateText(123456.7)).toBe(123457);
  });

  it('snaps a dragged slider to tenths on the 0..20 slider, to whole steps on a long one', () => {
    expect(sliderValue(7.2817, 20)).toBe(7.3);
    expect(sliderValue(0.2499, 20)).toBe(0.2);
    expect(sliderValue(1234.4, 4000)).toBe(1230);
  });

  it('refuses a negative rate before sending, naming the kind and the value', () => {
    expect(checkRate('chat', '-1', false)).toEqual({ ok: false, error: { code: 'E_OUT_OF_RANGE', field: 'chat', message: 'rate "chat" cannot be negative, got -1; 0 turns chat off' } });
  });

  it('refuses text that is no number ("-" alone reads as "" with badInput) instead of sending null', () => {
    const bad = { ok: false, error: { code: 'E_BAD_FIELD', field: 'gift', message: 'rate "gift" must be a number of events per second, like 2 or 0.25 (0 turns it off)' } };
    expect(checkRate('gift', '', true)).toEqual(bad);
    expect(checkRate('gift', '', false)).toEqual(bad);
    expect(checkRate('gift', '1e999', false)).toEqual(bad);
  });

  it('accepts 0 and fractions', () => {
    expect(checkRate('like', '0', false)).toEqual({ ok: true, value: 0 });
    expect(checkRate('like', ' 0.25 ', false)).toEqual({ ok: true, value: 0.25 });
  });
});
