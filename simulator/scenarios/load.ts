import { readFileSync } from 'node:fs';
import { fail, ok, type ApiError, type Result } from '../errors.ts';
import { zodFail } from '../zod-errors.ts';
import { checkFireBody } from '../fire-check.ts';

export { issuePath, zodFail } from '../zod-errors.ts';
import { scenarioSchema, type Scenario } from './schema.ts';

/** Names of the built-in presets (simulator/scenarios/presets/<name>.json). */
const PRESET_NAMES = ['quiet', 'busy', 'gift-storm', 'hype'] as const;

/** Validates a scenario object (PUT /api/scenario body, file content). */
export function parseScenario(input: unknown, root = 'scenario'): Result<Scenario, ApiError> {
  const r = scenarioSchema.safeParse(input);
  if (!r.success) return zodFail(r.error, root, 'E_BAD_SCENARIO', input);
  // A spike is a POST /api/events body fired later: check it as one now, or a typo ("Lon") would never fire.
  for (const [i, phase] of r.data.phases.entries()) {
    for (const [j, spike] of (phase.spikes ?? []).entries()) {
      // Every kind is accepted here; an engine without allKinds refuses the TLC-style ones when the spike is due.
      const c = checkFireBody({ event: spike.event, count: spike.count, ...(spike.data ? { data: spike.data } : {}) }, true);
      if (!c.ok) {
        const where = `${root}.phases[${i}].spikes[${j}]`;
        return { ok: false, error: { ...c.error, field: c.error.field ? `${where}.${c.error.field}` : where, message: `${where}: ${c.error.message}` } };
      }
    }
  }
  return ok(r.data);
}

const presets = new Map<string, Scenario>();
for (const name of PRESET_NAMES) {
  const text = readFileSync(new URL(`./presets/${name}.json`, import.meta.url), 'utf8');
  const r = parseScenario(JSON.parse(text), name);
  if (!r.ok) throw new Error(`built-in scenario ${name}.json is invalid: ${r.error.message}`);
  presets.set(name, r.value);
}

/** The built-in presets, for GET /api/scenarios and the CLI. */
export const SCENARIO_PRESETS: readonly { name: string; description: string }[] = PRESET_NAMES.map((n) => ({
  name: n,
  description: presets.get(n)?.description ?? '',
}));

/** A preset by name, or an E_UNKNOWN_SCENARIO error listing the presets. */
export function presetScenario(name: string): Result<Scenario, ApiError> {
  const s = presets.get(name);
  if (s) return ok(s);
  return fail('E_UNKNOWN_SCENARIO', `unknown scenario "${name}"; presets: ${PRESET_NAMES.join(', ')}`, { field: 'name', choices: [...PRESET_NAMES] });
}

/** Reads and validates a scenario JSON file; errors name the file and the bad field's path. */
export function loadScenarioFile(path: string): Result<Scenario, ApiError> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return fail('E_FILE', `cannot read scenario file ${path}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return fail('E_BAD_JSON', `scenario file ${path} is not valid JSON: ${(e as Error).message}`);
  }
  const r = parseScenario(json);
  if (!r.ok) return fail('E_BAD_SCENARIO', `scenario file ${path}: ${r.error.message}`, { field: r.error.field });
  return r;
}

/** Resolves `setScenario`'s argument: a preset name, `{name}` of a preset, or a full scenario object. */
export function resolveScenario(input: unknown): Result<Scenario, ApiError> {
  if (typeof input === 'string') return presetScenario(input);
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    const o = input as Record<string, unknown>;
    if (!('phases' in o)) {
      if (typeof o.name === 'string') return presetScenario(o.name);
      return fail('E_BAD_SCENARIO', `scenario: give {"name":"<preset>"} or a scenario with "phases"; presets: ${PRESET_NAMES.join(', ')}`, {
        field: 'name',
        choices: [...PRESET_NAMES],
      });
    }
    return parseScenario(input);
  }
  return fail('E_BAD_SCENARIO', `scenario must be a preset name or an object with "phases"; presets: ${PRESET_NAMES.join(', ')}`, {
    choices: [...PRESET_NAMES],
  });
}
