// A bounded memo for pure functions of one key that the core calls again and again across analyses (the same
// names, words and numbers recur on every edit). When full, it starts afresh: bounded memory, no eviction order.
export function memoize<K, V>(maxSize: number, compute: (key: K) => V): (key: K) => V {
  const memo = new Map<K, V>();
  return (key: K): V => {
    let value = memo.get(key);
    if (value === undefined) {
      value = compute(key);
      if (memo.size >= maxSize) memo.clear();
      memo.set(key, value);
    }
    return value;
  };
}
