import type { Viewer } from './population.ts';

/** What every event generator needs besides its own params: the frame's end and the media base. */
export interface FrameCtx {
  /** `,"tikfinityUserId":1888822,"tikfinityUsername":"name"}}`: closes data and the frame. */
  readonly tail: string;
  /** Every generated URL starts with this. */
  readonly mediaBase: string;
}

/** The per-message part every user-carrying event has: who, which message id, when. */
export interface MessageParams {
  user: Viewer;
  msgId: string;
  /** Virtual epoch ms (integer). */
  t: number;
}

/** Builds the frame context for a streamer account. */
export function frameCtx(mediaBase: string, tikfinity: { userId: number; username: string }): FrameCtx {
  return {
    tail: `,"tikfinityUserId":${tikfinity.userId},"tikfinityUsername":${JSON.stringify(tikfinity.username)}}}`,
    mediaBase,
  };
}

/** The `"msgId":"…","createTime":"…"` pair that follows a user block (no leading/trailing comma). */
export function msgPart(p: MessageParams): string {
  return `"msgId":"${p.msgId}","createTime":"${p.t}"`;
}

/** `{"event":"<kind>","data":{`: the start of every frame. */
export function frameHead(event: string): string {
  return `{"event":"${event}","data":{`;
}

const PAD12 = '000000000000';
const PAD6 = '000000';

/**
 * A 19-digit message id derived from virtual time and a running sequence number: unique as long as fewer than a
 * million messages share one millisecond. @example makeMsgId(1749859543679, 7) // '7749859543679000007'
 */
export function makeMsgId(t: number, seq: number): string {
  const a = String(t % 1e12);
  const b = String(seq % 1e6);
  return `7${PAD12.slice(a.length)}${a}${PAD6.slice(b.length)}${b}`;
}

export { flat } from './flat.ts';
