// maxOf and minOf (src/engine/extremes.ts) agree with Math.max and Math.min on every list they can
// take, and also take lists past the length at which spreading into Math.max throws.
import fc from 'fast-check';
import { maxOf, minOf } from '../../src/engine/extremes';

test('equal Math.max(...xs) and Math.min(...xs), NaN and infinities included', () => {
  fc.assert(
    fc.property(fc.array(fc.double(), { maxLength: 50 }), (xs) => {
      expect(Object.is(maxOf(xs), Math.max(...xs))).toBe(true);
      expect(Object.is(minOf(xs), Math.min(...xs))).toBe(true);
    }),
  );
});

test('an empty list gives the value asked for', () => {
  expect(maxOf([], 0)).toBe(0);
  expect(minOf([], 7)).toBe(7);
  expect(maxOf([])).toBe(-Infinity);
});

test('300,000 numbers, where Math.max(...xs) throws RangeError', () => {
  const xs = Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 300_007);
  expect(() => Math.max(...xs)).toThrow(RangeError);
  expect(maxOf(xs)).toBe(xs.reduce((m, x) => (x > m ? x : m), -Infinity));
  expect(minOf(xs)).toBe(0);
});
