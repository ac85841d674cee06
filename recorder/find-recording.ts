/**
 * Finds the recording a command names: a path (folder or events.jsonl) as given, else a name in --recordings, else
 * one of the recordings bundled with tiksim (`quiet`, `busy-streaks`), the same names `tiksim list` shows.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { RecordingError } from './format.ts';

/**
 * Resolves `arg` to a recording path. A path that exists is returned unchanged (the reader then says what is wrong
 * with it); a bare name is looked up as `tiksim list` does. Throws E_REC_NOT_FOUND naming `tiksim list` otherwise.
 * @example await findRecording('busy-streaks', 'recordings') // → <package>/recordings/busy-streaks
 */
export async function findRecording(arg: string, recordingsDir = 'recordings'): Promise<string> {
  if (existsSync(arg)) return arg;
  const bare = !/[\\/]/.test(arg) && arg !== '.' && arg !== '..';
  // The one listing `tiksim list`, the API and `--replay` use; loaded only when a name must be looked up.
  const { listWithBundled } = await import('../simulator/replay/list.ts');
  const rows = bare ? await listWithBundled(recordingsDir) : [];
  const hit = rows.find((r) => r.name === arg);
  if (hit) return hit.path;
  const names = rows.map((r) => r.name + (r.bundled ? ' (bundled)' : ''));
  const near = rows.filter((r) => r.name.toLowerCase().includes(arg.toLowerCase()) || arg.toLowerCase().includes(r.name.toLowerCase())).map((r) => r.name);
  const hint = near.length ? `; did you mean ${near.map((n) => JSON.stringify(n)).join(' or ')}?` : names.length ? `; known names: ${names.join(', ')}` : '';
  throw new RecordingError(
    'E_REC_NOT_FOUND',
    bare
      ? `recording not found: ${arg} is neither a folder nor the name of a recording in ${resolve(recordingsDir)} or the bundled ones${hint} (tiksim list shows them)`
      : `recording not found: ${arg} (give a recording folder or its events.jsonl, or a name from tiksim list)`,
  );
}
