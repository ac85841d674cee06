/** The Twitch scenario file's shape (zod): phases of rates and bursts. Checked and bound to kind functions by scenario.ts. */
import { z } from 'zod';
import { TWITCH_RATE_KINDS, type TwitchRateKind } from './rates.ts';

const rate = z.number().min(0).max(100_000);
const perKind = Object.fromEntries(TWITCH_RATE_KINDS.map((k) => [k, rate.optional()])) as { [K in TwitchRateKind]: z.ZodOptional<typeof rate> };
const kind = z.enum(TWITCH_RATE_KINDS as [TwitchRateKind, ...TwitchRateKind[]]);

/** `count` events of `kind`, the first `atS` seconds into the phase, then one every `everyMs`. */
export const twitchBurstSchema = z.strictObject({
  atS: z.number().min(0),
  kind,
  count: z.number().int().min(1).max(1000).default(1),
  everyMs: z.number().min(0).max(60_000).default(0),
  params: z.record(z.string(), z.unknown()).optional(),
});

/** A stretch of the Twitch stream; kinds its `rates` leave out keep the rates set by --twitch-rates / the API. */
export const twitchPhaseSchema = z.strictObject({
  name: z.string().min(1),
  durationS: z.number().positive().max(86_400),
  rates: z.strictObject(perKind).default({}),
  bursts: z.array(twitchBurstSchema).optional(),
});

/** A Twitch scenario: `{name, phases:[...]}`; `loop` starts it over after the last phase, else the last one stays. */
export const twitchScenarioSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  loop: z.boolean().optional(),
  phases: z.array(twitchPhaseSchema).min(1).max(1000),
});

/** A Twitch scenario as written. */
export type TwitchScenario = z.infer<typeof twitchScenarioSchema>;
/** One phase of it. */
export type TwitchPhase = z.infer<typeof twitchPhaseSchema>;
