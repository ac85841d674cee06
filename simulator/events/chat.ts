import { frameHead, msgPart, type FrameCtx, type MessageParams } from '../generator-context.ts';
import { emoteIdOf } from './emote.ts';
import type { Viewer } from '../population.ts';
import { EMOTE_COUNT } from './emote.ts';
import { activeViewer, type KindHost, type KindSpec } from './kind-spec.ts';

/** A chat message; `commentJson` and `emotesJson` are already JSON (from the precomputed pools). */
export interface ChatParams extends MessageParams {
  commentJson: string;
  /** `[]` or `[{"emoteId":…,"emoteImageUrl":…,"placeInComment":…}]`. */
  emotesJson: string;
}

const HEAD = frameHead('chat');

/** The exact frame text of a chat message, key order as in real captures. */
export function chatFrame(p: ChatParams, ctx: FrameCtx): string {
  return `${HEAD}"emotes":${p.emotesJson},"comment":${p.commentJson},${p.user.json},${msgPart(p)}${ctx.tail}`;
}

/** The emotes array for a chat that shows emote `n` (0..7) at character `place` of the comment. */
export function chatEmotesJson(ctx: FrameCtx, n: number, place: number): string {
  return `[{"emoteId":"${emoteIdOf(n)}","emoteImageUrl":"${ctx.mediaBase}/media/emote/${n}.png","placeInComment":${place}}]`;
}

/**
 * A chat frame with a comment from the pools, drawn from the core's own rng. Emotes in chat are subscriber emotes,
 * so only subscribers' comments carry one (a quarter of theirs: 2 to 4% of all chats, by room size).
 */
export function chatText(host: KindHost, v: Viewer, t: number, commentJson?: string): string {
  const rng = host.rng;
  const p = host.pools;
  let c = commentJson;
  let emotes = '[]';
  if (c === undefined) {
    const ci = rng.u32() % p.comments.length;
    c = p.commentsJson[ci];
    if (rng.chance(0.25) && v.isSubscriber) emotes = chatEmotesJson(host.ctx, rng.int(0, EMOTE_COUNT - 1), p.comments[ci].length);
  }
  return chatFrame({ user: v, msgId: host.msgId(t), t, commentJson: c, emotesJson: emotes }, host.ctx);
}

/** chat: the commonest kind. */
export const chatKind = {
  rate: 1.5,
  generate(host, tf, emit) {
    host.send(emit, 'chat', chatText(host, activeViewer(host), Math.floor(tf)), tf);
  },
  build: (host, vi, data) => (t) => chatText(host, host.pop.get(vi), t, typeof data.comment === 'string' ? JSON.stringify(data.comment) : undefined),
  consumes: ['comment'],
} satisfies KindSpec;
