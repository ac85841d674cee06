import { frameHead, msgPart, type FrameCtx, type MessageParams } from '../generator-context.ts';
import { emoteIdOf } from './emote.ts';

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
