import type { z } from 'zod';
import type { EventName } from './names.ts';
import { chatSchema } from './events/chat.ts';
import { configSchema } from './events/config.ts';
import { emoteSchema } from './events/emote.ts';
import { envelopeSchema } from './events/envelope.ts';
import { followSchema } from './events/follow.ts';
import { giftSchema } from './events/gift.ts';
import { likeSchema } from './events/like.ts';
import { linkMicArmiesSchema } from './events/link-mic-armies.ts';
import { linkMicBattleSchema } from './events/link-mic-battle.ts';
import { liveIntroSchema } from './events/live-intro.ts';
import { memberSchema } from './events/member.ts';
import { questionNewSchema } from './events/question-new.ts';
import { roomUserSchema } from './events/room-user.ts';
import { shareSchema } from './events/share.ts';
import { socialSchema } from './events/social.ts';
import { streamEndSchema } from './events/stream-end.ts';
import { subscribeSchema } from './events/subscribe.ts';

/** One runtime schema per event name; adding a name to EVENT_NAMES fails the build until it is added here. */
export const eventSchemas = {
  chat: chatSchema,
  gift: giftSchema,
  like: likeSchema,
  member: memberSchema,
  roomUser: roomUserSchema,
  follow: followSchema,
  share: shareSchema,
  subscribe: subscribeSchema,
  emote: emoteSchema,
  envelope: envelopeSchema,
  questionNew: questionNewSchema,
  liveIntro: liveIntroSchema,
  linkMicBattle: linkMicBattleSchema,
  linkMicArmies: linkMicArmiesSchema,
  streamEnd: streamEndSchema,
  config: configSchema,
  social: socialSchema,
} satisfies Record<EventName, z.ZodType>;

/** The data type of each event, derived from its schema. */
export type EventDataMap = { [K in EventName]: z.infer<(typeof eventSchemas)[K]> };
