import { frameHead, msgPart, type FrameCtx, type MessageParams } from '../generator-context.ts';
import { viewerKind } from './kind-spec.ts';

/** A Q&A question; `questionJson` is the text as a JSON string literal. */
export interface QuestionNewParams extends MessageParams {
  questionJson: string;
}

const HEAD = frameHead('questionNew');

/** The exact frame text of a questionNew event. */
export function questionNewFrame(p: QuestionNewParams, ctx: FrameCtx): string {
  return `${HEAD}${p.user.json},${msgPart(p)},"questionText":${p.questionJson}${ctx.tail}`;
}

/** questionNew: a Q&A question. */
export const questionNewKind = viewerKind('questionNew', 0.01, (host, v, t, rng) => {
  const msgId = host.msgId(t);
  return questionNewFrame({ user: v, msgId, t, questionJson: JSON.stringify(rng.pick(host.pools.questions)) }, host.ctx);
});
