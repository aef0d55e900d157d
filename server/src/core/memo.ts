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

/**
 * A value kept per object (weakly: it goes with the object) for as long as the inputs it was computed from are
 * the same (===). The checks keep their verdict on a figure this way across analyses: the figure's value object is
 * shared through the recognizers' cache, and the text around it decides whether the verdict still holds.
 */
export class ObjectMemo<K extends object, V> {
  private readonly memo = new WeakMap<K, { inputs: readonly unknown[]; value: V }>();

  get(key: K, inputs: readonly unknown[], compute: () => V): V {
    const hit = this.memo.get(key);
    if (hit && sameInputs(hit.inputs, inputs)) return hit.value;
    const value = compute();
    this.memo.set(key, { inputs, value });
    return value;
  }
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
