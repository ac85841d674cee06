import { frameHead, msgPart, type FrameCtx, type MessageParams } from '../generator-context.ts';
import { viewerKind } from './kind-spec.ts';

/** A subscriber emote sent to the room; `emote` picks the simulator's image `/media/emote/<0..7>.png`. */
export interface EmoteParams extends MessageParams {
  emote: number;
  emoteId: string;
}

/** Number of emote images the media module serves. */
export const EMOTE_COUNT = 8;

/** The emote id the simulator uses for emote image `n`. */
export function emoteIdOf(n: number): string {
  return `71097662249325${40000 + n * 1117}`;
}

const HEAD = frameHead('emote');

/** The exact frame text of an emote event. */
export function emoteFrame(p: EmoteParams, ctx: FrameCtx): string {
  return `${HEAD}${p.user.json},${msgPart(p)},"emoteId":"${p.emoteId}","emoteImageUrl":"${ctx.mediaBase}/media/emote/${p.emote}.png"${ctx.tail}`;
}

/** emote: a subscriber emote sent on its own. */
export const emoteKind = viewerKind('emote', 0.02, (host, v, t, rng) => {
  const msgId = host.msgId(t);
  const n = rng.int(0, EMOTE_COUNT - 1);
  return emoteFrame({ user: v, msgId, t, emote: n, emoteId: emoteIdOf(n) }, host.ctx);
});
