/** One frame out of the engine: `text` is exactly what goes on the wire. */
export interface OutFrame {
  event: string;
  text: string;
}

/** Where generated frames go, in time order. */
export type Emit = (f: OutFrame) => void;
