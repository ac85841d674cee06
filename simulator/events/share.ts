import { frameHead, msgPart, type FrameCtx, type MessageParams } from '../generator-context.ts';

/** A viewer shared the LIVE (TLC v1 social shape). */
export type ShareParams = MessageParams;

const HEAD = frameHead('share');

/** The exact frame text of a share event. */
export function shareFrame(p: ShareParams, ctx: FrameCtx): string {
  return `${HEAD}${p.user.json},${msgPart(p)},"displayType":"pm_mt_guidance_share","label":"{0:user} shared the live"${ctx.tail}`;
}
