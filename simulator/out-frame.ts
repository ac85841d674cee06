/** One frame out of the engine: `text` is exactly what goes on the wire. */
export interface OutFrame {
  event: string;
  text: string;
  /** Set on the frames of one fired request (the programmatic API waits for them); absent otherwise. */
  tag?: number;
}

/** Where generated frames go, in time order. */
export type Emit = (f: OutFrame) => void;
