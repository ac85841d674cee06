/** `tiksim list`: the recordings `serve --replay <name>` and the panel can play, with duration, frames and source. */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { listWithBundled, type RecordingListing } from '../replay/list.ts';

/** One row of the listing. */
export type ListedRecording = RecordingListing & { bundled: boolean };

function duration(ms: number | undefined): string {
  if (ms === undefined) return '?';
  const s = Math.round(ms / 1000);
  return s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m` : s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/** The listing as an aligned table (sources already have their tokens stripped). */
export function formatList(rows: ListedRecording[], dir: string): string {
  if (rows.length === 0) return `no recordings in ${resolve(dir)} (record one with: tiksim record --duration 1m)`;
  const table = [['NAME', 'DURATION', 'FRAMES', 'STARTED', 'SOURCE'], ...rows.map((r) => [r.name + (r.bundled ? ' (bundled)' : ''), duration(r.durationMs), r.frames === undefined ? '?' : String(r.frames), r.startedAt?.slice(0, 16).replace('T', ' ') ?? '?', r.source ?? '?'])];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  return table.map((row) => row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')).join('\n');
}

/** Registers `tiksim list`. */
export function registerList(program: Command): void {
  program
    .command('list')
    .description('list the recordings you can replay by name (serve --replay <name>, the panel), with duration, frames and source')
    .option('--recordings <dir>', 'folder of recordings', 'recordings')
    .option('--json', 'print the listing as JSON')
    .addHelpText('after', '\nExamples:\n  $ tiksim list\n  $ tiksim list --recordings ~/streams --json\n\nExit codes: 0 listed (even when empty), 2 bad flags.')
    .action(async (o: { recordings: string; json?: boolean }) => {
      const rows = await listWithBundled(o.recordings);
      process.stdout.write((o.json ? JSON.stringify(rows, null, 2) : formatList(rows, o.recordings)) + '\n');
    });
}
