// Real news for the speed measurements (bench, profile-fresh), read at run time from ../shared/corpora and
// never stored in the project.
import * as fs from 'fs';
import * as path from 'path';

/**
 * Real news, when the shared corpora sit beside the project: the article texts of LGL and GeoVirus and the TEXT of
 * every TimeML document (about 1,080 articles, 2 MB), read at run time. Never stored in the project.
 */
export function realNewsArticles(): string[] | undefined {
  const root = path.resolve(__dirname, '..', '..', 'shared', 'corpora');
  const parts: string[] = [];
  try {
    for (const f of ['lgl.xml', 'GeoVirus.xml']) {
      const xml = fs.readFileSync(path.join(root, 'geo', f), 'utf8');
      for (const m of xml.matchAll(/<text>(?:<!\[CDATA\[)?([\s\S]*?)(?:\]\]>)?<\/text>/g)) parts.push(m[1]);
    }
    for (const dir of ['TimeBank', 'AQUAINT']) {
      const d = path.join(root, 'timeml', dir);
      for (const f of fs.readdirSync(d)) {
        const m = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(fs.readFileSync(path.join(d, f), 'utf8'));
        if (m) parts.push(m[1].replace(/<[^>]+>/g, ''));
      }
    }
  } catch {
    return undefined;
  }
  return parts.length ? parts : undefined;
}
