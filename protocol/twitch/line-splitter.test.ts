import { describe, expect, it } from 'vitest';
import { IrcLineSplitter } from './line-splitter.ts';

const lines = (items: ReturnType<IrcLineSplitter['push']>) => items.map((i) => (i.ok ? i.line : `!${i.length}`));

describe('IrcLineSplitter', () => {
  it('splits several CRLF-separated lines in one frame', () => {
    const s = new IrcLineSplitter();
    expect(lines(s.push(':tmi.twitch.tv 001 a :Welcome, GLHF!\r\n:tmi.twitch.tv 002 a :Your host is tmi.twitch.tv\r\n'))).toEqual([
      ':tmi.twitch.tv 001 a :Welcome, GLHF!',
      ':tmi.twitch.tv 002 a :Your host is tmi.twitch.tv',
    ]);
    expect(s.pending()).toBe(0);
  });

  it('keeps a partial line for the next chunk, even with CR and LF in different chunks', () => {
    const s = new IrcLineSplitter();
    expect(lines(s.push('PING :a\r\nPI'))).toEqual(['PING :a']);
    expect(lines(s.push('NG :b\r'))).toEqual([]);
    expect(s.pending()).toBe(8);
    expect(lines(s.push('\nPING :c\n'))).toEqual(['PING :b', 'PING :c']);
  });

  it('drops empty lines (a CRLF on its own)', () => {
    expect(lines(new IrcLineSplitter().push('\r\n\r\nPING :x\r\n\n'))).toEqual(['PING :x']);
  });

  it('reports an overlong line once, skips the rest of it, and reads the next line', () => {
    const s = new IrcLineSplitter(10);
    expect(lines(s.push('x'.repeat(8)))).toEqual([]);
    expect(lines(s.push('y'.repeat(8)))).toEqual([]);
    expect(s.pending()).toBe(16);
    expect(lines(s.push('zzz\r\nPING :ok\r\n'))).toEqual(['!20', 'PING :ok']);
    expect(s.pending()).toBe(0);
    const r = new IrcLineSplitter(10).push(`${'w'.repeat(11)}\n`);
    expect(r).toEqual([{ ok: false, error: 'line of 11 characters is longer than the 10 allowed', length: 11 }]);
  });

  it('holds at most its cap while waiting for a newline that never comes', () => {
    const s = new IrcLineSplitter(100);
    for (let i = 0; i < 1000; i++) s.push('a'.repeat(50));
    // Counted, not stored: only the number of skipped characters grows.
    expect(s.pending()).toBe(50_000);
    expect(lines(s.push('\nPING :x\n'))).toEqual(['!50000', 'PING :x']);
  });
});
