import { userSpecSchema, type UserSpec } from '../protocol/index.ts';
import { fail, ok, type ApiError, type Result } from './errors.ts';
import { kindSpec, type SimKind } from './events/index.ts';
import { without } from './events/kind-spec.ts';
import { applyOverrides, type Core } from './generator-core.ts';
import { PendingType } from './generator-heap.ts';
import type { ViewerOverrides } from './population.ts';
import { Rng } from './rng.ts';
import { zodFail } from './zod-errors.ts';
import { checkFireBody } from './fire-check.ts';

export { MAX_FIRE_COUNT, MAX_FIRE_FRAMES } from './fire-check.ts';



/** Picks the viewer a fired event comes from and pins the requested flags on them. */
function resolveUser(core: Core, spec: UserSpec | undefined, rng: Rng): Result<number | null, ApiError> {
  const pop = core.pop;
  let index: number | null = null;
  if (spec?.uniqueId !== undefined) {
    index = pop.findUniqueId(spec.uniqueId);
    if (index < 0) {
      const stem = spec.uniqueId.replace(/[\d._]+$/, '').slice(0, 6);
      const choices = stem.length >= 2 ? pop.search(stem, 5).map((i) => pop.get(i).uniqueId) : [];
      const hint = choices.length > 0 ? `; did you mean "${choices[0]}"?` : '; see GET /api/viewers?q=<part of the name>';
      return fail('E_UNKNOWN_USER', `unknown viewer "${spec.uniqueId}"${hint}`, { field: 'user.uniqueId', ...(choices.length ? { choices } : {}) });
    }
  } else if (spec?.new) index = pop.addNew();
  else if (spec?.face !== undefined && spec.face !== false) {
    const slot = typeof spec.face === 'number' ? spec.face : rng.int(0, pop.faceIndexes.length - 1);
    index = pop.faceIndexes[slot] ?? pop.faceIndexes[0] ?? 0;
  } else if (spec?.random) index = pop.sample(rng);
  const o: ViewerOverrides = {};
  for (const k of ['isModerator', 'isSubscriber', 'followRole', 'gifterLevel', 'nickname'] as const) {
    if (spec?.[k] !== undefined) (o as Record<string, unknown>)[k] = spec[k];
  }
  if (Object.keys(o).length > 0) {
    if (index === null) index = pop.sample(rng);
    pop.override(index, o);
  }
  return ok(index);
}

/**
 * POST /api/events: validates `{event, data?, user?, count?}` and schedules the frames at `nowMs` (streaks play out
 * over the following seconds). Never throws; bad input gives an ApiError naming the field and the valid choices.
 */
export function fireEvent(core: Core, body: unknown, nowMs: number, rng: Rng, tag?: number): Result<{ scheduled: number; event: string }, ApiError> {
  const c = checkFireBody(body, core.opts.allKinds === true);
  if (!c.ok) return c;
  const { event, count, data } = c.value;
  const b = body as Record<string, unknown>;
  const u = userSpecSchema.safeParse(b.user ?? {});
  if (!u.success) return zodFail(u.error, 'user', 'E_BAD_FIELD', b.user ?? {});
  const who = resolveUser(core, b.user === undefined ? undefined : u.data, rng);
  if (!who.ok) return who;
  const viewer = (): number => who.value ?? core.pop.sample(rng);

  const spec = kindSpec(event);
  if (spec.schedule) return ok({ scheduled: spec.schedule(core, c.value, viewer, nowMs, tag), event });
  for (let i = 0; i < count; i++) {
    const vi = viewer();
    const build = builder(core, event, vi, data, rng);
    core.heap.push(tag === undefined ? { t: nowMs, type: PendingType.Build, event, text: '', streak: null, build } : { t: nowMs, type: PendingType.Build, event, text: '', streak: null, build, tag });
  }
  return ok({ scheduled: count, event });
}

/** The frame builder of one fired event, from its kind's spec, run when due so room counters stay monotonic. */
function builder(core: Core, event: SimKind, vi: number, data: Record<string, unknown>, rng: Rng): (t: number) => string {
  const spec = kindSpec(event);
  if (!spec.build) throw new Error(`the ${event} spec has neither build nor schedule`);
  const build = spec.build(core, vi, data, rng);
  if (spec.consumes === 'all') return build;
  const rest = without(data, spec.consumes ?? []);
  return rest === null ? build : (t) => applyOverrides(build(t), rest);
}
