import { z } from 'zod';
import { tikfinityFields, userDetailsSchema, userFields } from './user.ts';

/**
 * A treasure chest as TLC v1 (TikFinity's base) flattens WebcastEnvelopeMessage: the sender (the display text's first
 * user) and the box {coins, canOpen, timestamp (unpackAt, epoch seconds)}, and no msgId/createTime (v1 reads the
 * message's common part as the sender's container). A box:
 * `{"event":"envelope","data":{"userId":"...",...,"teamMemberLevel":0,"coins":20,"canOpen":8,"timestamp":1749859660,
 *  "tikfinityUserId":1888822,"tikfinityUsername":"wizardofdealz"}}`
 * About half of TikTok's envelope messages are empty (no coins, no user); v1 then builds the user block of no user:
 * `{"event":"envelope","data":{"profilePictureUrl":null,"userBadges":[],"userDetails":{},"isModerator":false,
 *  "isNewGifter":false,"isSubscriber":false,"topGifterRank":0,"gifterLevel":0,"teamMemberLevel":0,"tikfinityUserId":1888822,...}}`
 * docs/REAL-DATA.md has the derivation.
 */
export const envelopeBoxSchema = z.object({
  ...userFields,
  coins: z.number(),
  canOpen: z.number(),
  timestamp: z.number(),
  ...tikfinityFields,
});

/** An empty envelope frame: no sender, no box. */
export const envelopeEmptySchema = z.object({
  profilePictureUrl: z.null(),
  userBadges: z.array(z.never()),
  userDetails: z.strictObject({}),
  isModerator: z.boolean(),
  isNewGifter: z.boolean(),
  isSubscriber: z.boolean(),
  topGifterRank: z.number(),
  gifterLevel: z.number(),
  teamMemberLevel: z.number(),
  ...tikfinityFields,
});

/**
 * Either frame, as one object schema (the fire checks need its shape): the sender's fields and the box are optional,
 * the picture may be null, userDetails may be empty. envelopeBoxSchema and envelopeEmptySchema tell the two apart.
 */
export const envelopeSchema = z.object({
  ...Object.fromEntries(Object.entries(userFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof userFields]: z.ZodOptional<(typeof userFields)[K]> },
  profilePictureUrl: z.string().nullable().optional(),
  userDetails: z.union([userDetailsSchema, z.strictObject({})]).optional(),
  isModerator: z.boolean(),
  isNewGifter: z.boolean(),
  isSubscriber: z.boolean(),
  topGifterRank: z.number(),
  gifterLevel: z.number(),
  teamMemberLevel: z.number(),
  coins: z.number().optional(),
  canOpen: z.number().optional(),
  timestamp: z.number().optional(),
  ...tikfinityFields,
});
export type EnvelopeData = z.infer<typeof envelopeSchema>;
