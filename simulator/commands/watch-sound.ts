import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * Plays a local sound on each message for `tiksim watch`, without a dependency: it spawns the first player found on
 * PATH (paplay for PulseAudio/PipeWire, pw-play, aplay for ALSA, afplay on macOS), and falls back to the terminal
 * bell when there is none or the sound fails. Rate-limited: at most one sound per `minIntervalMs` and never two at
 * once, so a storm of a thousand messages plays a handful of sounds, not a thousand processes.
 */

/** The sound shipped with tiksim (scripts/make-chime.ts makes it). */
export const DEFAULT_SOUND = new URL('../assets/sounds/chime.wav', import.meta.url).pathname;

/** Players tried in order, each with the arguments before the file. */
const PLAYERS: readonly (readonly string[])[] = [['paplay'], ['pw-play'], ['aplay', '-q'], ['afplay']];

/** The first player on PATH, as command + arguments, or null. */
export function findPlayer(path = process.env.PATH ?? ''): string[] | null {
  for (const p of PLAYERS) {
    for (const dir of path.split(delimiter)) {
      if (!dir) continue;
      try {
        accessSync(join(dir, p[0]!), constants.X_OK);
        return [...p];
      } catch {
        /* not here */
      }
    }
  }
  return null;
}

export interface SoundOptions {
  /** The sound file (default: the shipped chime). */
  file?: string;
  /** Player command and arguments before the file (default: findPlayer()); [] means bell only. */
  command?: string[];
  /** Shortest gap between two sounds, ms (default 300). */
  minIntervalMs?: number;
  /** Where the bell goes (default stderr, only when it is a terminal). */
  bell?: () => void;
  now?: () => number;
}

/** What the player did, for the status line and tests. */
export interface SoundStats {
  played: number;
  bells: number;
  /** Messages that came too soon after a sound, or while one was playing. */
  skipped: number;
  failed: number;
}

/** A rate-limited sound: call `ping()` on each message. */
export interface Sound {
  ping(): void;
  stats(): SoundStats;
  /** How it plays: the player command, or 'terminal bell'. */
  readonly via: string;
  /** Waits for a sound that is playing to end. */
  close(): Promise<void>;
}

/** Checks a sound file before watching starts; returns why it cannot be used, or null. */
export function soundFileProblem(file: string): string | null {
  if (!existsSync(file)) return `sound file ${file} does not exist; give a .wav file, or drop --sound for the built-in chime`;
  try {
    accessSync(file, constants.R_OK);
  } catch {
    return `sound file ${file} cannot be read`;
  }
  return null;
}

/** Creates the sound. @example const s = createSound({}); agg.onMessage(() => s.ping()); */
export function createSound(opts: SoundOptions = {}): Sound {
  const file = opts.file ?? DEFAULT_SOUND;
  const command = opts.command ?? findPlayer() ?? [];
  const minInterval = opts.minIntervalMs ?? 300;
  const now = opts.now ?? Date.now;
  const bell = opts.bell ?? (() => {
    if (process.stderr.isTTY) process.stderr.write('\x07');
  });
  const stats: SoundStats = { played: 0, bells: 0, skipped: 0, failed: 0 };
  let last = -Infinity;
  let playing: Promise<void> | null = null;
  let useBell = command.length === 0;

  const ring = (): void => {
    stats.bells++;
    bell();
  };

  return {
    via: command.length ? command.join(' ') : 'terminal bell',
    ping() {
      const t = now();
      if (playing || t - last < minInterval) {
        stats.skipped++;
        return;
      }
      last = t;
      if (useBell) return ring();
      stats.played++;
      playing = new Promise<void>((resolve) => {
        const child = spawn(command[0]!, [...command.slice(1), file], { stdio: 'ignore' });
        child.on('error', () => {
          // The player vanished or cannot run: the bell from now on, rather than a failing spawn per message.
          stats.failed++;
          useBell = true;
          ring();
          resolve();
        });
        child.on('exit', (code) => {
          if (code !== 0 && code !== null) stats.failed++;
          resolve();
        });
      }).finally(() => {
        playing = null;
      });
    },
    stats: () => ({ ...stats }),
    async close() {
      await playing;
    },
  };
}
