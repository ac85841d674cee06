/** The project's one translation of zod issues into API errors. */
import type { z } from 'zod';
import { fail, type ApiError } from './errors.ts';

/** `a.b[0].c` from a zod issue path. */
export function issuePath(path: readonly PropertyKey[], root: string): string {
  let s = root;
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : `${s ? '.' : ''}${String(p)}`;
  return s;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

/** "between 1 and 15", "at most 10000", "above 0"... from a zod range issue. */
function rangeWords(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall): string {
  if (issue.code === 'too_big') return `${issue.inclusive === false ? 'below' : 'at most'} ${String(issue.maximum)}`;
  return `${issue.inclusive === false ? 'above' : 'at least'} ${String(issue.minimum)}`;
}

/**
 * The first zod issue as an ApiError naming the field. A number out of its range is E_OUT_OF_RANGE with the range
 * in the message (`count must be at most 1000, got 5000`), whatever `code` the caller gives for other issues.
 */
export function zodFail(e: z.ZodError, root: string, code: 'E_BAD_SCENARIO' | 'E_BAD_FIELD' | 'E_BAD_BODY', input?: unknown): { ok: false; error: ApiError } {
  const issue = e.issues[0]!;
  const field = issuePath(issue.path, root);
  const name = field || root || 'body';
  if ((issue.code === 'too_big' || issue.code === 'too_small') && (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')) {
    const got = valueAt(input, issue.path);
    const words = `${name} must be ${rangeWords(issue)}${got === undefined ? '' : `, got ${JSON.stringify(got)}`}`;
    return fail(code === 'E_BAD_SCENARIO' ? code : 'E_OUT_OF_RANGE', code === 'E_BAD_SCENARIO' ? `${name}: ${words}` : words, { field: name });
  }
  let msg = issue.message;
  if (issue.code === 'unrecognized_keys') {
    const key = issuePath([...issue.path, issue.keys[0]!], root);
    msg = `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    if (code !== 'E_BAD_SCENARIO') return fail('E_UNKNOWN_FIELD', `${name}: ${msg}`, { field: key });
  }
  const choices = issue.code === 'invalid_value' ? issue.values.map(String) : undefined;
  return fail(code, `${name}: ${msg}`, { field: name, ...(choices ? { choices } : {}) });
}

