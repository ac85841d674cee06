import type { ConfigData, ConfigRule } from '../../protocol/index.ts';

/** An overlay event as the rules see it. `gift` is sent once per counted gift (streak settled). */
export type RuleEvent =
  | { type: 'follow'; user: RuleUser }
  | { type: 'share'; user: RuleUser }
  | { type: 'subscribe'; user: RuleUser }
  | { type: 'join'; user: RuleUser }
  | { type: 'chat'; user: RuleUser; comment: string }
  | { type: 'gift'; user: RuleUser; giftId: number; diamonds: number }
  | { type: 'like'; user: RuleUser; likeCount: number };

/** The user flags `availableFor` filters on. */
export interface RuleUser {
  userId: string;
  followRole: number;
  isSubscriber: boolean;
  isModerator: boolean;
}

/** One action a rule asked for. */
export interface RuleAction {
  type: string;
  name: string;
}

const KNOWN_TRIGGERS = new Set(['follow', 'share', 'subscribe', 'gift', 'likes', 'min_coins', 'join', 'chat', 'command']);
const AUDIENCES: Record<string, (u: RuleUser) => boolean> = {
  any: () => true,
  followers: (u) => u.followRole >= 1,
  friends: (u) => u.followRole >= 2,
  subscribers: (u) => u.isSubscriber,
  moderators: (u) => u.isModerator,
};

/**
 * TikFinity's "Actions & Events" rules: `setConfig` with a config frame's data, then `match` each event to get the
 * actions to run. Unknown trigger types and audiences are reported through `log` once and otherwise ignored.
 */
export class RuleEngine {
  private rules: ConfigRule[] = [];
  private likeAcc: number[] = [];

  constructor(private readonly log: (msg: string) => void = () => {}) {}

  /** True once a config frame has been applied. */
  get configured(): boolean {
    return this.rules.length > 0;
  }

  /** Replaces the rules with those of a config frame; the like counters start over. */
  setConfig(cfg: ConfigData): void {
    this.rules = cfg.events.filter((r) => {
      if (!r.enabled) return false;
      if (!KNOWN_TRIGGERS.has(r.trigger.type)) {
        this.log(`config: ignoring rule with unknown trigger "${r.trigger.type}"`);
        return false;
      }
      const aud = r.trigger.availableFor;
      if (aud !== undefined && !(aud in AUDIENCES)) this.log(`config: unknown availableFor "${aud}", treated as any`);
      return true;
    });
    this.likeAcc = this.rules.map(() => 0);
  }

  /** The actions every matching rule asks for, in rule order. */
  match(ev: RuleEvent): RuleAction[] {
    const out: RuleAction[] = [];
    this.rules.forEach((r, i) => {
      if (!this.matches(r, i, ev)) return;
      for (const a of r.actions) out.push({ type: a.type, name: a.name });
    });
    return out;
  }

  private matches(r: ConfigRule, i: number, ev: RuleEvent): boolean {
    const t = r.trigger;
    const aud = AUDIENCES[t.availableFor ?? 'any'] ?? AUDIENCES.any!;
    if (!aud(ev.user)) return false;
    switch (t.type) {
      case 'follow':
      case 'share':
      case 'subscribe':
      case 'join':
        return ev.type === t.type;
      case 'chat':
        return ev.type === 'chat';
      case 'command': {
        const name = typeof t.name === 'string' ? t.name.trim().toLowerCase() : '';
        return ev.type === 'chat' && name !== '' && ev.comment.trim().toLowerCase().startsWith(name);
      }
      case 'gift':
        return ev.type === 'gift' && ev.giftId === t.id;
      case 'min_coins':
        return ev.type === 'gift' && ev.diamonds >= (t.minCoinsValue ?? 1);
      case 'likes': {
        if (ev.type !== 'like') return false;
        const min = Math.max(1, t.minLikesAmount ?? 1);
        const acc = (this.likeAcc[i] ?? 0) + Math.max(0, ev.likeCount);
        if (acc >= min) {
          this.likeAcc[i] = 0;
          return true;
        }
        this.likeAcc[i] = acc;
        return false;
      }
      default:
        return false;
    }
  }
}
