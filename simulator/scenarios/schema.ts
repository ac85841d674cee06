import { z } from 'zod';
import { EVENT_NAMES } from '../../protocol/index.ts';
import { MAX_RATE, RATE_KINDS, type RateKind } from '../rates.ts';

const rate = z.number().min(0).max(MAX_RATE);
const factor = z.number().min(0).max(10_000);

function perKind<T extends z.ZodType>(t: T): { [K in RateKind]: z.ZodOptional<T> } {
  return Object.fromEntries(RATE_KINDS.map((k) => [k, t.optional()])) as { [K in RateKind]: z.ZodOptional<T> };
}

/** One scheduled burst inside a phase: `count` events of `event` fired `atS` seconds into the phase. */
export const spikeSchema = z.strictObject({
  atS: z.number().min(0),
  event: z.enum(EVENT_NAMES),
  count: z.number().int().min(1).max(1000).default(1),
  data: z.record(z.string(), z.unknown()).optional(),
});

/** A stretch of the stream with its own rates; `rampTo` ramps them linearly over the phase. */
export const phaseSchema = z.strictObject({
  name: z.string().min(1),
  durationS: z.number().positive().max(86_400),
  rates: z.strictObject(perKind(rate)).default({}),
  rampTo: z.strictObject(perKind(rate)).optional(),
  spikes: z.array(spikeSchema).optional(),
});

/** When a gift worth at least `onGiftMinDiamonds` lands, multiply the `boost` kinds' rates for `forS` seconds. */
export const reactionSchema = z.strictObject({
  onGiftMinDiamonds: z.number().min(0),
  boost: z.strictObject(perKind(factor)),
  forS: z.number().positive().max(3600),
});

/** A scenario file. */
export const scenarioSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  loop: z.boolean().optional(),
  phases: z.array(phaseSchema).min(1),
  reactions: z.array(reactionSchema).optional(),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioPhase = z.infer<typeof phaseSchema>;
export type ScenarioReaction = z.infer<typeof reactionSchema>;
