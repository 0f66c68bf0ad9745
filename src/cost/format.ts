import type { Currency, Range } from '../model/index.js';

/** Money as shown: rounded to 2 decimals, with the currency: `USD 21.60`, `USD -3.50`. */
export function money(amount: number, currency: Currency): string {
  return `${currency} ${round2(amount).toFixed(2)}`;
}

/** Rounds to cents for showing (half away from zero); never returns -0. */
export function round2(amount: number): number {
  const rounded = Math.sign(amount) * Math.round(Math.abs(amount) * 100 + 1e-9) / 100;
  return rounded === 0 ? 0 : rounded;
}

/** `2.34` or `2.34–11.70` (no currency). */
export function amountRange(range: Range): string {
  const min = round2(range.min).toFixed(2);
  const max = round2(range.max).toFixed(2);
  return min === max ? max : `${min}–${max}`;
}

/** A signed change: `+2.34`, `-1.00`, `0.00`, or a range `+2.34–+11.70`. */
export function signedRange(range: Range): string {
  const signed = (n: number) => {
    const text = round2(n).toFixed(2);
    return round2(n) > 0 ? `+${text}` : text;
  };
  return signed(range.min) === signed(range.max) ? signed(range.max) : `${signed(range.min)}–${signed(range.max)}`;
}

/** `3` or `2–10`. */
export function countRange(range: Range): string {
  return range.min === range.max ? String(range.max) : `${range.min}–${range.max}`;
}
