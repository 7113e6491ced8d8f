/**
 * English words a French, Dutch or German reader must never meet in Vigie's own text: common words of
 * English sentences and the words of Vigie's English interface and data. None is a French or Dutch
 * word (no "in", "is", "a", "on", "per", "source", "sources", "table", "part", "figures", "series", "exploitation").
 */
export const ENGLISH_WORDS: ReadonlySet<string> = new Set(
  `the and of with for from not stated reports report number news third-party belgian belgium chamber
  representatives annual show all more inhabitants milestones milestone key exported compared case files offences
  offence recorded chart legend skip previous period view online share download children abuse sexual material
  hotline target yearly rate percent count counts provisional estimate reported filters language loading since
  until between about which what when where who how this that these those there their has have been was were will
  would should could only also`
    .split(/\s+/)
    .filter(Boolean),
)

/** Proper names that hold English words and are cited as they are (organisations, titles of websites). */
export const PROPER_NAMES = [
  'Better Internet for Kids',
  'Child Focus',
  'Global Alliance',
  'European Sources Online',
  'Make-IT-Safe',
  'Safer Internet',
  'CyberTipline',
  'La Meuse',
  'De Tijd',
  'La Libre Belgique',
  'De Standaard',
]

/**
 * Words of the list that are also words of French, Dutch or German (Dutch "of" = or, "was", "online",
 * "filters"; German "was" = what, "will" = wants, "also" = so, "Rate", "online" and "Hotline" as loanwords).
 */
const ALSO_IN: Readonly<Record<Reader, ReadonlySet<string>>> = {
  fr: new Set(),
  nl: new Set(['of', 'was', 'online', 'filters', 'download', 'been']),
  de: new Set(['was', 'will', 'also', 'online', 'hotline', 'rate']),
}

/** The languages whose readers must meet no English. */
export type Reader = 'fr' | 'nl' | 'de'

/** Text without what is cited in its own language: quotes (“…”, „…“, «…»), addresses, domain names and proper names. */
function ownText(text: string): string {
  let t = text
    .replace(/“[^”]*”/g, ' ')
    .replace(/„[^“”]*[“”]/g, ' ')
    .replace(/«[^»]*»/g, ' ')
    .replace(/\bhttps?:\/\/\S+/g, ' ')
    .replace(/\b[\w-]+(\.[\w-]+)*\.(be|eu|org|com|net|int|fr|nl|de|app)\b\S*/gi, ' ')
    .replace(/\b[\w.-]+\/[\w./-]+/g, ' ')
    // An identifier (cf_hotline_reports) is a code, in no language.
    .replace(/\b[a-z0-9]+(_[a-z0-9]+)+\b/gi, ' ')
  for (const name of PROPER_NAMES) t = t.split(name).join(' ')
  return t
}

/**
 * Common French and Dutch words a German reader must not meet where a German text exists (a French
 * or Dutch leftover). None is a German word; names and quotes are left out as for English.
 */
const FRENCH_OR_DUTCH: ReadonlySet<string> = new Set(
  `les du et pour sur dans avec une signalements signalement dossiers enfants données jalons abus sexuels selon
  het een voor meldingen kinderen gegevens mijlpalen naar bij volgens seksueel misbruik`
    .split(/\s+/)
    .filter(Boolean),
)

/** French or Dutch words left in a German text (quotes, addresses and proper names aside). */
export function frenchOrDutchWords(text: string): string[] {
  return [...ownText(text).matchAll(/\p{L}[\p{L}'’-]*/gu)].map((m) => m[0]).filter((w) => FRENCH_OR_DUTCH.has(w.toLowerCase()))
}

/**
 * The English words of a text, leaving out what is cited in its own language: quoted sentences
 * (“…”, «…»), addresses and domain names, and proper names.
 */
export function englishWords(text: string, lang: Reader): string[] {
  const t = ownText(text)
  return [...t.matchAll(/\p{L}[\p{L}'’-]*/gu)].map((m) => m[0]).filter((w) => ENGLISH_WORDS.has(w.toLowerCase()) && !ALSO_IN[lang].has(w.toLowerCase()))
}

/** A `:` `;` `?` `!` ending a word without the narrow no-break space French typography puts before it. */
export function frenchSpacingMisses(text: string): string[] {
  const t = text.replace(/“[^”]*”/g, ' ').replace(/\bhttps?:\/\/\S+/g, ' ')
  return [...t.matchAll(/.{0,20}[^\u202F\s:;?!][:;?!](?=\s|$)/gu)].map((m) => m[0])
}
