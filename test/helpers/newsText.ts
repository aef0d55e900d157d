// Generates news-like English text from the project's own templates, for benchmarks and robustness tests.
// Names, numbers, units, places and dates vary from sentence to sentence (a seeded PRNG), so that segments
// seldom repeat and the per-segment cache cannot flatter a measurement. No corpus text is used.

/** mulberry32: a small, seeded PRNG (reproducible runs). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Amina', 'Omar', 'Leila', 'Yusuf', 'Maria', 'John', 'Elena', 'Pavel', 'Fatima', 'Karim', 'Sofia', 'David',
  'Nadia', 'Hassan', 'Irina', 'Michael', 'Aisha', 'Tariq', 'Grace', 'Samuel', 'Olga', 'Rami', 'Hana', 'Victor'];
const LAST = ['Haddad', 'Khalil', 'Petrov', 'Smith', 'Garcia', 'Nasser', 'Rahman', 'Kovalenko', 'Okafor', 'Mansour',
  'Dubois', 'Ibrahim', 'Novak', 'Saleh', 'Jensen', 'Moreno', 'Aziz', 'Walker', 'Farah', 'Lindqvist'];
const TITLES = ['Foreign Minister', 'General', 'spokesman', 'Governor', 'Colonel', 'President', 'envoy', 'Mayor'];
const PLACES = ['Aleppo', 'Mosul', 'Kharkiv', 'Gao', 'Mopti', 'Kismayo', 'Idlib', 'Raqqa', 'Donetsk', 'Tripoli',
  'Benghazi', 'Juba', 'Goma', 'Bunia', 'Maiduguri', 'Marawi', 'Hodeidah', 'Marib', 'Kandahar', 'Herat', 'Sirte',
  'Mekele', 'Bakhmut', 'Kherson', 'Palmyra', 'Homs', 'Daraa', 'Tikrit', 'Fallujah', 'Timbuktu'];
const ORGS = ['the United Nations', 'the Red Cross', 'the World Food Programme', 'UNHCR', 'the African Union',
  'the European Union', 'NATO', 'Amnesty International', 'the World Health Organization', 'Medecins Sans Frontieres'];
const ACTORS = ['government forces', 'the army', 'rebel fighters', 'allied militias', 'the coalition', 'police',
  'armed groups', 'the navy', 'border guards', 'peacekeepers'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const HEDGES = ['some', 'about', 'nearly', 'roughly', 'up to', 'more than', 'at least', 'almost'];
const DIST_UNITS = ['km', 'kilometres', 'kilometers', 'miles', 'metres', 'meters', 'nautical miles', 'mi', 'm'];
const AREA_UNITS = ['square kilometres', 'square kilometers', 'sq km', 'km2', 'hectares', 'acres', 'square miles', 'km²'];
const NOUNS = ['people', 'civilians', 'soldiers', 'families', 'children', 'refugees', 'fighters', 'homes', 'vehicles'];
const DIRS = ['north', 'south', 'east', 'west', 'northeast', 'southwest', 'southeast', 'northwest'];

export class NewsGenerator {
  private readonly r: () => number;
  constructor(seed = 1) { this.r = rng(seed); }

  private pick<T>(xs: readonly T[]): T { return xs[Math.floor(this.r() * xs.length)]; }
  private int(lo: number, hi: number): number { return lo + Math.floor(this.r() * (hi - lo + 1)); }
  private big(): string {
    const n = this.int(2, 60000);
    return n >= 1000 && this.r() < 0.6 ? n.toLocaleString('en-US') : String(n);
  }
  private decimal(): string { return this.r() < 0.3 ? `${this.int(1, 99)}.${this.int(1, 9)}` : String(this.int(2, 900)); }
  private person(): string { return `${this.pick(FIRST)} ${this.pick(LAST)}`; }
  private date(): string {
    const y = this.int(1995, 2024), m = this.pick(MONTHS), d = this.int(1, 28);
    switch (this.int(0, 4)) {
      case 0: return `${m} ${d}, ${y}`;
      case 1: return `${d} ${m} ${y}`;
      case 2: return `on ${this.pick(DAYS)}`;
      case 3: return `last ${this.pick(DAYS)}`;
      default: return `in ${m} ${y}`;
    }
  }
  private hedge(): string { return this.r() < 0.5 ? `${this.pick(HEDGES)} ` : ''; }

  sentence(): string {
    const P = () => this.pick(PLACES), A = () => this.pick(ACTORS), O = () => this.pick(ORGS);
    switch (this.int(0, 11)) {
      case 0: return `${cap(A())} advanced ${this.hedge()}${this.decimal()} ${this.pick(DIST_UNITS)} ${this.pick(DIRS)} of ${P()} ${this.date()}, a military source said.`;
      case 1: return `${this.pick(TITLES)} ${this.person()} told reporters in ${P()} that ${this.hedge()}${this.big()} ${this.pick(NOUNS)} had fled since ${this.date()}.`;
      case 2: return `${cap(O())} said ${this.int(2, 400)} ${this.pick(NOUNS)} were killed in shelling near ${P()}, including ${this.int(1, 40)} children and ${this.int(1, 30)} women.`;
      case 3: return `The camp near ${P()} covers ${this.hedge()}${this.decimal()} ${this.pick(AREA_UNITS)}, according to a ${this.int(1998, 2023)} survey.`;
      case 4: return `Aid groups estimated that ${this.int(1, 99)}% of the displaced in ${P()} were living in tents and ${this.int(1, 60)} percent in unfinished buildings.`;
      case 5: return `${P()} lies ${this.hedge()}${this.int(5, 900)} km (${this.int(3, 560)} miles) ${this.pick(DIRS)} of ${P()}.`;
      case 6: return `Talks in ${P()} between ${O()} and ${A()} are due to resume ${this.date()}, ${this.person()} said.`;
      case 7: return `A ${this.int(10, 900)}-metre bridge over the river at ${P()} was destroyed ${this.date()}, and ${this.big()} residents lost power.`;
      case 8: return `Officials said the area of the new camp was ${this.int(10, 900)} square kilometres, larger than ${P()} itself.`;
      case 9: return `${this.person()}, who has led ${O()} mission since ${this.int(2001, 2022)}, said the convoy of ${this.int(3, 120)} trucks travelled ${this.int(20, 700)} miles in ${this.int(2, 30)} hours.`;
      case 10: return `Satellite images show ${this.hedge()}${this.big()} hectares of farmland burned around ${P()} between ${this.pick(MONTHS)} and ${this.pick(MONTHS)}.`;
      default: return `"We have no water and no food," said ${this.person()}, ${this.int(19, 80)}, who walked ${this.int(2, 60)} kilometres from ${P()} with ${this.int(2, 9)} children.`;
    }
  }

  headline(): string {
    return `${cap(this.pick(ACTORS))} push toward ${this.pick(PLACES)} as talks stall in ${this.pick(PLACES)}`;
  }

  article(): string {
    const y = this.int(2000, 2024), m = this.int(1, 12), d = this.int(1, 28);
    const lines = [`Date: ${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, '', this.headline(), ''];
    const paragraphs = this.int(4, 9);
    for (let p = 0; p < paragraphs; p++) {
      const n = this.int(2, 5);
      const s: string[] = [];
      if (p === 0) s.push(`${this.pick(PLACES).toUpperCase()}, ${this.pick(MONTHS)} ${d} (Dateline) -`);
      for (let i = 0; i < n; i++) s.push(this.sentence());
      lines.push(s.join(' '), '');
    }
    return lines.join('\n');
  }

  /** Articles joined until the text reaches `chars` UTF-16 units (cut at an article boundary above it). */
  text(chars: number): string {
    const parts: string[] = [];
    let n = 0;
    while (n < chars) { const a = this.article(); parts.push(a); n += a.length + 1; }
    return parts.join('\n');
  }
}

function cap(s: string): string { return s.charAt(0).toUpperCase() + s.slice(1); }
