import type { UserSpec } from './api-types.ts';

/** Every CustomEvent the panel's elements dispatch, with its detail type. */
export interface PanelEventMap {
  /** An event was accepted by POST /api/events (or a fault/burst was sent). */
  'tiksim-fired': { event: string; scheduled: number; note?: string };
  /** The person picked who sends the next events. */
  'sender-change': { user: UserSpec; label: string };
  /** A steer/replay/fault control changed the simulator; status should refresh now. */
  'tiksim-changed': { what: string };
  /** The person clicked one of an API error's suggested choices. */
  'choice-pick': { field?: string; choice: string };
}

declare global {
  interface HTMLElementEventMap {
    'tiksim-fired': CustomEvent<PanelEventMap['tiksim-fired']>;
    'sender-change': CustomEvent<PanelEventMap['sender-change']>;
    'tiksim-changed': CustomEvent<PanelEventMap['tiksim-changed']>;
    'choice-pick': CustomEvent<PanelEventMap['choice-pick']>;
  }
}

/** Dispatches a typed panel event that bubbles out of shadow roots. */
export function emit<K extends keyof PanelEventMap>(from: HTMLElement, name: K, detail: PanelEventMap[K]): void {
  from.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}
