import { frameHead, msgPart, type FrameCtx, type MessageParams } from '../generator-context.ts';

/** A treasure chest: `coins` inside, `canOpen` people may open it, `timestamp` when it opens (epoch ms). */
export interface EnvelopeParams extends MessageParams {
  coins: number;
  canOpen: number;
  timestamp: number;
}

const HEAD = frameHead('envelope');

/** The exact frame text of an envelope event. */
export function envelopeFrame(p: EnvelopeParams, ctx: FrameCtx): string {
  return `${HEAD}${p.user.json},${msgPart(p)},"coins":${p.coins},"canOpen":${p.canOpen},"timestamp":${p.timestamp}${ctx.tail}`;
}
