/**
 * Cheers: a PRIVMSG with a `bits=<n>` tag whose text holds cheermote tokens such as `Cheer100` — a cheermote prefix
 * and an amount, as one word, prefix case-insensitive. The tokens' amounts add up to the `bits` tag.
 */

/**
 * Twitch's global cheermote prefixes (GET /helix/bits/cheermotes, type global_first_party / global_third_party), as
 * written in chat. A channel can add its own; the fake uses these.
 */
export const CHEERMOTE_PREFIXES = [
  'Cheer', 'DoodleCheer', 'BibleThump', 'cheerwhal', 'Corgo', 'Scoops', 'uni', 'ShowLove', 'Party', 'SeemsGood',
  'Pride', 'Kappa', 'FrankerZ', 'HeyGuys', 'DansGame', 'EleGiggle', 'TriHard', 'Kreygasm', '4Head', 'SwiftRage',
  'NotLikeThis', 'FailFish', 'VoHiYo', 'PJSalt', 'MrDestructoid', 'bday', 'RIPCheer', 'Shamrock',
] as const;

/** One cheermote token in a message. */
export interface CheerToken {
  prefix: string;
  bits: number;
  /** Offset of the token in code points. */
  start: number;
}

const PREFIX_BY_LOWER = new Map(CHEERMOTE_PREFIXES.map((p) => [p.toLowerCase(), p]));

/**
 * Finds cheermote tokens (`Cheer100`, `kappa5`) in a message's words.
 * @example findCheers('Cheer100 nice Kappa50') // [{prefix:'Cheer',bits:100,start:0},{prefix:'Kappa',bits:50,start:14}]
 */
export function findCheers(text: string, prefixes: ReadonlyMap<string, string> = PREFIX_BY_LOWER): CheerToken[] {
  const out: CheerToken[] = [];
  let offset = 0;
  for (const word of text.split(' ')) {
    const m = /^([A-Za-z0-9]*?[A-Za-z])(\d+)$/.exec(word);
    const prefix = m ? prefixes.get(m[1]!.toLowerCase()) : undefined;
    if (m && prefix !== undefined && Number(m[2]) > 0) out.push({ prefix, bits: Number(m[2]), start: offset });
    offset += Array.from(word).length + 1;
  }
  return out;
}
