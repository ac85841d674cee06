import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frameLine, makeHeader } from '../../recorder/format.ts';
import { CLI } from '../../test/faults/helpers.ts';

const cli = (args: string[], cwd = tmpdir()) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });

describe('tiksim list', () => {
  it('lists the folder\'s recordings, then the bundled ones, with duration, frames and source (tokens stripped)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tiksim-list-'));
    mkdirSync(join(dir, 'mine'));
    const frames = [frameLine(0, '{"event":"chat","data":{}}'), frameLine(90_500, '{"event":"chat","data":{}}')];
    writeFileSync(join(dir, 'mine', 'events.jsonl'), `${JSON.stringify(makeHeader('ws://127.0.0.1:21213/?token=hunter2', 1_700_000_000_000, 'tiksim test'))}\n${frames.join('\n')}\n`);
    mkdirSync(join(dir, 'not-a-recording'));
    const r = cli(['list', '--recordings', dir]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+DURATION\s+FRAMES\s+STARTED\s+SOURCE$/);
    expect(lines[1]).toMatch(/^mine\s+1m31s\s+2\s+2023-11-14 22:13\s+ws:\/\/127\.0\.0\.1:21213\/$/);
    expect(lines.slice(2).map((l) => l.split(/\s+/)[0])).toEqual(['busy-streaks', 'quiet']);
    expect(r.stdout).not.toMatch(/hunter2|not-a-recording/);
    const json = JSON.parse(cli(['list', '--recordings', dir, '--json']).stdout) as { name: string; bundled: boolean }[];
    expect(json.map((x) => [x.name, x.bundled])).toEqual([['mine', false], ['busy-streaks', true], ['quiet', true]]);
  });
});

describe('tiksim completion', () => {
  it('bash: completes commands and each command\'s flags in a real bash', () => {
    const run = (words: string) =>
      spawnSync('bash', ['-c', `eval "$("${process.execPath}" "${CLI}" completion bash)"; COMP_WORDS=(${words}); COMP_CWORD=$((\${#COMP_WORDS[@]}-1)); _tiksim; echo "\${COMPREPLY[@]}"`], { encoding: 'utf8' }).stdout.trim();
    expect(run('tiksim se')).toBe('serve');
    expect(run('tiksim serve --allow-')).toBe('--allow-host --allow-origin');
    expect(run('tiksim record --max')).toBe('--max-events');
  });

  it('an unknown shell exits 2 naming the ones there are', () => {
    const r = cli(['completion', 'tcsh']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no completion for shell "tcsh"; choose bash, zsh or fish/);
  });
});
