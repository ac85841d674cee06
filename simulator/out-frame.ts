/** One frame out of the engine: `text` is exactly what goes on the wire. */
export interface OutFrame {
  event: string;
  text: string;
  /** Set on the frames of one fired request (the programmatic API waits for them); absent otherwise. */
  tag?: number;
  /** The same frame as UTF-8 bytes, where it came as bytes (a replayed line): sent as they are, `text` decoded only if read. */
  utf8?: Buffer;
}

/** A frame that came as UTF-8 bytes (a replayed recording line): its text is decoded only when something reads it. */
export class Utf8Frame implements OutFrame {
  private decoded: string | undefined;

  constructor(
    readonly event: string,
    readonly utf8: Buffer,
  ) {}

  get text(): string {
    return (this.decoded ??= this.utf8.toString('utf8'));
  }
}

/** Where generated frames go, in time order. */
export type Emit = (f: OutFrame) => void;
