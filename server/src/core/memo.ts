import { detached } from './text/detached';

// A bounded memo for pure functions of one key that the core calls again and again across analyses (the same
// names, words and numbers recur on every edit). When full, it starts afresh: bounded memory, no eviction order.
// String keys are kept (and computed from) as detached copies: a key cut from the document would otherwise keep
// that whole version of the document alive for as long as the entry lives (text/detached.ts).
export function memoize<K, V>(maxSize: number, compute: (key: K) => V): (key: K) => V {
  const memo = new Map<K, V>();
  return (key: K): V => {
    let value = memo.get(key);
    if (value === undefined) {
      const own = (typeof key === 'string' ? detached(key) : key) as K;
      value = compute(own);
      if (memo.size >= maxSize) memo.clear();
      memo.set(own, value);
    }
    return value;
  };
}

/**
 * A value kept per object (weakly: it goes with the object) for as long as the inputs it was computed from are
 * the same (===). The checks keep their verdict on a figure this way across analyses: the figure's value object is
 * shared through the recognizers' cache, and the text around it decides whether the verdict still holds.
 * A few values are kept per object (the newest first): a sentence written twice shares its mentions' objects, and
 * each copy has its own inputs.
 */
export class ObjectMemo<K extends object, V> {
  private readonly memo = new WeakMap<K, { inputs: readonly unknown[]; value: V }[]>();

  constructor(private readonly perKey = 4) {}

  get(key: K, inputs: readonly unknown[], compute: () => V): V {
    const hits = this.memo.get(key);
    if (hits) {
      for (let k = 0; k < hits.length; k++) {
        const hit = hits[k];
        if (sameInputs(hit.inputs, inputs)) {
          if (k > 0) { hits.splice(k, 1); hits.unshift(hit); }
          return hit.value;
        }
      }
    }
    const value = compute();
    inputs = ownInputs(inputs);
    if (!hits) this.memo.set(key, [{ inputs, value }]);
    else {
      hits.unshift({ inputs, value });
      if (hits.length > this.perKey) hits.length = this.perKey;
    }
    return value;
  }
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The inputs to keep: strings among them detached from the document they were cut from. */
function ownInputs(inputs: readonly unknown[]): readonly unknown[] {
  let own: unknown[] | undefined;
  for (let i = 0; i < inputs.length; i++) {
    const x = inputs[i];
    if (typeof x === 'string' && x.length >= 13) (own ??= inputs.slice())[i] = detached(x);
  }
  return own ?? inputs;
}
