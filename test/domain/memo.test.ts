import fc from 'fast-check';
import { memoized } from '../../src/domain/memo';

describe('memoized', () => {
  it('answers as the function does, working each key out once while it is remembered', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 200 }), (keys) => {
        const calls: number[] = [];
        const square = memoized((k: number) => {
          calls.push(k);
          return k * k;
        }, 1000);
        for (const k of keys) expect(square(k)).toBe(k * k);
        expect(calls).toEqual([...new Set(keys)]);
      }),
    );
  });

  it('keeps at most `limit` answers: when full it starts again', () => {
    let calls = 0;
    const twice = memoized((k: string) => {
      calls++;
      return `${k}${k}`;
    }, 2);
    twice('a');
    twice('b');
    twice('a');
    expect(calls).toBe(2);
    twice('c'); // full: forgets a and b
    twice('a');
    expect(calls).toBe(4);
    expect(twice('a')).toBe('aa');
    expect(calls).toBe(4);
  });

  it('does not remember a call that throws', () => {
    let calls = 0;
    const strict = memoized((k: string) => {
      calls++;
      if (k === 'bad') throw new RangeError('bad key');
      return k.length;
    }, 10);
    expect(() => strict('bad')).toThrow(RangeError);
    expect(() => strict('bad')).toThrow(RangeError);
    expect(calls).toBe(2);
  });
});
