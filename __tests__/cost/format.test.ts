/** Money as the reports show it: cents, half away from zero, no -0.00, a sign on a change. */
import { amountRange, countRange, money, round2, signedRange } from '../../src/cost/format.js';

describe('round2', () => {
  it('rounds half a cent away from zero, either sign, despite binary fractions', () => {
    expect(round2(1.005)).toBe(1.01);
    expect(round2(2.345)).toBe(2.35);
    expect(round2(-2.345)).toBe(-2.35);
    expect(round2(-0.125)).toBe(-0.13);
    expect(round2(0.004)).toBe(0);
  });

  it('never gives -0', () => {
    expect(Object.is(round2(-0.001), 0)).toBe(true);
    expect(money(-0.001, 'USD')).toBe('USD 0.00');
  });
});

describe('ranges', () => {
  it('a change has a sign when it is not zero; no change is plain 0.00', () => {
    expect(signedRange({ min: 0, max: 0 })).toBe('0.00');
    expect(signedRange({ min: -0.001, max: 0.001 })).toBe('0.00');
    expect(signedRange({ min: 2.345, max: 2.345 })).toBe('+2.35');
    expect(signedRange({ min: -1, max: 11.7 })).toBe('-1.00–+11.70');
  });

  it('one amount or count when both ends show the same, else a range', () => {
    expect(amountRange({ min: 2.341, max: 2.338 })).toBe('2.34');
    expect(amountRange({ min: 2.34, max: 11.7 })).toBe('2.34–11.70');
    expect(countRange({ min: 3, max: 3 })).toBe('3');
    expect(countRange({ min: 2, max: 10 })).toBe('2–10');
  });
});
