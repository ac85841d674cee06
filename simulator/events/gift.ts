import type { CatalogGift } from '../../protocol/index.ts';
import { frameHead, msgPart, type FrameCtx, type MessageParams } from '../generator-context.ts';
import { without, type KindSpec } from './kind-spec.ts';

/** One gift frame: a single send, one tap of a streak (`repeatEnd` false) or a streak's end (`repeatEnd` true). */
export interface GiftParams extends MessageParams {
  gift: GiftParts;
  repeatCount: number;
  repeatEnd: boolean;
  /** The first tap's ms, as TikTok's groupId. */
  groupId: number;
}

export type { GiftParts } from './gift-parts.ts';
import type { GiftParts } from './gift-parts.ts';

const HEAD = frameHead('gift');
const LABEL = ',"displayType":"webcast_aweme_gift_send_messageNew","label":"{0:user} sent {1:gift} × {2:string}","repeatEnd":';

/** Precomputes a gift's fragments; its picture is served by the simulator (`/media/gift/<id>.png`). */
export function giftParts(gift: CatalogGift, ctx: FrameCtx, receiverUserId: string): GiftParts {
  return {
    gift,
    head: `${HEAD}"giftId":${gift.id},"repeatCount":`,
    nested: `,"gift":{"gift_id":${gift.id},"repeat_count":`,
    info:
      `,"gift_type":${gift.type}},"describe":${JSON.stringify(gift.describe)},"giftType":${gift.type},` +
      `"diamondCount":${gift.diamondCount},"giftName":${JSON.stringify(gift.name)},` +
      `"giftPictureUrl":"${ctx.mediaBase}/media/gift/${gift.id}.png","timestamp":`,
    after: `,"receiverUserId":"${receiverUserId}","originalName":${JSON.stringify(gift.name)},"originalDescribe":${JSON.stringify(`Sent ${gift.name}`)}`,
  };
}

/** The exact frame text of a gift, key order as in real captures. */
export function giftFrame(p: GiftParams, ctx: FrameCtx): string {
  const g = p.gift;
  return (
    `${g.head}${p.repeatCount},"groupId":"${p.groupId}",${p.user.json},${msgPart(p)}${LABEL}${p.repeatEnd}` +
    `${g.nested}${p.repeatCount},"repeat_end":${p.repeatEnd ? 1 : 0}${g.info}${p.t + 1}${g.after}${ctx.tail}`
  );
}

/** gift: a send (a streak of taps for giftType 1), weighted towards cheap gifts; the machinery is generator-streaks.ts. */
export const giftKind = {
  rate: 0.25,
  generate(host, tf, emit) {
    host.startGift(host.pop.sample(host.rng), host.pickGift(host.rng), tf, emit);
  },
  schedule(host, fired, viewer, nowMs, tag) {
    const g = fired.gift!;
    const rest = without(fired.data, ['giftId', 'giftName', 'repeatCount']);
    for (let i = 0; i < fired.count; i++) host.startGift(viewer(), host.partsOf(g.gift), nowMs + i, null, g.repeat, rest, tag);
    return g.frames;
  },
  extraKeys: ['giftName'],
} satisfies KindSpec;
