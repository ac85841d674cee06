/**
 * The fake Twitch channel's chatters: a seeded population where index = activity rank (Zipf, as the TikTok
 * population: a few chat most), each viewer derived from (seed, index) alone so a seed repeats them.
 */
import { Rng, hash32 } from '../rng.ts';
import { textPools } from '../text-pools.ts';

/** One chatter's stable identity and badges. */
export interface TwitchViewer {
  readonly index: number;
  /** Login: lower-case [a-z0-9_], 4..25 characters, as Twitch allows. */
  readonly login: string;
  /** Display name: the login with Twitch's usual capitalisation, or (a few) a localized name. */
  readonly displayName: string;
  readonly userId: string;
  /** `#RRGGBB`, or '' for a user who never picked one (Twitch sends `color=`). */
  readonly color: string;
  readonly mod: boolean;
  readonly vip: boolean;
  readonly turbo: boolean;
  /** Months subscribed; 0 = not a subscriber. */
  readonly subMonths: number;
  /** Bits badge tier (1, 100, 1000, ...); 0 = none. */
  readonly bitsBadge: number;
}

// Twitch's default name colours (the palette a user without a choice is shown in; chosen ones are any hex).
const PALETTE = ['#FF0000', '#0000FF', '#008000', '#B22222', '#FF7F50', '#9ACD32', '#FF4500', '#2E8B57', '#DAA520', '#D2691E', '#5F9EA0', '#1E90FF', '#FF69B4', '#8A2BE2', '#00FF7F'];
const BITS_TIERS = [1, 100, 1000, 5000, 10000, 25000];
const SUB_BADGE_STEPS = [0, 3, 6, 9, 12, 24, 36, 48, 60];

/** The chatters of the fake channel. */
export class TwitchPopulation {
  private readonly logN: number;
  private readonly cache = new Map<number, TwitchViewer>();
  private readonly handles: readonly string[];

  constructor(
    private readonly seed: number,
    readonly size: number,
  ) {
    this.logN = Math.log(size + 1);
    this.handles = textPools(seed).handles;
  }

  /** A viewer index drawn with the Zipf-like activity law (index k with probability ~ 1/(k+1)). */
  sample(rng: Rng): number {
    const k = Math.floor(Math.exp(rng.float() * this.logN)) - 1;
    return k < this.size ? k : this.size - 1;
  }

  /** A viewer index drawn uniformly (gift recipients, raiders come from anywhere). */
  sampleUniform(rng: Rng): number {
    return Math.floor(rng.float() * this.size);
  }

  /** The viewer with this index (derived once, then kept: a Twitch population is thousands, not millions). */
  get(index: number): TwitchViewer {
    const hit = this.cache.get(index);
    if (hit) return hit;
    const v = this.derive(index);
    if (this.cache.size < 50_000) this.cache.set(index, v);
    return v;
  }

  /** The viewer with this login, if it is one of ours (for fired events naming a user). */
  findLogin(login: string): TwitchViewer | undefined {
    const m = /(\d+)$/.exec(login);
    if (!m) return undefined;
    const v = Number(m[1]) < this.size ? this.get(Number(m[1])) : undefined;
    return v && v.login === login ? v : undefined;
  }

  private derive(index: number): TwitchViewer {
    const rng = new Rng(this.seed, hash32(0x7717c4, index));
    const active = index < 50;
    const handle = this.handles[hash32(this.seed, index, 0x10) % this.handles.length]!.replace(/[^a-z0-9]/g, '').slice(0, 18) || 'viewer';
    // The index as suffix keeps logins unique and lets a login be looked up without a table.
    const login = `${handle}${rng.pick(['', '_', ''])}${index}`.slice(0, 25).padEnd(4, '0');
    const caps = rng.float();
    const displayName = caps < 0.5 ? login : caps < 0.85 ? login[0]!.toUpperCase() + login.slice(1) : login.toUpperCase();
    const sub = rng.chance(active ? 0.4 : 0.08);
    return {
      index,
      login,
      displayName,
      userId: String(100_000_000 + (hash32(this.seed, index, 0x1d) % 900_000_000)),
      color: rng.chance(0.15) ? '' : rng.chance(0.5) ? rng.pick(PALETTE) : `#${(rng.u32() & 0xffffff).toString(16).toUpperCase().padStart(6, '0')}`,
      mod: index > 0 && rng.chance(active ? 0.1 : 0.005),
      vip: rng.chance(active ? 0.05 : 0.002),
      turbo: rng.chance(0.02),
      subMonths: sub ? rng.int(1, active ? 60 : 24) : 0,
      bitsBadge: rng.chance(active ? 0.3 : 0.05) ? rng.pick(BITS_TIERS) : 0,
    };
  }
}

/** The `badges` value of a viewer in a channel (Twitch orders: broadcaster/moderator, vip, subscriber, bits, turbo). */
export function badgesOf(v: TwitchViewer): string {
  const out: string[] = [];
  if (v.mod) out.push('moderator/1');
  if (v.vip) out.push('vip/1');
  if (v.subMonths > 0) out.push(`subscriber/${subBadgeVersion(v.subMonths)}`);
  if (v.bitsBadge > 0) out.push(`bits/${v.bitsBadge}`);
  if (v.turbo) out.push('turbo/1');
  return out.join(',');
}

/** The `badge-info` value: the exact months behind the subscriber badge. */
export function badgeInfoOf(v: TwitchViewer): string {
  return v.subMonths > 0 ? `subscriber/${v.subMonths}` : '';
}

/** The badge version Twitch shows for a tenure: the highest step reached (0 = first month, then 3, 6, 9, 12, 24...). */
function subBadgeVersion(months: number): number {
  let step = 0;
  for (const s of SUB_BADGE_STEPS) if (months >= s) step = s;
  return step;
}
