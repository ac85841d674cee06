import { fail, ok, type ApiError, type Result } from './errors.ts';

export type { Quirks } from '../protocol/api.ts';
import type { Quirks } from '../protocol/api.ts';

/** Defaults: the common real behaviour, rare quirks off. */
export const DEFAULT_QUIRKS: Readonly<Quirks> = {
  dropStreakEnd: 0,
  duplicates: 0,
  memberOtherActions: 0.05,
  chatBacklog: true,
  social: false,
};

const PROB_KEYS = ['dropStreakEnd', 'duplicates', 'memberOtherActions'] as const;
const BOOL_KEYS = ['chatBacklog', 'social'] as const;
const ALL_KEYS: string[] = [...PROB_KEYS, ...BOOL_KEYS];

function parseBool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'on' || v === 'true' || v === '1' || v === 1) return true;
  if (v === 'off' || v === 'false' || v === '0' || v === 0) return false;
  return undefined;
}

/** Validates a partial quirks object (values may be strings as from the CLI). */
export function validateQuirks(input: unknown): Result<Partial<Quirks>, ApiError> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail('E_BAD_QUIRKS', `quirks must be an object; valid quirks: ${ALL_KEYS.join(', ')}`);
  }
  const out: Partial<Quirks> = {};
  for (const [k, v] of Object.entries(input)) {
    if ((PROB_KEYS as readonly string[]).includes(k)) {
      const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
      if (typeof n !== 'number' || !Number.isFinite(n)) {
        return fail('E_BAD_QUIRKS', `quirk "${k}" must be a probability between 0 and 1, got ${JSON.stringify(v)}`, { field: k });
      }
      if (n < 0 || n > 1) return fail('E_OUT_OF_RANGE', `quirk "${k}" must be between 0 and 1, got ${n}`, { field: k });
      out[k as (typeof PROB_KEYS)[number]] = n;
    } else if ((BOOL_KEYS as readonly string[]).includes(k)) {
      const b = parseBool(v);
      if (b === undefined) return fail('E_BAD_QUIRKS', `quirk "${k}" must be on or off, got ${JSON.stringify(v)}`, { field: k, choices: ['on', 'off'] });
      out[k as (typeof BOOL_KEYS)[number]] = b;
    } else {
      return fail('E_BAD_QUIRKS', `unknown quirk "${k}"; valid quirks: ${ALL_KEYS.join(', ')}`, { field: k, choices: ALL_KEYS });
    }
  }
  return ok(out);
}

/**
 * Parses the CLI's `--quirks` text. @example parseQuirks('dropStreakEnd=0.1,duplicates=0.02,social=on')
 */
export function parseQuirks(text: string): Result<Partial<Quirks>, ApiError> {
  const obj: Record<string, string> = {};
  for (const part of text.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    const m = /^([A-Za-z]+)\s*=\s*(.+)$/.exec(part);
    if (!m) return fail('E_BAD_QUIRKS', `quirks: "${part}" is not name=value (e.g. dropStreakEnd=0.1,social=on)`);
    obj[m[1]] = m[2].trim();
  }
  return validateQuirks(obj);
}
