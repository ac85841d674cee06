import { frameHead, msgPart, type FrameCtx, type MessageParams } from '../generator-context.ts';

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
