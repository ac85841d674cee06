import type { ApiError } from './api-types.ts';

/**
 * A rate as the rates card shows it, in the number box and on the slider alike (so the two never disagree):
 * 4 significant digits (0.005 stays 0.005, a ramp's 2.345678 reads 2.346), whole numbers from 1000.
 * @example rateText(0.25) // 0.25
 */
export function rateText(v: number): number {
  if (!Number.isFinite(v)) return 0;
  return v >= 1000 ? Math.round(v) : Number(v.toPrecision(4));
}

/** The slider's top end for a rate: 20/s, or twice the rate when that is more. */
export function sliderMax(rate: number): number {
  return Math.max(20, Math.ceil(rate * 2));
}

/**
 * A dragged slider position snapped to a round step (a tenth of 1/s on the 0..20 slider), so dragging gives 0.3
 * rather than 0.30172. The slider itself has `step="any"`: it must show a typed 0.25 where it is, not at 0.3.
 * @example sliderValue(7.2817, 20) // 7.3
 */
export function sliderValue(raw: number, max: number): number {
  const step = 10 ** Math.floor(Math.log10(Math.max(max, 1) / 200));
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return Number((Math.round(raw / step) * step).toFixed(decimals));
}

/**
 * Checks a rate typed into a number box before it is sent. `badInput` is the box's `validity.badInput` (the text
 * does not read as a number, e.g. "-" or "1-": the box's value is then ""). The server checks the upper bound.
 */
export function checkRate(kind: string, text: string, badInput: boolean): { ok: true; value: number } | { ok: false; error: ApiError } {
  const n = text.trim() === '' ? Number.NaN : Number(text);
  if (badInput || !Number.isFinite(n)) {
    return { ok: false, error: { code: 'E_BAD_FIELD', field: kind, message: `rate "${kind}" must be a number of events per second, like 2 or 0.25 (0 turns it off)` } };
  }
  if (n < 0) {
    return { ok: false, error: { code: 'E_OUT_OF_RANGE', field: kind, message: `rate "${kind}" cannot be negative, got ${n}; 0 turns ${kind} off` } };
  }
  return { ok: true, value: n };
}
