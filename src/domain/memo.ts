// The one shared memo of the domain (README "Performance"): a pure function's answers kept for the
// arguments seen most recently. Bounded: when full it starts again, so a long run never grows it.

/**
 * `fn` with its answers remembered, at most `limit` of them. Only for pure functions of one key
 * (a string or a number) whose answers are never changed by callers; a call that throws is not
 * remembered, so it throws every time.
 */
export function memoized<K extends string | number, V>(fn: (key: K) => V, limit: number): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      value = fn(key);
      if (known.size >= limit) known.clear();
      known.set(key, value);
    }
    return value;
  };
}
