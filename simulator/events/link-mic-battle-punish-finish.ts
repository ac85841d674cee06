import { linkMicArmiesKind } from './link-mic-armies.ts';
import { linkMicBattleKind } from './link-mic-battle.ts';
import type { KindHost } from './kind-spec.ts';
import { battleIdOf, channelIdOf, tlcCommon, tlcFrame, tlcKind, type TlcRateSpec } from './tlc-kind.ts';

/** A battle's length and its forfeit phase after it, as TikTok runs them (5 min, then about 30 s). */
const BATTLE_MS = 300_000;
const PUNISH_MS = 30_000;
/** When each room's battle (with its forfeit phase) ends: a room battles one opponent at a time. */
const BUSY_UNTIL = new WeakMap<KindHost, number>();

const punishFinish = tlcKind('linkMicBattlePunishFinish', 0.0005, (host, t, _rng, _v) => {
  return { common: tlcCommon(host, 'linkMicBattlePunishFinish', t), channelId: channelIdOf(host), opUid: host.hosts.get(0).userId, reason: 1, battleId: battleIdOf(host, t - BATTLE_MS - PUNISH_MS) };
});

/** A battle task update (the bonus mission's progress, TLC-style), part of a generated battle. */
function taskFrame(host: KindHost, t: number, start: number, progress: number): string {
  return tlcFrame('linkMicBattleTask', { common: tlcCommon(host, 'linkMicBattleTask', t), taskMessageType: 2, battleId: battleIdOf(host, start), taskUpdate: { progress: String(progress), fromUserId: host.pop.get(host.pop.sample(host.rng)).userId, promptKey: 'pm_mt_battle_task_progress' } });
}

/**
 * linkMicBattlePunishFinish: a battle's forfeit phase is over. Generated (allKinds) as the end of a whole battle
 * played out from its start: the linkMicBattle start frame, linkMicArmies score updates every 2 to 4 s for five
 * minutes (points climbing as gifts land), a few linkMicBattleTask updates, then this frame after the forfeit phase.
 * One battle at a time: an arrival during a battle starts none. Fired, it is the one frame.
 */
export const linkMicBattlePunishFinishKind: TlcRateSpec = {
  ...punishFinish,
  generate(host, tf, emit) {
    const start = Math.floor(tf);
    if ((BUSY_UNTIL.get(host) ?? -Infinity) > start) return;
    BUSY_UNTIL.set(host, start + BATTLE_MS + PUNISH_MS);
    host.send(emit, 'linkMicBattle', linkMicBattleKind.build(host, 0, {}, host.rng)(start), tf);
    for (let at = start + host.rng.int(2_000, 4_000); at < start + BATTLE_MS; at += host.rng.int(2_000, 4_000)) {
      host.later(at, 'linkMicArmies', (t) => linkMicArmiesKind.build(host, 0, {}, host.rng)(t));
    }
    for (let i = 1; i <= 3; i++) host.later(start + i * 60_000, 'linkMicBattleTask', (t) => taskFrame(host, t, start, i * 30));
    const end = start + BATTLE_MS + PUNISH_MS;
    host.later(end, 'linkMicBattlePunishFinish', (t) => punishFinish.build!(host, 0, {}, host.rng)(t));
  },
};
