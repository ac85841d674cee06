import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';

/** What the sink's clients count: WebSocket messages, or IRC lines (`irc-join`: after an anonymous login and JOIN #bench). */
export type SinkMode = 'frames' | 'irc' | 'irc-join';

/**
 * Client processes for a benchmark (bench/ws-sink.mjs): `expect(n)` then produce n frames; `done` resolves, with the
 * sink's own ms from the command to the last one in, when every client has them.
 */
export class Sink {
  private lines: string[] = [];
  private waiters: ((l: string) => void)[] = [];

  private constructor(private readonly proc: ChildProcessWithoutNullStreams) {
    createInterface({ input: proc.stdout }).on('line', (l) => {
      const w = this.waiters.shift();
      if (w) w(l);
      else this.lines.push(l);
    });
    proc.stderr.on('data', (d) => process.stderr.write(d));
  }

  /** Starts `clients` WebSocket clients in a child process, connected to `url`. */
  static async open(url: string, clients: number, mode: SinkMode = 'frames'): Promise<Sink> {
    const proc = spawn(process.execPath, [new URL('./ws-sink.mjs', import.meta.url).pathname, url, String(clients), mode]);
    const s = new Sink(proc);
    const l = await s.next();
    if (l !== 'ready') throw new Error(`sink did not connect: ${l}`);
    return s;
  }

  private next(): Promise<string> {
    const l = this.lines.shift();
    if (l !== undefined) return Promise.resolve(l);
    return new Promise((r) => this.waiters.push(r));
  }

  /** Arms the clients to count `n` frames each; `done` settles once every client has them all. */
  async expect(n: number): Promise<{ done: Promise<number> }> {
    this.proc.stdin.write(`count ${n}\n`);
    // Frames flow only once the child has reset its counts: a fixed pause before (50 ms) was too short on a loaded
    // machine, the reset then wiped frames already counted and the run waited forever for them.
    const l = await this.next();
    if (l !== 'counting') throw new Error(`sink did not arm: ${l}`);
    return {
      done: this.next().then((l) => {
        if (!l.startsWith('done ')) throw new Error(`sink said ${l}`);
        return Number(l.slice(5));
      }),
    };
  }

  /** Closes the clients. */
  close(): void {
    this.proc.stdin.write('exit\n');
  }
}
