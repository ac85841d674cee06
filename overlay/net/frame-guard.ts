import { eventSchemas, type KnownFrame } from '../../protocol/index.ts';

type Obj = Record<string, unknown>;

const str = (o: Obj, k: string): boolean => typeof o[k] === 'string';
const num = (o: Obj, k: string): boolean => typeof o[k] === 'number';
const bool = (o: Obj, k: string): boolean => typeof o[k] === 'boolean';
const optNum = (o: Obj, k: string): boolean => o[k] === undefined || typeof o[k] === 'number';

/** The user-block fields the overlay reads (names, avatar, rule audiences). */
function user(o: Obj): string | null {
  if (!str(o, 'userId')) return 'userId';
  if (!str(o, 'uniqueId')) return 'uniqueId';
  if (!str(o, 'nickname')) return 'nickname';
  if (!str(o, 'profilePictureUrl')) return 'profilePictureUrl';
  if (!optNum(o, 'followRole')) return 'followRole';
  if (!bool(o, 'isSubscriber')) return 'isSubscriber';
  if (!bool(o, 'isModerator')) return 'isModerator';
  return null;
}

const GIFT: [string, (o: Obj, k: string) => boolean][] = [
  ['msgId', str], ['groupId', str], ['giftId', num], ['giftType', num], ['repeatCount', num], ['repeatEnd', bool],
  ['diamondCount', num], ['giftName', str], ['giftPictureUrl', str],
];

/**
 * A cheap check of the fields the overlay reads, per event kind, instead of validating every frame against its full
 * zod schema (which cost more than everything else the overlay does with a frame during a gift storm). Returns
 * the first bad field, or null. Kinds the overlay never reads pass; `config` (rare, nested) gets the full schema.
 */
export function checkFrame(f: KnownFrame): string | null {
  const d = f.data as unknown as Obj;
  switch (f.event) {
    case 'chat':
      return user(d) ?? (str(d, 'msgId') ? null : 'msgId') ?? (str(d, 'comment') ? null : 'comment');
    case 'gift': {
      const u = user(d);
      if (u) return u;
      for (const [k, ok] of GIFT) if (!ok(d, k)) return k;
      return null;
    }
    case 'like':
      return user(d) ?? (num(d, 'likeCount') ? null : 'likeCount') ?? (num(d, 'totalLikeCount') ? null : 'totalLikeCount');
    case 'member':
      return user(d) ?? (num(d, 'actionId') ? null : 'actionId');
    case 'follow':
    case 'share':
    case 'subscribe':
      return user(d);
    case 'roomUser': {
      if (!num(d, 'viewerCount')) return 'viewerCount';
      const top = d.topViewers;
      if (!Array.isArray(top)) return 'topViewers';
      for (let i = 0; i < top.length && i < 3; i++) {
        const t = top[i] as Obj | null;
        const u = t && typeof t === 'object' ? (t.user as Obj | null) : null;
        if (!u || typeof u !== 'object' || !str(u, 'nickname') || !str(u, 'uniqueId') || !str(u, 'profilePictureUrl') || !num(t!, 'coinCount')) {
          return `topViewers.${i}`;
        }
      }
      return null;
    }
    case 'config': {
      const r = eventSchemas.config.safeParse(d);
      if (r.success) return null;
      const issue = r.error.issues[0];
      return issue && issue.path.length ? issue.path.join('.') : 'data';
    }
    default:
      return null;
  }
}
