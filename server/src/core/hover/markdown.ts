// Markdown helpers shared by the hover cards.

/** The text with Markdown's special characters escaped, so that a name shows as written. */
export function esc(s: string): string { return s.replace(/([\\`*_{}[\]()#+!|<>])/g, '\\$1'); }
