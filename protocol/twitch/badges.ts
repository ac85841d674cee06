/**
 * The `badges` and `badge-info` tags: `subscriber/12,bits/1000` — name/version pairs, comma-separated. In
 * `badge-info` the version is the detail (`subscriber/14` = 14 months) and may itself hold an escaped `/`-free text
 * (`predictions/Blue\s1`, unescaped to a space by the tag layer before it gets here).
 */

/** One badge: `broadcaster/1` → {name:'broadcaster', version:'1'}. */
export interface Badge {
  name: string;
  version: string;
}

/** Parses a `badges` or `badge-info` value (already unescaped). Never throws; an entry without `/` gets version ''. */
export function parseBadges(value: string): Badge[] {
  if (value === '') return [];
  return value
    .split(',')
    .filter((p) => p !== '')
    .map((p) => {
      const slash = p.indexOf('/');
      return slash === -1 ? { name: p, version: '' } : { name: p.slice(0, slash), version: p.slice(slash + 1) };
    });
}

/** Writes badges back: `subscriber/12,bits/1000`. */
export function serializeBadges(badges: readonly Badge[]): string {
  return badges.map((b) => `${b.name}/${b.version}`).join(',');
}
