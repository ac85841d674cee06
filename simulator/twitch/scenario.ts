/**
 * Twitch scenarios, as TikTok's (simulator/scenarios/): phases of the stream, each with its own rates for the Twitch
 * kinds, and bursts (`count` events of one kind, `everyMs` apart, from `atS` into the phase) for the moments a rate
 * cannot make: a raid landing, a sub train, a cheer storm. Checked by zod; a burst's `params` are checked as a
 * POST /api/twitch/events body of its kind, so a typo is refused when the scenario is set, not when it would fire.
 */
import { fail, ok, type ApiError, type Result } from '../errors.ts';
import { zodFail } from '../zod-errors.ts';
import { fireFnOf, twitchFireBody } from './fire.ts';
import type { CompiledTwitchScenario, FireFn } from './generator.ts';
import { twitchScenarioSchema } from './scenario-schema.ts';
import { TWITCH_SCENARIO_PRESETS_RAW } from './scenario-presets.ts';

export { twitchBurstSchema, twitchPhaseSchema, twitchScenarioSchema, type TwitchPhase, type TwitchScenario } from './scenario-schema.ts';
export type { CompiledTwitchScenario } from './generator.ts';

/** Checks a scenario object (PUT /api/twitch/scenario with phases, a file) and binds its bursts. */
export function parseTwitchScenario(input: unknown, root = 'scenario'): Result<CompiledTwitchScenario, ApiError> {
  const r = twitchScenarioSchema.safeParse(input);
  if (!r.success) return zodFail(r.error, root, 'E_BAD_SCENARIO', input);
  const burstFns: FireFn[][] = [];
  for (const [i, phase] of r.data.phases.entries()) {
    const fns: FireFn[] = [];
    for (const [j, b] of (phase.bursts ?? []).entries()) {
      const where = `${root}.phases[${i}].bursts[${j}].params`;
      if (b.params && 'channel' in b.params) return fail('E_BAD_SCENARIO', `${where}: a burst goes to every joined channel; drop "channel"`, { field: `${where}.channel` });
      if (b.params && 'kind' in b.params) return fail('E_BAD_SCENARIO', `${where}: the burst's "kind" is set beside "params", not inside them`, { field: `${where}.kind` });
      const input = { ...b.params, kind: b.kind };
      const body = twitchFireBody.safeParse(input);
      if (!body.success) return zodFail(body.error, where, 'E_BAD_SCENARIO', input);
      fns.push(fireFnOf(body.data));
    }
    burstFns.push(fns);
  }
  return ok({ scenario: r.data, burstFns });
}

const presets = new Map<string, CompiledTwitchScenario>();
for (const raw of TWITCH_SCENARIO_PRESETS_RAW) {
  const r = parseTwitchScenario(raw, raw.name);
  if (!r.ok) throw new Error(`built-in Twitch scenario ${raw.name} is invalid: ${r.error.message}`);
  presets.set(raw.name, r.value);
}
const PRESET_NAMES = [...presets.keys()];

/** The built-in Twitch presets, for GET /api/twitch/scenarios and `serve --help`. */
export const TWITCH_SCENARIO_PRESETS: readonly { name: string; description: string; phases: string[]; loop: boolean }[] = [...presets.values()].map(
  ({ scenario: s }) => ({ name: s.name, description: s.description ?? '', phases: s.phases.map((p) => p.name), loop: s.loop === true }),
);

/** A preset by name, or E_UNKNOWN_SCENARIO naming the presets. */
export function twitchPreset(name: string): Result<CompiledTwitchScenario, ApiError> {
  const s = presets.get(name);
  if (s) return ok(s);
  return fail('E_UNKNOWN_SCENARIO', `unknown Twitch scenario "${name}"; presets: ${PRESET_NAMES.join(', ')}`, { field: 'name', choices: PRESET_NAMES });
}

/** PUT /api/twitch/scenario's body: `{name}` of a preset, a scenario with phases, or null / `{name:null}` to stop. */
export function resolveTwitchScenario(input: unknown): Result<CompiledTwitchScenario | null, ApiError> {
  if (input === null) return ok(null);
  if (typeof input === 'string') return twitchPreset(input);
  if (typeof input === 'object' && !Array.isArray(input)) {
    const o = input as Record<string, unknown>;
    if ('phases' in o) return parseTwitchScenario(input);
    if (o.name === null && Object.keys(o).length === 1) return ok(null);
    if (typeof o.name === 'string' && Object.keys(o).length === 1) return twitchPreset(o.name);
  }
  return fail('E_BAD_SCENARIO', `Twitch scenario: give {"name":"<preset>"}, a scenario with "phases", or null to stop; presets: ${PRESET_NAMES.join(', ')}`, {
    field: 'name',
    choices: PRESET_NAMES,
  });
}
