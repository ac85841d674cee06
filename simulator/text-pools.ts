import { Faker, ar, base, de, en, es, id_ID, ja, ko, pt_BR, ru, vi, type LocaleDefinition } from '@faker-js/faker';
import { Rng, hash32 } from './rng.ts';
import { INTROS, ODD_NICKNAMES, PHRASES, QUESTIONS } from './text-phrases.ts';

/** Precomputed text drawn from with the rng at event time (faker per event is far too slow). */
export interface TextPools {
  /** Display names in several scripts, some long or odd, none over MAX_NICKNAME_LENGTH. */
  readonly nicknames: readonly string[];
  /** ASCII handles ([a-z0-9._]) to base uniqueIds on. */
  readonly handles: readonly string[];
  /** Chat comments, raw and as JSON string literals (same index). */
  readonly comments: readonly string[];
  readonly commentsJson: readonly string[];
  readonly questions: readonly string[];
  readonly intros: readonly string[];
}

const LOCALES: readonly [string, LocaleDefinition][] = [
  ['en', en], ['es', es], ['pt', pt_BR], ['de', de], ['ja', ja], ['ko', ko], ['ru', ru], ['ar', ar], ['vi', vi], ['id', id_ID],
];
/** Share of comments per language (English dominates, as on most streams). */
const LANG_WEIGHTS = [0.45, 0.12, 0.1, 0.05, 0.05, 0.05, 0.05, 0.05, 0.04, 0.04];
const LANGUAGES = ['Spanish', 'Portuguese', 'German', 'Japanese', 'Korean', 'Russian', 'Arabic'];

function weightedIndex(rng: Rng, weights: readonly number[]): number {
  let x = rng.float() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; i++) if ((x -= weights[i]) < 0) return i;
  return weights.length - 1;
}

function fill(tpl: string, f: Faker, rng: Rng): string {
  return tpl.replace(/\{(\w+)\}/g, (_m, k: string) => {
    switch (k) {
      case 'emoji': return f.internet.emoji();
      case 'country': return f.location.country();
      case 'city': return f.location.city();
      case 'name': return f.person.firstName();
      case 'word': return f.word.noun();
      case 'language': return rng.pick(LANGUAGES);
      default: return k;
    }
  });
}

/** TikTok's longest nickname in 236 real users had 29 characters (docs/REAL-DATA.md): cut at a code point boundary. */
export const MAX_NICKNAME_LENGTH = 29;

function capNickname(n: string): string {
  if (n.length <= MAX_NICKNAME_LENGTH) return n;
  let out = '';
  for (const ch of n) {
    if (out.length + ch.length > MAX_NICKNAME_LENGTH) break;
    out += ch;
  }
  return out.trimEnd();
}

function handleOf(raw: string, rng: Rng): string {
  const h = raw.toLowerCase().replace(/[^a-z0-9._]/g, '').replace(/^\.+|\.+$/g, '').slice(0, 20);
  return h.length >= 3 ? h : `user${rng.int(1000, 99_999_999)}`;
}

const cache = new Map<number, TextPools>();

/** Builds (or reuses) the text pools for a seed; a few thousand entries each, ~tens of ms. */
export function textPools(seed: number): TextPools {
  const hit = cache.get(seed);
  if (hit) return hit;
  const rng = new Rng(seed, 0x7e47);
  const fakers = LOCALES.map(([, loc], i) => {
    const f = new Faker({ locale: [loc, en, base] });
    f.seed(hash32(seed, i, 0xfa));
    return f;
  });
  const nicknames: string[] = [];
  const handles: string[] = [];
  for (let i = 0; i < 3000; i++) {
    const li = weightedIndex(rng, LANG_WEIGHTS);
    const f = fakers[li];
    const r = rng.float();
    const first = f.person.firstName();
    if (r < 0.5) nicknames.push(f.person.fullName());
    else if (r < 0.7) nicknames.push(first);
    else if (r < 0.8) nicknames.push(`${first} ${f.internet.emoji()}`);
    else if (r < 0.87) nicknames.push(rng.pick(ODD_NICKNAMES));
    else if (r < 0.92) nicknames.push(`${f.person.fullName()} | ${f.word.words(4)} ${f.internet.emoji()}`);
    else nicknames.push(fakers[0].internet.username());
    nicknames[i] = capNickname(nicknames[i]);
    handles.push(handleOf(rng.chance(0.5) ? fakers[0].internet.username() : fakers[li].internet.username(), rng));
  }
  const comments: string[] = [];
  const langKeys = LOCALES.map(([k]) => k);
  for (let i = 0; i < 4000; i++) {
    const li = weightedIndex(rng, LANG_WEIGHTS);
    const f = fakers[li];
    const r = rng.float();
    let c: string;
    if (r < 0.7) c = fill(rng.pick(PHRASES[langKeys[li]]), f, rng);
    else if (r < 0.8) c = fill(rng.pick(QUESTIONS), fakers[0], rng);
    else if (r < 0.9) c = li >= 4 && li <= 8 ? f.lorem.sentence({ min: 2, max: 8 }) : `${fill(rng.pick(PHRASES[langKeys[li]]), f, rng)} ${f.internet.emoji()}`;
    else if (r < 0.96) c = Array.from({ length: rng.int(1, 5) }, () => f.internet.emoji()).join('');
    else c = `${fill(rng.pick(PHRASES[langKeys[li]]), f, rng)} ${fill(rng.pick(PHRASES.en), fakers[0], rng)} ${fill(rng.pick(QUESTIONS), fakers[0], rng)}`;
    comments.push(c.slice(0, 150));
  }
  const questions = Array.from({ length: 300 }, () => fill(rng.pick(QUESTIONS), fakers[0], rng));
  const pools: TextPools = {
    nicknames,
    handles,
    comments,
    commentsJson: comments.map((c) => JSON.stringify(c)),
    questions,
    intros: INTROS,
  };
  if (cache.size >= 4) cache.delete(cache.keys().next().value as number);
  cache.set(seed, pools);
  return pools;
}
