/** Every event name TikFinity sends, defined once. Registries are typed `satisfies Record<EventName, ...>`. */
export const EVENT_NAMES = [
  'chat',
  'gift',
  'like',
  'member',
  'roomUser',
  'follow',
  'share',
  'subscribe',
  'emote',
  'envelope',
  'questionNew',
  'liveIntro',
  'linkMicBattle',
  'linkMicArmies',
  'streamEnd',
  'config',
  'social',
] as const;

export type EventName = (typeof EVENT_NAMES)[number];

const NAME_SET: ReadonlySet<string> = new Set(EVENT_NAMES);

/** True when `name` is one of TikFinity's event names. */
export function isEventName(name: string): name is EventName {
  return NAME_SET.has(name);
}
