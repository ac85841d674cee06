import catalog from './gift-catalog.json' with { type: 'json' };

/** One gift of TikTok's catalog (gift-catalog.json, from TikTok's own gift list). */
export interface CatalogGift {
  id: number;
  name: string;
  diamondCount: number;
  /** 1 = streakable (combo), anything else sends once. */
  type: number;
  combo: boolean;
  describe: string;
  /** TikTok's CDN URL: never fetched at run time; the simulator serves its own image per id. */
  imageUrl: string;
}

/** All gifts, in catalog order. */
export const GIFT_CATALOG: readonly CatalogGift[] = catalog.gifts as CatalogGift[];

const byId = new Map(GIFT_CATALOG.map((g) => [g.id, g]));
const byName = new Map(GIFT_CATALOG.map((g) => [g.name.toLowerCase(), g]));

/** Finds a gift by id or (case-insensitive) name. */
export function findGift(idOrName: number | string): CatalogGift | undefined {
  if (typeof idOrName === 'number') return byId.get(idOrName);
  const asNum = Number(idOrName);
  if (idOrName.trim() !== '' && Number.isInteger(asNum) && byId.has(asNum)) return byId.get(asNum);
  return byName.get(idOrName.trim().toLowerCase());
}

/** Levenshtein distance, for "did you mean" suggestions. */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/**
 * The gift names nearest to `name`, best first.
 * @example suggestGifts('Lon') // ['Lion', ...]
 */
export function suggestGifts(name: string, limit = 3): string[] {
  const q = name.trim().toLowerCase();
  // A number is an id: ids near in spelling are not near in meaning, so nothing is suggested for one.
  if (q === '' || /^\d+$/.test(q)) return [];
  // Only names within a few edits (or containing what was typed) are "near": "Lon" → Lion, not a list of anything.
  const near = Math.max(1, Math.min(3, Math.floor(q.length / 3)));
  return GIFT_CATALOG.map((g) => {
    const n = g.name.toLowerCase();
    const contains = q.length >= 2 && (n.startsWith(q) || n.includes(q));
    const d = contains ? Math.max(0, n.length - q.length) * 0.1 : distance(q, n);
    return { name: g.name, d, ok: contains || d <= near };
  })
    .filter((x) => x.ok)
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((x) => x.name);
}
