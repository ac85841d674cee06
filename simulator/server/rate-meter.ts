/** Events per second by kind over a sliding window of whole seconds; memory is fixed by the window. */
export class RateMeter {
  private readonly buckets: Map<string, number>[] = [];
  private readonly stamps: number[] = [];

  constructor(private readonly windowS = 5) {
    for (let i = 0; i < windowS; i++) {
      this.buckets.push(new Map());
      this.stamps.push(-1);
    }
  }

  /** Counts one event of `kind` at real time `nowMs`. */
  add(kind: string, nowMs: number): void {
    const sec = Math.floor(nowMs / 1000);
    const i = sec % this.windowS;
    if (this.stamps[i] !== sec) {
      this.stamps[i] = sec;
      this.buckets[i].clear();
    }
    const b = this.buckets[i];
    b.set(kind, (b.get(kind) ?? 0) + 1);
  }

  /** Average events/s by kind over the last full seconds (the current, partial second excluded). */
  rates(nowMs: number): { total: number; byKind: Record<string, number> } {
    const sec = Math.floor(nowMs / 1000);
    const byKind: Record<string, number> = {};
    let total = 0;
    const span = this.windowS - 1;
    for (let i = 0; i < this.windowS; i++) {
      const s = this.stamps[i];
      if (s < sec - span || s >= sec) continue;
      for (const [k, n] of this.buckets[i]) {
        byKind[k] = (byKind[k] ?? 0) + n / span;
        total += n / span;
      }
    }
    for (const k of Object.keys(byKind)) byKind[k] = Math.round(byKind[k] * 100) / 100;
    return { total: Math.round(total * 100) / 100, byKind };
  }
}
