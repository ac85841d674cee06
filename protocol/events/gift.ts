import { z } from 'zod';
import { messageFields, tikfinityFields, userFields } from './user.ts';

/**
 * A gift. Streakable gifts (`giftType` 1) re-send with repeatCount 1..n and `repeatEnd:false`, then a final
 * `repeatEnd:true` frame. Real frame (user block trimmed):
 * `{"event":"gift","data":{"giftId":5655,"repeatCount":1,"groupId":"1749859560141","userId":"7350695922194564138",...,
 *  "msgId":"7515589580092050207","createTime":"1749859560559","displayType":"webcast_aweme_gift_send_messageNew",
 *  "label":"{0:user} sent {1:gift} × {2:string}","repeatEnd":false,"gift":{"gift_id":5655,"repeat_count":1,"repeat_end":0,"gift_type":1},
 *  "describe":"sent Rose","giftType":1,"diamondCount":1,"giftName":"Rose","giftPictureUrl":"https://p19-webcast.tiktokcdn.com/...png",
 *  "timestamp":1749859560560,"receiverUserId":"6983923605470856197","originalName":"Rose","originalDescribe":"Sent Rose",
 *  "tikfinityUserId":1888822,"tikfinityUsername":"wizardofdealz"}}`
 */
export const giftSchema = z.object({
  giftId: z.number(),
  repeatCount: z.number(),
  groupId: z.string(),
  ...userFields,
  ...messageFields,
  displayType: z.string(),
  label: z.string(),
  repeatEnd: z.boolean(),
  gift: z.object({
    gift_id: z.number(),
    repeat_count: z.number(),
    repeat_end: z.number(),
    gift_type: z.number(),
  }),
  describe: z.string(),
  giftType: z.number(),
  diamondCount: z.number(),
  giftName: z.string(),
  giftPictureUrl: z.string(),
  timestamp: z.number(),
  receiverUserId: z.string(),
  originalName: z.string(),
  originalDescribe: z.string(),
  userIdentity: z
    .object({
      isGiftGiverOfAnchor: z.boolean(),
      isMutualFollowingWithAnchor: z.boolean(),
      isFollowerOfAnchor: z.boolean(),
    })
    .optional(),
  ...tikfinityFields,
});
export type GiftData = z.infer<typeof giftSchema>;

/** PROTOCOL.md's consumer rule: a gift frame counts when it is not a streak or ends one. */
export function isCountableGift(g: Pick<GiftData, 'giftType' | 'repeatEnd'>): boolean {
  return g.giftType !== 1 || g.repeatEnd;
}

/** Diamonds a countable gift frame is worth (`diamondCount * repeatCount`); 0 for an in-progress streak frame. */
export function giftDiamonds(g: Pick<GiftData, 'giftType' | 'repeatEnd' | 'diamondCount' | 'repeatCount'>): number {
  return isCountableGift(g) ? g.diamondCount * g.repeatCount : 0;
}
