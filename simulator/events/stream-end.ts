import { frameHead, type FrameCtx } from '../generator-context.ts';

/** The LIVE ended (`action` 3) or was suspended (4). */
export interface StreamEndParams {
  action: number;
}

const HEAD = frameHead('streamEnd');

/** The exact frame text of a streamEnd event. */
export function streamEndFrame(p: StreamEndParams, ctx: FrameCtx): string {
  return `${HEAD}"action":${p.action}${ctx.tail}`;
}
