// The on-disk format of the compiled gazetteer (data/gazetteer.bin), shared by the build script and the loader.
//
// Layout: `DLGZ0001` (8 bytes), header length (uint32 LE), header JSON (UTF-8), zero padding to 8 bytes,
// then the sections the header lists, each 8-byte aligned, as typed arrays (little endian):
//   lat, lon        Float32[entries]    WGS84 degrees
//   pop             Uint32[entries]     population (0: unknown)
//   prior           Float32[entries]    prior weight (prior.ts; first-level regions weighted by their places)
//   ref             Uint32[entries]     GeoNames id for GeoNames places; REF_RECORD | i for the entries
//                                       described by header.records[i]
//   kind            Uint8[entries]      index into header.kinds
//   cc              Uint16[entries]     index into header.countries (0xffff: none)
//   adm             Uint16[entries]     index into header.admins (0xffff: none)
//   src             Uint8[entries]      index into header.sources
//   nameOff         Uint32[entries+1]   offsets into nameBlob (UTF-8 canonical names)
//   nameBlob        Uint8
//   keyOff          Uint32[keys+1]      offsets into keyBlob (ASCII keys, see keys.ts)
//   keyBlob         Uint8
//   postOff         Uint32[keys+1]      offsets into post
//   post            Uint32              entry << 2 | flag (POST_ALT, POST_PRIMARY, POST_DEMONYM, POST_ABBREV),
//                                       each key's postings sorted by prior (best first)
//   table           Uint32[2^k]         open-addressing hash table over keys (hashKey, linear probing),
//                                       holding key index + 1 (0: empty)

export const MAGIC = 'DLGZ0001';

export const POST_ALT = 0;
export const POST_PRIMARY = 1;
export const POST_DEMONYM = 2;
export const POST_ABBREV = 3;

export const NONE16 = 0xffff;
export const REF_RECORD = 0x80000000;

/** Classes of places, for priors and rules. */
export const CLS_PLACE = 0;        // populated place (GeoNames PPL...)
export const CLS_SEAT2 = 1;        // seat of a second-level division (PPLA2..PPLA4)
export const CLS_SEAT1 = 2;        // seat of a first-level division (PPLA)
export const CLS_CAPITAL = 3;      // national capital (PPLC)
export const CLS_COUNTRY = 4;
export const CLS_ADMIN1 = 5;       // state, province, governorate
export const CLS_ADMIN2 = 6;       // county, parish
export const CLS_REGION = 7;       // continent or large region (the Middle East, the Sahel, Darfur)
export const CLS_FEATURE = 8;      // border crossing, dam, base, airport, desert...
export const CLS_SECTION = 9;      // section of a populated place (PPLX), abandoned or historical places

export interface SectionInfo { name: string; type: 'f32' | 'u32' | 'u16' | 'u8'; offset: number; length: number }

/** A record for the entries that are not GeoNames places (countries, regions, counties, supplement features). */
export interface GazetteerRecord {
  /** Stable id (`iso3166:SY`, `iso3166-2:SY-DY`, `fips:22079`, `region:middle-east`, `supplement:al-tanf`). */
  id: string;
  /** Names an analyst may meet (not all of them are keys). */
  aliases?: string[];
  areaKm2?: number;
  /** How the coordinates were obtained, when not simply the source's own point. */
  note?: string;
  /** A named feature the project knows but has no sourced coordinates for. */
  unresolved?: boolean;
}

export interface GazetteerHeader {
  version: 1;
  built: string;
  entries: number;
  keys: number;
  /** Display kind and class (CLS_*) per kind value. */
  kinds: { name: string; cls: number }[];
  /** ISO 3166-1 alpha-2 codes; index = cc value. */
  countries: string[];
  /** Country names, parallel to `countries`. */
  countryNames: string[];
  /** First-level regions as `CC.code` with a display name. */
  admins: { key: string; name: string }[];
  /** Source labels, parallel to the src values. */
  sources: string[];
  records: GazetteerRecord[];
  sections: SectionInfo[];
}
