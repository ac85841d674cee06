import type { Message, SourceState } from '../protocol/message.ts';
import { normalise } from './normalise.ts';
import type { Received, Receiver, ReceiverStatus } from './receiver.ts';

/**
 * `aggregate(receivers)`: runs several receivers and merges what they hand on into one stream of normalised messages,
 * in arrival order (receivers call back synchronously from their sockets, so the order callbacks run in is the order
 * bytes arrived in this process). One receiver failing, throwing, or sending garbage never stops the others.
 *
 * Bounded: each consumer (an async iterator, or an onMessage listener for fan-out such as the aggregated socket) has
 * its own queue of at most `capacity` messages. Sockets cannot be paused without the far end dropping us (Twitch
 * closes a client that stops reading; TikFinity has no flow control), so a consumer that falls behind loses the
 * oldest messages, counted in `dropped`, rather than growing memory without bound: a live chat view wants the newest.
 */

export interface AggregateOptions {
  /** Messages a slow consumer may have waiting before the oldest are dropped (default 10,000). */
  capacity?: number;
  /** Received → Message (default: normalise() by platform); null skips the event. */
  normalise?: (e: Received, seq: number) => Message | null;
}

/** A running aggregate: iterate it (`for await (const m of agg)`) or listen to it. */
export interface Aggregate extends AsyncIterable<Message> {
  /** Every source's current state, in the order given. */
  states(): SourceState[];
  /** Called on every source state change with all states. Returns the unsubscribe function. */
  onState(fn: (states: SourceState[]) => void): () => void;
  /** Called synchronously for every message (no queue). Returns the unsubscribe function. */
  onMessage(fn: (m: Message) => void): () => void;
  /** Messages dropped from slow iterators' queues, events whose normalising threw, listeners that threw. */
  counters(): { messages: number; dropped: number; normaliseErrors: number; listenerErrors: number };
  /** Stops every receiver; iterators end once they have drained their queue. */
  stop(): Promise<void>;
}

/** A fixed-size FIFO that overwrites its oldest entry when full. */
class Ring<T> {
  private buf: (T | undefined)[];
  private head = 0;
  size = 0;
  constructor(readonly capacity: number) {
    this.buf = new Array<T | undefined>(capacity);
  }
  /** Adds `v`; returns true when the oldest entry had to go. */
  push(v: T): boolean {
    const full = this.size === this.capacity;
    this.buf[(this.head + this.size) % this.capacity] = v;
    if (full) this.head = (this.head + 1) % this.capacity;
    else this.size++;
    return full;
  }
  shift(): T | undefined {
    if (this.size === 0) return undefined;
    const v = this.buf[this.head];
    this.buf[this.head] = undefined;
    this.head = (this.head + 1) % this.capacity;
    this.size--;
    return v;
  }
}

function toSourceState(s: ReceiverStatus): SourceState {
  return { name: s.name, platform: s.platform, source: s.source, state: s.state, ...(s.lastError ? { lastError: s.lastError } : {}) };
}

/**
 * Starts `receivers` and merges them. Receiver names must be unique (they name each message's source).
 * @example for await (const m of aggregate([twitch, tikfinity])) console.log(m.platform, m.user?.displayName, m.text)
 */
export function aggregate(receivers: readonly Receiver[], opts: AggregateOptions = {}): Aggregate {
  const capacity = Math.max(1, opts.capacity ?? 10_000);
  const norm = opts.normalise ?? normalise;
  const names = new Set<string>();
  for (const r of receivers) {
    if (names.has(r.name)) throw new TypeError(`aggregate: two receivers are named "${r.name}"; give each a unique name`);
    names.add(r.name);
  }
  const states = new Map<string, SourceState>();
  const listeners = new Set<(m: Message) => void>();
  const stateListeners = new Set<(s: SourceState[]) => void>();
  const wakers = new Set<() => void>();
  const counters = { messages: 0, dropped: 0, normaliseErrors: 0, listenerErrors: 0 };
  const unsubs: (() => void)[] = [];
  let seq = 0;
  let stopped = false;

  const allStates = (): SourceState[] => receivers.map((r) => states.get(r.name)).filter((s): s is SourceState => s !== undefined);
  const publishStates = (): void => {
    const all = allStates();
    for (const fn of stateListeners) {
      try {
        fn(all);
      } catch {
        counters.listenerErrors++;
      }
    }
  };
  const publish = (m: Message): void => {
    counters.messages++;
    for (const fn of listeners) {
      try {
        fn(m);
      } catch {
        counters.listenerErrors++;
      }
    }
  };

  for (const r of receivers) {
    const initial = safeStatus(r);
    states.set(r.name, initial);
    unsubs.push(
      r.onState((s) => {
        states.set(r.name, toSourceState(s));
        publishStates();
      }),
    );
    unsubs.push(
      r.onEvent((e) => {
        if (stopped) return;
        let m: Message | null;
        try {
          m = norm(e, seq++);
        } catch {
          counters.normaliseErrors++;
          return;
        }
        if (m) publish(m);
      }),
    );
  }
  for (const r of receivers) {
    try {
      r.start();
    } catch (e) {
      // A receiver that throws from start() breaks its own contract; it becomes a failed source, the rest run on.
      states.set(r.name, { ...safeStatus(r), state: 'failed', lastError: (e as Error).message });
      publishStates();
    }
  }

  const iterate = (): AsyncIterator<Message> => {
    const q = new Ring<Message>(capacity);
    let wake: (() => void) | null = null;
    const onMsg = (m: Message): void => {
      if (q.push(m)) counters.dropped++;
      wake?.();
    };
    const finish = (): void => wake?.();
    listeners.add(onMsg);
    wakers.add(finish);
    const close = (): void => {
      listeners.delete(onMsg);
      wakers.delete(finish);
    };
    return {
      async next(): Promise<IteratorResult<Message>> {
        for (;;) {
          const m = q.shift();
          if (m) return { done: false, value: m };
          if (stopped) {
            close();
            return { done: true, value: undefined };
          }
          await new Promise<void>((res) => {
            wake = () => {
              wake = null;
              res();
            };
          });
        }
      },
      async return(): Promise<IteratorResult<Message>> {
        close();
        return { done: true, value: undefined };
      },
    };
  };

  return {
    [Symbol.asyncIterator]: iterate,
    states: allStates,
    onState(fn) {
      stateListeners.add(fn);
      return () => stateListeners.delete(fn);
    },
    onMessage(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    counters: () => ({ ...counters }),
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const u of unsubs) u();
      await Promise.allSettled(receivers.map((r) => r.stop()));
      for (const r of receivers) states.set(r.name, safeStatus(r));
      for (const w of [...wakers]) w();
    },
  };
}

function safeStatus(r: Receiver): SourceState {
  try {
    return toSourceState(r.status());
  } catch (e) {
    return { name: r.name, platform: r.platform, source: '', state: 'failed', lastError: (e as Error).message };
  }
}
