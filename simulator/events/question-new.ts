import { frameHead, msgPart, type FrameCtx, type MessageParams } from '../generator-context.ts';

/** A Q&A question; `questionJson` is the text as a JSON string literal. */
export interface QuestionNewParams extends MessageParams {
  questionJson: string;
}

const HEAD = frameHead('questionNew');

/** The exact frame text of a questionNew event. */
export function questionNewFrame(p: QuestionNewParams, ctx: FrameCtx): string {
  return `${HEAD}${p.user.json},${msgPart(p)},"questionText":${p.questionJson}${ctx.tail}`;
}
