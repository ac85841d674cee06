/**
 * docs/KINDS.md's table of every kind, built from the registry (rates), protocol's names (message types, what
 * TikFinity forwards) and TIKTOK_KIND_MEANINGS, so it cannot drift from the code (a test compares them).
 */
import { CONTROL_EVENT_NAMES, TIKFINITY_TO_TLC, TIKTOK_EVENT_NAMES, TIKTOK_KIND_MEANINGS, TLC_MESSAGE_TYPES, type TiktokEventName } from '../../protocol/index.ts';
import { kindSpec, type SimKind } from './index.ts';

/** The TikFinity name a TLC kind is forwarded under, or null. */
function tikfinityName(k: TiktokEventName): string | null {
  const hit = Object.entries(TIKFINITY_TO_TLC).find(([, tlc]) => tlc === k);
  return hit ? hit[0] : null;
}

/** How the simulator makes a kind: its default rate, a timer, or only when fired. */
function generation(k: TiktokEventName): string {
  if ((CONTROL_EVENT_NAMES as readonly string[]).includes(k)) return 'fired only (a control event)';
  const tf = tikfinityName(k);
  const spec = kindSpec((tf ?? k) as SimKind);
  if (spec.periodic) return 'every 1.6-2.5 s';
  if (k === 'social') return 'beside follow/share with the quirk social=on; fired';
  if (spec.rate === undefined) return 'fired only';
  if (k === 'linkMicBattle' || k === 'linkMicArmies') return '0 (set with --rates); with --all-kinds as part of a battle';
  const where = spec.tlc ? ' with --all-kinds' : '';
  return spec.rate === 0 ? `0 (set with --rates${where ? ' and --all-kinds' : ''})` : `${spec.rate}/s${where}`;
}

/** The markdown table, one row per TLC name, in TLC's order, then TikFinity's own `config`. */
export function kindsTable(): string {
  const rows = TIKTOK_EVENT_NAMES.map((k) => {
    const tf = tikfinityName(k);
    return `| \`${k}\` | ${TLC_MESSAGE_TYPES[k] ?? '–'} | ${tf ? `yes, as \`${tf}\`` : 'no'} | ${generation(k)} | ${TIKTOK_KIND_MEANINGS[k]} |`;
  });
  rows.push("| `config` (TikFinity only) | – | yes | on connect | TikFinity's own Actions & Events setup; no TikTok message, no TLC event (toTlcData refuses it) |");
  return ['| kind | TLC message type | TikFinity forwards | simulator default | meaning |', '|---|---|---|---|---|', ...rows].join('\n');
}
