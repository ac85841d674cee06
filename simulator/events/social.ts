import { frameHead, msgPart, type FrameCtx, type MessageParams } from '../generator-context.ts';
import type { KindSpec } from './kind-spec.ts';

/** TLC v1's social event, sent beside a follow or a share (whether TikFinity forwards it is unverified: quirk `social`). */
export interface SocialParams extends MessageParams {
  kind: 'follow' | 'share';
  /** A share's displayType (SHARE_DISPLAY_TYPES); the plain one when absent. */
  displayType?: string;
}

/** The label of every real share (docs/REAL-DATA.md). */
export const SHARE_LABEL = '{0:user} shared the LIVE';
/** The share displayTypes seen on TikTok, the plain one first; the others mark a viewer's 5th and 10th share. */
export const SHARE_DISPLAY_TYPES = ['pm_mt_guidance_share', 'pm_mt_guidance_viewer_5_share', 'pm_mt_guidance_viewer_10_share'] as const;

const HEAD = frameHead('social');

/** The exact frame text of a social event. */
export function socialFrame(p: SocialParams, ctx: FrameCtx): string {
  const dl =
    p.kind === 'follow'
      ? '"displayType":"pm_main_follow_message_viewer_2","label":"{0:user} followed the LIVE creator"'
      : `"displayType":"${p.displayType ?? SHARE_DISPLAY_TYPES[0]}","label":"${SHARE_LABEL}"`;
  return `${HEAD}${p.user.json},${msgPart(p)},${dl}${ctx.tail}`;
}

/** social: sent beside follow and share under the `social` quirk; fired on its own as a share. */
export const socialKind = {
  build: (host, vi) => (t) => socialFrame({ user: host.pop.get(vi), msgId: host.msgId(t), t, kind: 'share' }, host.ctx),
  consumes: [],
} satisfies KindSpec;
