/** A fixed-size ring of numbers exposed as a plain array (oldest first once full), so tests can read it directly. */
export class NumberRing {
  readonly values: number[] = [];
  private pos = 0;
  constructor(private readonly size: number) {}

  /** Adds a value, overwriting the oldest once full. */
  push(v: number): void {
    if (this.values.length < this.size) this.values.push(v);
    else {
      this.values[this.pos] = v;
      this.pos = (this.pos + 1) % this.size;
    }
  }
}
