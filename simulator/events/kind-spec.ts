/**
 * What the simulator knows of one event kind, in one place: how its frame is built, how its data is drawn for
 * generation, how a fired body is completed and checked, its default rate, whether it is periodic. The registry in
 * index.ts holds one spec per EventName, so a new kind fails the build until it has one.
 */
import type { CatalogGift } from '../../protocol/index.ts';
import type { ApiError, Result } from '../errors.ts';
import type { FrameCtx } from '../generator-context.ts';
import type { RoomState } from '../generator-room.ts';
import type { Emit } from '../out-frame.ts';
import type { Population, Viewer } from '../population.ts';
import type { Quirks } from '../quirks.ts';
import type { Rng } from '../rng.ts';
import type { TextPools } from '../text-pools.ts';
import type { GiftParts } from './gift-parts.ts';

/** What a kind's generator and fire completion may use of the generation core (simulator/generator-core.ts). */
export interface KindHost {
  /** The generated stream's own draws (fired events bring their own rng). */
  readonly rng: Rng;
  readonly pop: Population;
  /** The streamer and the battle opponents. */
  readonly hosts: Population;
  readonly pools: TextPools;
  readonly ctx: FrameCtx;
  readonly room: RoomState;
  readonly quirks: Quirks;
  readonly roomId: string;
  /** Battle points of the two armies, kept across linkMicArmies frames of one battle. */
  armyPoints: number[];
  msgId(t: number): string;
  /** Sends a frame through the core's one path (chat backlog, duplicates quirk). */
  send(emit: Emit, event: string, text: string, t: number, tag?: number): void;
  /** Queues a frame built when due at `t` (a sequence a kind plays out: a battle's score updates and its end). */
  later(t: number, event: string, build: (t: number) => string): void;
  pickGift(rng: Rng): GiftParts;
  partsOf(g: CatalogGift): GiftParts;
  startGift(viewer: number, gift: GiftParts, tf: number, emit: Emit | null, total?: number, overrides?: Record<string, unknown> | null, tag?: number): void;
}

/** A checked fired body, as fire-check.ts passes it on. */
export interface FiredData {
  count: number;
  data: Record<string, unknown>;
  gift?: { gift: CatalogGift; repeat: number; frames: number };
}

/** One event kind. */
export interface KindSpec {
  /** Default average events/s: present exactly for the kinds generated as Poisson arrivals (`--rates`). */
  readonly rate?: number;
  /** Generated on a timer of its own (roomUser, about every 2 s), not by rate. */
  readonly periodic?: true;
  /** Not in fault bursts: sent on connect only (config). */
  readonly noBurst?: true;
  /** A kind TikFinity does not forward: its frame carries TLC-style data, and only an `allKinds` engine sends it. */
  readonly tlc?: true;
  /** Draws one generated arrival due at `tf` and sends its frame(s). Required for rate kinds. */
  generate?(host: KindHost, tf: number, emit: Emit): void;
  /**
   * The frame of one fired event, built when due (room counters stay monotonic). `data` holds the checked fields;
   * those listed in `consumes` are used here, the rest are applied over the built frame.
   */
  build?(host: KindHost, viewer: number, data: Record<string, unknown>, rng: Rng): (t: number) => string;
  /** Data fields `build` uses itself; `'all'` applies no overrides. */
  readonly consumes?: readonly string[] | 'all';
  /** Schedules a fired event itself instead of one built frame per count (gift streaks); returns frames scheduled. */
  schedule?(host: KindHost, fired: FiredData, viewer: () => number, nowMs: number, tag?: number): number;
  /** Data keys the simulator interprets beyond the schema's own fields (gift: giftName). */
  readonly extraKeys?: readonly string[];
  /** Further checks of fired data (like: at most 15 per event). */
  check?(data: Record<string, unknown>): Result<unknown, ApiError> | null;
}

/** The fields of `o` but `keys`, or null when none is left (what a fired event applies over its built frame). */
export function without(o: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> | null {
  const rest = Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
  return Object.keys(rest).length > 0 ? rest : null;
}

/** A viewer drawn by activity (Zipf): who chats, likes and gifts. */
export function activeViewer(host: KindHost): Viewer {
  return host.pop.get(host.pop.sample(host.rng));
}

/**
 * The spec of a kind where one viewer does one thing (subscribe, emote, envelope...): generated from an active
 * viewer, fired from the chosen one, `text` drawing its values from the rng it is given.
 */
export function viewerKind(event: string, rate: number, text: (host: KindHost, v: Viewer, t: number, rng: Rng) => string) {
  return {
    rate,
    generate(host: KindHost, tf: number, emit: Emit): void {
      const t = Math.floor(tf);
      host.send(emit, event, text(host, activeViewer(host), t, host.rng), tf);
    },
    build: (host: KindHost, viewer: number, _data: Record<string, unknown>, rng: Rng) => (t: number) => text(host, host.pop.get(viewer), t, rng),
    consumes: [] as readonly string[],
  } satisfies KindSpec;
}
