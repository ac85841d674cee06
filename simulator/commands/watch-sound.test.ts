import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSound, DEFAULT_SOUND, findPlayer, soundFileProblem } from './watch-sound.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'tiksim-sound-'));
  dirs.push(d);
  return d;
}
/** A real child process standing in for aplay: it appends the file it was asked to play to a log. */
function recorder(log: string): string[] {
  return [process.execPath, '-e', `require('fs').appendFileSync(${JSON.stringify(log)}, process.argv[1] + '\\n')`];
}

describe('watch sound', () => {
  it('ships a small WAV chime', () => {
    const head = readFileSync(DEFAULT_SOUND).subarray(0, 12).toString('latin1');
    expect(head.slice(0, 4) + head.slice(8)).toBe('RIFFWAVE');
    expect(statSync(DEFAULT_SOUND).size).toBeLessThan(20_000);
    expect(soundFileProblem(DEFAULT_SOUND)).toBeNull();
    expect(soundFileProblem('/nonexistent/x.wav')).toBe('sound file /nonexistent/x.wav does not exist; give a .wav file, or drop --sound for the built-in chime');
  });

  it('a storm of 1,000 messages plays one sound, through a real player process', async () => {
    const log = join(tmp(), 'played.log');
    const s = createSound({ command: recorder(log), minIntervalMs: 300 });
    for (let i = 0; i < 1000; i++) s.ping();
    await s.close();
    expect(readFileSync(log, 'utf8')).toBe(`${DEFAULT_SOUND}\n`);
    expect(s.stats()).toEqual({ played: 1, bells: 0, skipped: 999, failed: 0 });
  });

  it('plays again once the interval has passed and the last sound ended', async () => {
    const log = join(tmp(), 'played.log');
    let t = 0;
    const s = createSound({ command: recorder(log), minIntervalMs: 100, now: () => t, file: '/x/y.wav' });
    s.ping();
    await s.close();
    t = 50;
    s.ping(); // too soon
    t = 150;
    s.ping();
    await s.close();
    expect(readFileSync(log, 'utf8')).toBe('/x/y.wav\n/x/y.wav\n');
    expect(s.stats()).toMatchObject({ played: 2, skipped: 1 });
  });

  it('falls back to the terminal bell when the player cannot run, or none is installed', async () => {
    let bells = 0;
    const s = createSound({ command: ['/nonexistent/player'], minIntervalMs: 0, bell: () => bells++ });
    s.ping();
    await s.close();
    s.ping();
    expect(bells).toBe(2);
    expect(s.stats()).toMatchObject({ played: 1, failed: 1, bells: 2 });
    const none = createSound({ command: [], bell: () => bells++ });
    expect(none.via).toBe('terminal bell');
  });

  it('finds the first known player on PATH', () => {
    const d = tmp();
    expect(findPlayer(d)).toBeNull();
    writeFileSync(join(d, 'aplay'), '#!/bin/sh\n');
    chmodSync(join(d, 'aplay'), 0o755);
    expect(findPlayer(d)).toEqual(['aplay', '-q']);
  });
});
