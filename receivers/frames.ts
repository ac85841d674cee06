/**
 * One tiksim/TikFinity frame's text → a receiver event: parsed with protocol's parseFrame, converted with toTlcData.
 * Shared by the receivers that read frames (the socket, the simulator in-process, a replay).
 */
import { parseFrame } from '../protocol/frame.ts';
import { toTlcData } from '../protocol/tlc/index.ts';
import type { Session } from './reconnecting.ts';

/** Hands on one frame's text through `s` (config frames are TikFinity's own and are skipped; bad ones are `error` events). */
export function handFrame(s: Session, text: string, at?: number): void {
  // toTlcData checks the converted data against its TLC schema; checking the frame's own schema first as well would
  // double the cost per frame (measured: ~half of a relay's CPU at thousands of events/s).
  const p = parseFrame(text, { validate: false });
  if (!p.ok) return s.problem(`a frame that could not be read: ${p.error}`, text.slice(0, 200));
  if (p.frame.event === 'config') return;
  const c = toTlcData(p.frame.event, p.frame.data);
  if (!c.ok) return s.problem(`a ${p.frame.event} frame: ${c.error.message}`, text.slice(0, 200));
  s.event(c.kind, c.data, at, text);
}
