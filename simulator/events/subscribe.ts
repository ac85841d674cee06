import { frameHead, msgPart, type FrameCtx, type MessageParams } from '../generator-context.ts';
import { viewerKind } from './kind-spec.ts';

/** A subscription: `subMonth` is the running month count (1 = new subscriber). */
export interface SubscribeParams extends MessageParams {
  subMonth: number;
  exhibitionType: number;
  subscribingStatus: number;
  oldSubscribeStatus: number;
}

const HEAD = frameHead('subscribe');

/** The exact frame text of a subscribe event. */
export function subscribeFrame(p: SubscribeParams, ctx: FrameCtx): string {
  return (
    `${HEAD}${p.user.json},${msgPart(p)},"exhibitionType":${p.exhibitionType},"subMonth":${p.subMonth},` +
    `"subscribingStatus":${p.subscribingStatus},"oldSubscribeStatus":${p.oldSubscribeStatus}${ctx.tail}`
  );
}

/** subscribe: most are first months. */
export const subscribeKind = viewerKind('subscribe', 0.005, (host, v, t, rng) => {
  const msgId = host.msgId(t);
  const subMonth = rng.chance(0.6) ? 1 : rng.int(2, 24);
  return subscribeFrame({ user: v, msgId, t, subMonth, exhibitionType: 0, subscribingStatus: 1, oldSubscribeStatus: subMonth > 1 ? 1 : 0 }, host.ctx);
});
