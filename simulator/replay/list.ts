/** Lists the recordings in a folder (for GET /api/recordings), cheaply: header plus the file's tail. */
import { open, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { openRecording } from '../../recorder/reader.ts';
import { parseEntry } from '../../recorder/format.ts';
import { redactSource } from '../../recorder/redact.ts';

export type { RecordingListing } from '../../protocol/api.ts';
import type { RecordingListing } from '../../protocol/api.ts';

const COUNT_LIMIT = 8 * 1024 * 1024;

/** Lists every sub-folder of `dir` holding a readable recording, sorted by name; unreadable ones are skipped. */
export async function listRecordings(dir: string): Promise<RecordingListing[]> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
  } catch {
    return [];
  }
  const out: RecordingListing[] = [];
  for (const name of names.sort()) {
    const path = join(dir, name);
    try {
      const info = await openRecording(path);
      const item: RecordingListing = { name, path, startedAt: info.header.startedAt, source: info.header.source === undefined ? undefined : redactSource(String(info.header.source)) };
      const fh = await open(info.eventsPath, 'r');
      try {
        const tailLen = Math.min(info.size - info.bodyOffset, info.size <= COUNT_LIMIT ? info.size : 256 * 1024);
        const buf = Buffer.alloc(Math.max(0, tailLen));
        await fh.read(buf, 0, buf.length, info.size - buf.length);
        const lines = buf.toString('utf8').split('\n');
        for (let i = lines.length - 1; i >= 0 && item.durationMs === undefined; i--) {
          const r = parseEntry(lines[i]!);
          if (r.ok && (r.entry.kind === 'frame' || r.entry.kind === 'gap')) item.durationMs = r.entry.kind === 'gap' ? r.entry.t + r.entry.durationMs : r.entry.t;
        }
        if (info.size <= COUNT_LIMIT) item.frames = lines.filter((l) => l.startsWith('{"t":')).length;
      } finally {
        await fh.close();
      }
      out.push(item);
    } catch {
      /* not a recording */
    }
  }
  return out;
}

/** The recordings that ship with tiksim (`quiet`, `busy-streaks`), found by name from any folder. */
export const BUNDLED_DIR = fileURLToPath(new URL('../../recordings', import.meta.url)).replace(/\/+$/, '');

/**
 * The recordings in `dir`, then the bundled ones whose names `dir` does not already use: what `tiksim list`, the API
 * and `--replay <name>` see. `bundled` marks the ones that ship with tiksim.
 */
export async function listWithBundled(dir: string): Promise<(RecordingListing & { bundled: boolean })[]> {
  const own = resolve(dir);
  const mine = (await listRecordings(own)).map((r) => ({ ...r, bundled: own === BUNDLED_DIR }));
  if (own === BUNDLED_DIR) return mine;
  const names = new Set(mine.map((r) => r.name));
  const bundled = (await listRecordings(BUNDLED_DIR)).filter((r) => !names.has(r.name)).map((r) => ({ ...r, bundled: true }));
  return [...mine, ...bundled];
}
