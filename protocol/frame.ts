import { isEventName, type EventName } from './names.ts';
import { eventSchemas, type EventDataMap } from './schemas.ts';

/** A frame whose event name and data we know and which validated. */
export type KnownFrame = { [K in EventName]: { known: true; event: K; data: EventDataMap[K] } }[EventName];
/** A frame with an event name we do not know: passed through untouched, never an error. */
export interface UnknownFrame {
  known: false;
  event: string;
  data: unknown;
}
export type Frame = KnownFrame | UnknownFrame;

export type ParseResult = { ok: true; frame: Frame } | { ok: false; error: string };

/** Options for parseFrame. */
export interface ParseOptions {
  /** Validate known events against their schema (default true). Off: only the envelope is checked. */
  validate?: boolean;
}

/**
 * Parses one TikFinity text frame `{"event":...,"data":...}`. Never throws.
 * @example parseFrame('{"event":"chat","data":{...}}') // {ok:true, frame:{known:true, event:'chat', data}}
 */
export function parseFrame(text: unknown, opts: ParseOptions = {}): ParseResult {
  if (typeof text !== 'string') return { ok: false, error: 'frame is not text' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `invalid JSON: ${(e as Error).message}` };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, error: 'frame is not a JSON object' };
  }
  const { event, data } = raw as { event?: unknown; data?: unknown };
  if (typeof event !== 'string') return { ok: false, error: 'frame has no string "event"' };
  if (!isEventName(event)) return { ok: true, frame: { known: false, event, data } };
  if (opts.validate === false) {
    if (data === null || typeof data !== 'object') return { ok: false, error: `${event}: "data" is not an object` };
    return { ok: true, frame: { known: true, event, data } as KnownFrame };
  }
  const res = eventSchemas[event].safeParse(data);
  if (!res.success) {
    const issue = res.error.issues[0];
    const where = issue && issue.path.length ? issue.path.join('.') : 'data';
    return { ok: false, error: `${event}: ${where}: ${issue ? issue.message : 'invalid'}` };
  }
  return { ok: true, frame: { known: true, event, data: res.data } as KnownFrame };
}

/** Serialises an event the way TikFinity does: one text frame `{"event":...,"data":...}`. */
export function serializeFrame(event: string, data: unknown): string {
  return `{"event":${JSON.stringify(event)},"data":${JSON.stringify(data)}}`;
}
