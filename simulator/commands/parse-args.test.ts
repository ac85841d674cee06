import { describe, expect, it } from 'vitest';
import { intArg, offsetArg, positiveArg, startTimeArg } from './parse-args.ts';

describe('CLI argument parsers', () => {
  it('reads ports and says the valid range', () => {
    expect(intArg(0, 65535)('21213')).toBe(21213);
    expect(() => intArg(0, 65535)('70000')).toThrow('70000 is out of range; use 0 to 65535.');
    expect(() => intArg(0, 65535)('abc')).toThrow('"abc" is not a whole number.');
  });
  it('reads offsets in several spellings', () => {
    expect(offsetArg('90000')).toBe(90000);
    expect(offsetArg('90s')).toBe(90000);
    expect(offsetArg('1m30s')).toBe(90000);
    expect(offsetArg('01:30')).toBe(90000);
    expect(offsetArg('1:00:00')).toBe(3_600_000);
    expect(() => offsetArg('soon')).toThrow(/is not a time offset/);
  });
  it('reads speeds and start times', () => {
    expect(positiveArg(100)('2.5')).toBe(2.5);
    expect(() => positiveArg(100)('0')).toThrow('"0" is not a positive number.');
    expect(startTimeArg('2025-01-01T00:00:00Z')).toBe(1735689600000);
    expect(() => startTimeArg('yesterday')).toThrow(/is not a time/);
  });
});
