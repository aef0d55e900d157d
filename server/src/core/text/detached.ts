// Strings that outlive the document version they were cut from.
//
// V8 makes a slice of 13 characters or more a view of the string it was cut from, which stays alive as long as
// the slice does: a segment or line text kept across edits (in a cache or memo) would hold a whole version of
// the document, one per edit that made it (measured: ~0.14 MB per edit of a 200 KB document, without bound).

/** A copy of a string that holds no reference to the string it was sliced from. */
export function detached(s: string): string {
  // Shorter slices are copied by V8 already; a concatenation, once flattened by the slice, is a new string.
  return s.length < 13 ? s : (' ' + s).slice(1);
}
