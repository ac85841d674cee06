import { frameHead, msgPart, type FrameCtx, type MessageParams } from '../generator-context.ts';
import { activeViewer, type KindSpec } from './kind-spec.ts';
import { socialFrame } from './social.ts';

/** A viewer shared the LIVE (TLC v1 social shape). */
export type ShareParams = MessageParams;

const HEAD = frameHead('share');

/** The exact frame text of a share event. */
export function shareFrame(p: ShareParams, ctx: FrameCtx): string {
  return `${HEAD}${p.user.json},${msgPart(p)},"displayType":"pm_mt_guidance_share","label":"{0:user} shared the live"${ctx.tail}`;
}

/** share (plus `social` when that quirk is on). */
export const shareKind = {
  rate: 0.03,
  generate(host, tf, emit) {
    const v = activeViewer(host);
    const t = Math.floor(tf);
    host.send(emit, 'share', shareFrame({ user: v, msgId: host.msgId(t), t }, host.ctx), tf);
    if (host.quirks.social) host.send(emit, 'social', socialFrame({ user: v, msgId: host.msgId(t), t, kind: 'share' }, host.ctx), tf);
  },
  build: (host, vi) => (t) => shareFrame({ user: host.pop.get(vi), msgId: host.msgId(t), t }, host.ctx),
  consumes: [],
} satisfies KindSpec;
