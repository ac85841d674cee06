import { frameHead, msgPart, type FrameCtx, type MessageParams } from '../generator-context.ts';
import type { KindSpec } from './kind-spec.ts';

/** TLC v1's social event, sent beside a follow or a share (whether TikFinity forwards it is unverified: quirk `social`). */
export interface SocialParams extends MessageParams {
  kind: 'follow' | 'share';
}

const HEAD = frameHead('social');

/** The exact frame text of a social event. */
export function socialFrame(p: SocialParams, ctx: FrameCtx): string {
  const dl =
    p.kind === 'follow'
      ? '"displayType":"pm_main_follow_message_viewer_2","label":"{0:user} followed the LIVE creator"'
      : '"displayType":"pm_mt_guidance_share","label":"{0:user} shared the live"';
  return `${HEAD}${p.user.json},${msgPart(p)},${dl}${ctx.tail}`;
}

/** social: sent beside follow and share under the `social` quirk; fired on its own as a share. */
export const socialKind = {
  build: (host, vi) => (t) => socialFrame({ user: host.pop.get(vi), msgId: host.msgId(t), t, kind: 'share' }, host.ctx),
  consumes: [],
} satisfies KindSpec;
