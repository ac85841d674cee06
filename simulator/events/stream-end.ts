import { frameHead, type FrameCtx } from '../generator-context.ts';
import type { KindSpec } from './kind-spec.ts';

/** The LIVE ended (`action` 3) or was suspended (4). */
export interface StreamEndParams {
  action: number;
}

const HEAD = frameHead('streamEnd');

/** The exact frame text of a streamEnd event. */
export function streamEndFrame(p: StreamEndParams, ctx: FrameCtx): string {
  return `${HEAD}"action":${p.action}${ctx.tail}`;
}

/** streamEnd: only when fired (action 3 ended, 4 suspended). */
export const streamEndKind = {
  build: (host, _vi, data) => () => streamEndFrame({ action: typeof data.action === 'number' ? data.action : 3 }, host.ctx),
  consumes: ['action'],
} satisfies KindSpec;
