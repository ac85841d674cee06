import { InvalidArgumentError } from 'commander';

/** Parses an integer option within [min, max] for commander, with a message naming the range. */
export function intArg(min: number, max: number): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!/^-?\d+$/.test(v.trim()) || !Number.isSafeInteger(n)) throw new InvalidArgumentError(`"${v}" is not a whole number.`);
    if (n < min || n > max) throw new InvalidArgumentError(`${n} is out of range; use ${min} to ${max}.`);
    return n;
  };
}

/** Parses a positive decimal (speeds, seconds). */
export function positiveArg(max: number): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`"${v}" is not a positive number.`);
    if (n > max) throw new InvalidArgumentError(`${n} is too large; at most ${max}.`);
    return n;
  };
}

/**
 * Parses a time offset into ms: `90000`, `90s`, `1m30s`, `01:30` or `1:02:03`.
 * @example offsetArg('1:30') // 90000
 */
export function offsetArg(v: string): number {
  const s = v.trim();
  if (/^\d+$/.test(s)) return Number(s);
  let m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(s);
  if (m && s !== '') return Math.round(((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000);
  m = /^(?:(\d+):)?(\d{1,2}):(\d{2}(?:\.\d+)?)$/.exec(s);
  if (m) return Math.round(((Number(m[1] ?? 0) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000);
  throw new InvalidArgumentError(`"${v}" is not a time offset; use ms (90000), 90s, 1m30s or 01:30.`);
}

/** Parses a start time: epoch ms or an ISO date. */
export function startTimeArg(v: string): number {
  const s = v.trim();
  const n = /^\d+$/.test(s) ? Number(s) : Date.parse(s);
  if (!Number.isFinite(n)) throw new InvalidArgumentError(`"${v}" is not a time; use epoch ms or an ISO date like 2025-01-01T20:00:00Z.`);
  return n;
}
