import { frameHead, msgPart, type FrameCtx, type MessageParams } from '../generator-context.ts';
import type { Rng } from '../rng.ts';
import { viewerKind } from './kind-spec.ts';

/** A subscription: `subMonth` is the running month count (1 = new subscriber). */
export interface SubscribeParams extends MessageParams {
  subMonth: number;
  exhibitionType: number;
  subscribingStatus: number;
  oldSubscribeStatus: number;
}

const HEAD = frameHead('subscribe');

/** `"key":value,` when the value is not 0, else nothing. */
const nonZero = (key: string, v: number): string => (v !== 0 ? `"${key}":${v},` : '');

/**
 * The exact frame text of a subscribe event. As in the real TikFinity capture, the subscription's own fields come
 * first, in TikTok's field order (exhibitionType 3, subMonth 4, oldSubscribeStatus 6, subscribingStatus 8), then the
 * user block: TLC v1 appended the user to the decoded message. A field that is 0 is absent, because TikTok does not
 * send zeros and v1 copied only the fields on the wire (the capture has no oldSubscribeStatus).
 */
export function subscribeFrame(p: SubscribeParams, ctx: FrameCtx): string {
  return (
    `${HEAD}${nonZero('exhibitionType', p.exhibitionType)}${nonZero('subMonth', p.subMonth)}` +
    `${nonZero('oldSubscribeStatus', p.oldSubscribeStatus)}${nonZero('subscribingStatus', p.subscribingStatus)}` +
    `${p.user.json},${msgPart(p)}${ctx.tail}`
  );
}

/** exhibitionType: 2 in the real TikFinity capture, not always 0 on TikTok; the shares are ours (docs/REAL-DATA.md). */
export function exhibitionType(rng: Rng): number {
  const u = rng.float();
  return u < 0.4 ? 0 : u < 0.6 ? 1 : 2;
}

/** subscribe: most are first months. */
export const subscribeKind = viewerKind('subscribe', 0.005, (host, v, t, rng) => {
  const msgId = host.msgId(t);
  const subMonth = rng.chance(0.6) ? 1 : rng.int(2, 24);
  const exhibition = exhibitionType(rng);
  return subscribeFrame({ user: v, msgId, t, subMonth, exhibitionType: exhibition, subscribingStatus: 1, oldSubscribeStatus: subMonth > 1 ? 1 : 0 }, host.ctx);
});
