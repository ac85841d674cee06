/**
 * POST /api/twitch/events: a body per kind, checked (zod, strict: an unknown field is an error), turned into the kind's
 * function with its parameters. `{kind:"chat", user:"ronni", text:"Kappa hi", channel:"dallas"}`.
 */
import { z } from 'zod';
import { SUB_PLANS } from '../../protocol/twitch/index.ts';
import * as ev from './events.ts';
import type { FireFn } from './generator.ts';

const login = z.string().regex(/^[A-Za-z0-9_]{1,25}$/, 'a Twitch login: 1-25 letters, digits or _').transform((s) => s.toLowerCase());
// Chat text as Twitch takes it: at most 500 characters, one line.
const text = z.string().min(1).max(500).regex(/^[^\r\n\0]*$/, 'one line: no CR, LF or NUL');
const plan = z.enum(SUB_PLANS);
const base = { channel: login.optional(), user: login.optional() };

/** Every kind's body. */
export const twitchFireBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('chat'), ...base, text: text.optional() }).strict(),
  z.object({ kind: z.literal('cheer'), ...base, bits: z.number().int().min(1).max(1_000_000).optional(), text: text.optional() }).strict(),
  z.object({ kind: z.literal('sub'), ...base, plan: plan.optional() }).strict(),
  z.object({ kind: z.literal('resub'), ...base, plan: plan.optional(), months: z.number().int().min(2).max(1000).optional(), streak: z.number().int().min(1).max(1000).optional(), text: text.optional() }).strict(),
  z.object({ kind: z.literal('subgift'), ...base, recipient: login.optional(), plan: plan.optional() }).strict(),
  z.object({ kind: z.literal('submysterygift'), ...base, count: z.number().int().min(1).max(100).optional(), plan: plan.optional() }).strict(),
  z.object({ kind: z.literal('raid'), ...base, viewers: z.number().int().min(1).max(1_000_000).optional() }).strict(),
  z.object({ kind: z.literal('announcement'), ...base, text: text.optional(), color: z.enum(['PRIMARY', 'BLUE', 'GREEN', 'ORANGE', 'PURPLE']).optional() }).strict(),
  z.object({ kind: z.literal('clearchat'), ...base, seconds: z.number().int().min(1).max(1_209_600).optional(), all: z.boolean().optional() }).strict(),
  z.object({ kind: z.literal('clearmsg'), ...base, targetMsgId: z.string().regex(/^[0-9a-f-]{1,64}$/).optional(), text: z.string().max(500).regex(/^[^\r\n\0]*$/).optional() }).strict(),
  z.object({
    kind: z.literal('roomstate'), channel: login.optional(), emoteOnly: z.boolean().optional(), followersOnly: z.number().int().min(-1).max(129_600).optional(),
    r9k: z.boolean().optional(), slow: z.number().int().min(0).max(1800).optional(), subsOnly: z.boolean().optional(),
  }).strict(),
]);

/** A checked body. */
export type TwitchFireBody = z.infer<typeof twitchFireBody>;

/** The kinds a body may name. */
export const TWITCH_FIRE_KINDS = twitchFireBody.options.map((o) => o.shape.kind.value);

/** The kind's function bound to the body's parameters (the `kind` and `channel` fields stripped). */
export function fireFnOf(b: TwitchFireBody): FireFn {
  const { kind, channel: _c, ...p } = b;
  switch (kind) {
    case 'chat': return (h) => ev.chat(h, p as ev.ChatParams);
    case 'cheer': return (h) => ev.cheer(h, p as ev.CheerParams);
    case 'sub': return (h) => ev.sub(h, p as ev.SubParams);
    case 'resub': return (h) => ev.resub(h, p as ev.ResubParams);
    case 'subgift': return (h) => ev.subgift(h, p as ev.SubgiftParams);
    case 'submysterygift': return (h) => ev.submysterygift(h, p as ev.MysteryParams);
    case 'raid': return (h) => ev.raid(h, p as ev.RaidParams);
    case 'announcement': return (h) => ev.announcement(h, p as ev.AnnouncementParams);
    case 'clearchat': return (h) => ev.clearchat(h, p as ev.ClearchatParams);
    case 'clearmsg': return (h) => ev.clearmsg(h, p as ev.ClearmsgParams);
    case 'roomstate': return (h) => ev.roomstate(h, p as ev.RoomstateParams);
  }
}
