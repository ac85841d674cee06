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

/** Kinds the simulator generates on its own; `config` is sent on connect, `social` only when enabled. */
export const GENERATED_KINDS = EVENT_NAMES.filter((n) => n !== 'config') as Exclude<EventName, 'config'>[];
