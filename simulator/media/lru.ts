/** A bounded least-recently-used map (Map keeps insertion order: re-insert on hit, evict the first key). */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();
  constructor(readonly capacity: number, private readonly sizeOf: (v: V) => number = () => 1, readonly maxSize = Infinity) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`LRU capacity must be a positive integer, got ${capacity}`);
  }
  private size = 0;

  /** The value for `key` (and marks it most recently used), or undefined. */
  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v === undefined) return undefined;
    this.map.delete(key);
    this.map.set(key, v);
    return v;
  }

  /** Stores `value`, evicting the least recently used entries beyond the bounds. */
  set(key: K, value: V): void {
    const old = this.map.get(key);
    if (old !== undefined) {
      this.size -= this.sizeOf(old);
      this.map.delete(key);
    }
    this.map.set(key, value);
    this.size += this.sizeOf(value);
    while (this.map.size > this.capacity || (this.size > this.maxSize && this.map.size > 1)) {
      const first = this.map.keys().next().value as K;
      this.size -= this.sizeOf(this.map.get(first) as V);
      this.map.delete(first);
    }
  }

  /** Number of entries held. */
  get entries(): number {
    return this.map.size;
  }
}
