import type { EventDataMap, GiftData } from '../protocol/index.ts';
import type { StreakUpdate } from './logic/streaks.ts';
import type { GoalView } from './logic/goal-state.ts';
import type { Message } from '../protocol/message.ts';

/** Every event on the bus: TikFinity's events plus the overlay's own derived ones. */
export type OverlayBusMap = EventDataMap & {
  /** A rule (config frame) asked for an overlay action by name, e.g. 'Toasty' or 'Gift Alert'. */
  action: { name: string; user?: { userId: string; nickname: string; avatar: string } };
  /** A gift at or above the Toasty threshold, or a Toasty action. */
  toasty: { userId: string; nickname: string; avatar: string; diamonds: number };
  /** A gift frame (or a streak timeout) after streak counting; `u.diamonds` is non-zero once per gift. */
  giftStreak: { u: StreakUpdate; gift: GiftData };
  /** A burst of joins merged into one toast. */
  joinBurst: { text: string; count: number };
  /** Connection state changed. */
  status: { connected: boolean; attempt: number };
  /** A LIVE goal's progress, read from a (TLC-style) goalUpdate frame. */
  goal: GoalView;
  /** A battle's punishment phase is over (linkMicBattlePunishFinish): the battle bar goes. */
  battleFinish: Record<string, never>;
  /** A Twitch message from the merged socket (`?aggregate=`): chat lines, and subs, cheers and raids as alerts. */
  twitch: Message;
  /** A frame whose event is not one of TikFinity's names (the TLC-style kinds of `--all-kinds` included). */
  unknown: { event: string; data: unknown };
};

type Handler<T> = (data: T, arrivedAt: number) => void;

/** The typed event bus between the connection and the scenes. Handlers are called synchronously by `emit`. */
export class Bus {
  private readonly handlers = new Map<keyof OverlayBusMap, Handler<never>[]>();

  /** Subscribes; returns the unsubscribe function. */
  on<K extends keyof OverlayBusMap>(event: K, fn: Handler<OverlayBusMap[K]>): () => void {
    const list = this.handlers.get(event) ?? [];
    list.push(fn as Handler<never>);
    this.handlers.set(event, list);
    return () => {
      const l = this.handlers.get(event);
      if (l) l.splice(l.indexOf(fn as Handler<never>) >>> 0, 1);
    };
  }

  /** Delivers to every handler; a throwing handler is logged and never stops the others. */
  emit<K extends keyof OverlayBusMap>(event: K, data: OverlayBusMap[K], arrivedAt = 0): void {
    const list = this.handlers.get(event);
    if (!list) return;
    for (const fn of list) {
      try {
        (fn as Handler<OverlayBusMap[K]>)(data, arrivedAt);
      } catch (e) {
        console.error(`overlay: ${String(event)} handler failed`, e);
      }
    }
  }
}
