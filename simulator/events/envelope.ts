import { frameHead, msgPart, type FrameCtx, type MessageParams } from '../generator-context.ts';
import { viewerKind } from './kind-spec.ts';

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

/** envelope: a treasure box. */
export const envelopeKind = viewerKind('envelope', 0.002, (host, v, t, rng) => {
  const msgId = host.msgId(t);
  return envelopeFrame({ user: v, msgId, t, coins: rng.pick([100, 200, 500, 1000, 2000]), canOpen: rng.int(5, 60), timestamp: t + rng.int(30, 180) * 1000 }, host.ctx);
});
