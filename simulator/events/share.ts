import { frameHead, msgPart, type FrameCtx, type MessageParams } from '../generator-context.ts';
import type { Rng } from '../rng.ts';
import { activeViewer, type KindSpec } from './kind-spec.ts';
import { SHARE_DISPLAY_TYPES, SHARE_LABEL, socialFrame } from './social.ts';

/** A viewer shared the LIVE (TLC v1 social shape); `displayType` is one of SHARE_DISPLAY_TYPES. */
export interface ShareParams extends MessageParams {
  displayType: string;
}

export { SHARE_DISPLAY_TYPES, SHARE_LABEL } from './social.ts';

/** A share's displayType: mostly the plain one (the shares of the others are ours: docs/REAL-DATA.md). */
export function shareDisplayType(rng: Rng): string {
  const u = rng.float();
  return SHARE_DISPLAY_TYPES[u < 0.8 ? 0 : u < 0.93 ? 1 : 2];
}

const HEAD = frameHead('share');

/** The exact frame text of a share event. */
export function shareFrame(p: ShareParams, ctx: FrameCtx): string {
  return `${HEAD}${p.user.json},${msgPart(p)},"displayType":"${p.displayType}","label":"${SHARE_LABEL}"${ctx.tail}`;
}

/** share (plus `social` when that quirk is on). */
export const shareKind = {
  rate: 0.03,
  generate(host, tf, emit) {
    const v = activeViewer(host);
    const t = Math.floor(tf);
    const displayType = shareDisplayType(host.rng);
    host.send(emit, 'share', shareFrame({ user: v, msgId: host.msgId(t), t, displayType }, host.ctx), tf);
    if (host.quirks.social) host.send(emit, 'social', socialFrame({ user: v, msgId: host.msgId(t), t, kind: 'share', displayType }, host.ctx), tf);
  },
  build: (host, vi, _data, rng) => (t) => shareFrame({ user: host.pop.get(vi), msgId: host.msgId(t), t, displayType: shareDisplayType(rng) }, host.ctx),
  consumes: [],
} satisfies KindSpec;
