import type { EventName } from '../../../protocol/names.ts';

/**
 * A realistic POST /api/events body per event kind, for the JSON editor. `data` holds the kind's own fields (values
 * as in real TikFinity captures, see PROTOCOL.md); the simulator fills in the user block, msgId and createTime.
 */
export const EXAMPLES: Record<EventName, Record<string, unknown>> = {
  chat: { event: 'chat', data: { comment: 'No lets go', emotes: [] } },
  gift: { event: 'gift', data: { giftName: 'Rose', repeatCount: 5 } },
  like: { event: 'like', data: { likeCount: 15 }, count: 3 },
  member: { event: 'member', data: { actionId: 1 } },
  roomUser: { event: 'roomUser', data: { viewerCount: 1843 } },
  follow: { event: 'follow' },
  share: { event: 'share' },
  subscribe: { event: 'subscribe', data: { subMonth: 3, exhibitionType: 0, subscribingStatus: 1, oldSubscribeStatus: 1 } },
  emote: { event: 'emote', data: { emoteId: '7109766224932540206' } },
  envelope: { event: 'envelope', data: { coins: 500, canOpen: 12 } },
  questionNew: { event: 'questionNew', data: { questionText: 'what song is this?' } },
  liveIntro: { event: 'liveIntro', data: { description: 'Chill beats and gift goals tonight! 🎧' } },
  linkMicBattle: { event: 'linkMicBattle' },
  linkMicArmies: { event: 'linkMicArmies', data: { battleStatus: 1 } },
  streamEnd: { event: 'streamEnd', data: { action: 3 } },
  config: { event: 'config' },
  social: { event: 'social' },
};

/** The example body as editor text. */
export function exampleText(kind: EventName): string {
  return JSON.stringify(EXAMPLES[kind], null, 2);
}
