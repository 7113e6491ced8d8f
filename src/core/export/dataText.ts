/**
 * The words of the data downloads (the README, the data package's descriptions, the JSON-LD and
 * DCAT descriptions) in English, French, Dutch and German. They live in core, as the licences' terms do,
 * because the build writes the same files as the browser (scripts/staticData.ts) without vue-i18n.
 */
import { punctuate } from '../format'
import type { DisplayUnit, Locale } from '../model'

export interface DataText {
  /** The whole data set's title. */
  readonly datasetTitle: string
  readonly datasetDescription: string
  /** "Data of the view: {title}" */
  readonly viewTitle: (title: string) => string
  readonly viewDescription: string
  readonly readme: {
    readonly files: string
    readonly fileOf: Readonly<Record<'observations' | 'indicators' | 'sources' | 'milestones' | 'datapackage', string>>
    readonly indicators: string
    readonly counts: string
    readonly notCounts: string
    readonly unit: string
    readonly partOf: string
    /** "Produced by": the organisation whose statistic the indicator is. */
    readonly producer: string
    readonly sources: string
    readonly cite: string
    readonly licences: string
    readonly dataLicence: (name: string, url: string) => string
    /** "The code of Vigie: {licence}" with the EUPL's name in the language. */
    readonly codeLicence: string
    readonly version: (version: string) => string
    readonly withheld: string
    readonly csvFormat: (delimiter: string, decimal: string) => string
    readonly link: string
  }
  /** Units in plain words, for the README. */
  readonly units: Readonly<Record<DisplayUnit, string>>
  /** Descriptions of the columns (the data package's fields). */
  readonly fields: Readonly<Record<string, string>>
}

const EN: DataText = {
  datasetTitle: 'Vigie: online child sexual exploitation in Belgium, indicator series and policy milestones',
  datasetDescription:
    'Published statistics on online child sexual exploitation in Belgium (reports of child sexual abuse material (CSAM) to hotlines, grooming and sextortion case files, police-recorded offences) and the dated laws, conventions and policies they can be read against. Every figure names its source and, where the source is a document, the sentence it stands in. Aggregated statistics only.',
  viewTitle: (title) => `Data of the view: ${title}`,
  viewDescription: 'The figures a Vigie chart shows, with their indicators, sources and the milestones drawn.',
  readme: {
    files: 'Files',
    fileOf: {
      observations: 'one row per figure: indicator, period, value, unit, status, source and the sentence it stands in',
      indicators: 'what each indicator counts, in which unit, and what it is not',
      sources: 'the documents and pages the figures and milestones come from, with their addresses',
      milestones: 'the dated laws, conventions, policies and events',
      datapackage: 'the same description for programs (Frictionless Data Package): columns, types, units, links between files',
    },
    indicators: 'Indicators',
    counts: 'What it counts',
    notCounts: 'What it does not count',
    unit: 'Unit',
    partOf: 'Part of',
    producer: 'Produced by',
    sources: 'Sources',
    cite: 'How to cite',
    licences: 'Licences',
    dataLicence: (name, url) => `The compiled data: ${name} (${url}). Credit Vigie and the producers of the figures.`,
    codeLicence: 'The code of Vigie: European Union Public Licence 1.2 (EUPL-1.2)',
    version: (version) => `Data version: ${version} (release day + content hash; data/CHANGELOG.md says what changed).`,
    withheld:
      'Small counts are withheld: a count below the threshold has an empty value and "< 5" in the flag column; a figure withheld so that a small count cannot be worked out has an empty value and a word in the flag column. No file gives the number.',
    csvFormat: (delimiter, decimal) => `CSV files: UTF-8, separator "${delimiter}", decimal mark "${decimal}", one header row.`,
    link: 'Online',
  },
  units: { count: 'number', percent: 'percent', percent_change: 'change in %', multiple: 'multiple (× the baseline)', rate_per_100k: 'per 100,000 inhabitants', target_percent_yearly: 'yearly target in %', index: 'index (base period = 100)' },
  fields: {
    indicator: 'Indicator id (indicators.csv)',
    period: 'ISO 8601 period: year, month, day, or an interval start/end',
    value: 'The figure, in the unit of the unit column; empty when withheld',
    flag: 'Why the value is empty: "< 5" for a withheld small count',
    unit: 'Unit of the value: count, percent, percent_change, multiple, rate_per_100k, target_percent_yearly, or index (base period = 100)',
    baseline: 'For a relative figure: the period it is compared with',
    age_group: 'Age group, when the figure is broken down by age',
    gender: 'Gender, when the figure is broken down by gender',
    region: 'Region, when the figure is broken down by region',
    status: 'reported, provisional or estimate',
    series_break: 'true where the definition of the series changes (a break in series)',
    source: 'Source id (sources.csv)',
    quote: 'The sentence of the source the figure stands in',
    note: 'Notes on the figure',
    id: 'Id',
    offence: 'Offence type',
    label: 'Label',
    description: 'What the indicator counts',
    caveat: 'What the number is not',
    part_of: 'The indicator this one is a subset of (nothing may add the two)',
    producer: 'The organisation whose statistic the indicator is (a source may only relay it)',
    title: 'Title',
    publisher: 'Publisher',
    date: 'Date (ISO 8601)',
    url: 'Address',
    checked: 'When the source was last checked',
    number: 'The milestone’s number on the chart',
    end_date: 'End date, for an interval',
    category: 'Category',
    jurisdiction: 'Jurisdiction',
    offences: 'Offence types it concerns, separated by ;',
    importance: 'key or secondary',
  },
}

const FR: DataText = {
  datasetTitle: 'Vigie : exploitation sexuelle des enfants en ligne en Belgique, séries d’indicateurs et jalons politiques',
  datasetDescription:
    'Statistiques publiées sur l’exploitation sexuelle des enfants en ligne en Belgique (signalements de matériel d’abus sexuels sur enfants (CSAM) aux points de contact, dossiers de grooming et de sextorsion, infractions enregistrées par la police) et les lois, conventions et politiques datées auxquelles les comparer. Chaque chiffre cite sa source et, quand la source est un document, la phrase dont il provient. Statistiques agrégées uniquement.',
  viewTitle: (title) => `Données de la vue : ${title}`,
  viewDescription: 'Les chiffres d’un graphique de Vigie, avec leurs indicateurs, leurs sources et les jalons tracés.',
  readme: {
    files: 'Fichiers',
    fileOf: {
      observations: 'une ligne par chiffre : indicateur, période, valeur, unité, statut, source et la phrase dont il provient',
      indicators: 'ce que compte chaque indicateur, dans quelle unité, et ce qu’il n’est pas',
      sources: 'les documents et pages d’où viennent les chiffres et les jalons, avec leurs adresses',
      milestones: 'les lois, conventions, politiques et événements datés',
      datapackage: 'la même description pour les programmes (Frictionless Data Package) : colonnes, types, unités, liens entre fichiers',
    },
    indicators: 'Indicateurs',
    counts: 'Ce qu’il compte',
    notCounts: 'Ce qu’il ne compte pas',
    unit: 'Unité',
    partOf: 'Partie de',
    producer: 'Produit par',
    sources: 'Sources',
    cite: 'Comment citer',
    licences: 'Licences',
    dataLicence: (name, url) => `Les données compilées : ${name} (${url}). Citez Vigie et les producteurs des chiffres.`,
    codeLicence: 'Le code de Vigie : licence publique de l’Union européenne 1.2 (EUPL-1.2)',
    version: (version) => `Version des données : ${version} (jour de publication + empreinte du contenu ; data/CHANGELOG.md dit ce qui a changé).`,
    withheld:
      'Les petits nombres sont masqués : un nombre sous le seuil a une valeur vide et « < 5 » dans la colonne flag ; un chiffre masqué pour qu’un petit nombre ne puisse pas être déduit a une valeur vide et un mot dans la colonne flag. Aucun fichier ne donne le nombre.',
    csvFormat: (delimiter, decimal) => `Fichiers CSV : UTF-8, séparateur « ${delimiter} », séparateur décimal « ${decimal} », une ligne d’en-tête.`,
    link: 'En ligne',
  },
  units: { count: 'nombre', percent: 'pourcentage', percent_change: 'variation en %', multiple: 'multiple (× la référence)', rate_per_100k: 'pour 100 000 habitants', target_percent_yearly: 'objectif annuel en %', index: 'indice (période de base = 100)' },
  fields: {
    indicator: 'Identifiant de l’indicateur (indicators.csv)',
    period: 'Période ISO 8601 : année, mois, jour, ou intervalle début/fin',
    value: 'Le chiffre, dans l’unité de la colonne unit ; vide s’il est masqué',
    flag: 'Pourquoi la valeur est vide : « < 5 » pour un petit nombre masqué',
    unit: 'Unité de la valeur : nombre, pourcentage, variation en %, multiple, taux pour 100 000 habitants, objectif annuel en %, ou indice (période de base = 100)',
    baseline: 'Pour un chiffre relatif : la période de comparaison',
    age_group: 'Tranche d’âge, quand le chiffre est ventilé par âge',
    gender: 'Genre, quand le chiffre est ventilé par genre',
    region: 'Région, quand le chiffre est ventilé par région',
    status: 'Statut : publié, provisoire ou estimation',
    series_break: 'true là où la définition de la série change (rupture de série)',
    source: 'Identifiant de la source (sources.csv)',
    quote: 'La phrase de la source dont provient le chiffre',
    note: 'Remarques sur le chiffre',
    id: 'Identifiant',
    offence: 'Type d’infraction',
    label: 'Libellé',
    description: 'Ce que compte l’indicateur',
    caveat: 'Ce que le chiffre n’est pas',
    part_of: 'L’indicateur dont celui-ci est une partie (ne jamais additionner les deux)',
    producer: 'L’organisation dont l’indicateur est la statistique (une source peut seulement la relayer)',
    title: 'Titre',
    publisher: 'Éditeur',
    date: 'Date (ISO 8601)',
    url: 'Adresse',
    checked: 'Date de la dernière vérification de la source',
    number: 'Le numéro du jalon sur le graphique',
    end_date: 'Date de fin, pour un intervalle',
    category: 'Catégorie',
    jurisdiction: 'Juridiction',
    offences: 'Types d’infraction concernés, séparés par ;',
    importance: 'Importance : clé ou secondaire',
  },
}

const NL: DataText = {
  datasetTitle: 'Vigie: online seksuele uitbuiting van kinderen in België, indicatorreeksen en beleidsmijlpalen',
  datasetDescription:
    'Gepubliceerde statistieken over online seksuele uitbuiting van kinderen in België (meldingen van beeldmateriaal van seksueel misbruik van kinderen (CSAM) bij meldpunten, dossiers over grooming en sextortion, door de politie geregistreerde misdrijven) en de gedateerde wetten, verdragen en beleidsmaatregelen om ze naast te leggen. Elk cijfer vermeldt zijn bron en, als de bron een document is, de zin waarin het staat. Alleen geaggregeerde statistieken.',
  viewTitle: (title) => `Gegevens van de weergave: ${title}`,
  viewDescription: 'De cijfers van een grafiek van Vigie, met hun indicatoren, bronnen en de getekende mijlpalen.',
  readme: {
    files: 'Bestanden',
    fileOf: {
      observations: 'één rij per cijfer: indicator, periode, waarde, eenheid, status, bron en de zin waarin het staat',
      indicators: 'wat elke indicator telt, in welke eenheid, en wat hij niet is',
      sources: 'de documenten en pagina’s waar de cijfers en mijlpalen vandaan komen, met hun adressen',
      milestones: 'de gedateerde wetten, verdragen, beleidsmaatregelen en gebeurtenissen',
      datapackage: 'dezelfde beschrijving voor programma’s (Frictionless Data Package): kolommen, types, eenheden, verbanden tussen bestanden',
    },
    indicators: 'Indicatoren',
    counts: 'Wat hij telt',
    notCounts: 'Wat hij niet telt',
    unit: 'Eenheid',
    partOf: 'Deel van',
    producer: 'Geproduceerd door',
    sources: 'Bronnen',
    cite: 'Hoe citeren',
    licences: 'Licenties',
    dataLicence: (name, url) => `De samengestelde gegevens: ${name} (${url}). Vermeld Vigie en de producenten van de cijfers.`,
    codeLicence: 'De code van Vigie: Europese Unie Publieke Licentie 1.2 (EUPL-1.2)',
    version: (version) => `Versie van de gegevens: ${version} (publicatiedag + hash van de inhoud; data/CHANGELOG.md zegt wat er veranderde).`,
    withheld:
      'Kleine aantallen worden verborgen: een aantal onder de drempel heeft een lege waarde en "< 5" in de kolom flag; een cijfer dat verborgen wordt zodat een klein aantal niet af te leiden is, heeft een lege waarde en een woord in de kolom flag. Geen enkel bestand geeft het getal.',
    csvFormat: (delimiter, decimal) => `CSV-bestanden: UTF-8, scheidingsteken "${delimiter}", decimaalteken "${decimal}", één kopregel.`,
    link: 'Online',
  },
  units: { count: 'aantal', percent: 'percentage', percent_change: 'verandering in %', multiple: 'veelvoud (× de referentie)', rate_per_100k: 'per 100.000 inwoners', target_percent_yearly: 'jaarlijks doel in %', index: 'index (basisperiode = 100)' },
  fields: {
    indicator: 'Id van de indicator (indicators.csv)',
    period: 'ISO 8601-periode: jaar, maand, dag, of een interval begin/einde',
    value: 'Het cijfer, in de eenheid van de kolom unit; leeg als het verborgen is',
    flag: 'Waarom de waarde leeg is: "< 5" voor een verborgen klein aantal',
    unit: 'Eenheid van de waarde: aantal, percentage, verandering in %, veelvoud, per 100.000 inwoners, jaarlijks doel in %, of index (basisperiode = 100)',
    baseline: 'Voor een relatief cijfer: de periode waarmee het vergeleken wordt',
    age_group: 'Leeftijdsgroep, als het cijfer naar leeftijd is uitgesplitst',
    gender: 'Gender, als het cijfer naar gender is uitgesplitst',
    region: 'Regio, als het cijfer naar regio is uitgesplitst',
    status: 'Status: gepubliceerd, voorlopig of schatting',
    series_break: 'true waar de definitie van de reeks verandert (breuk in de reeks)',
    source: 'Id van de bron (sources.csv)',
    quote: 'De zin van de bron waarin het cijfer staat',
    note: 'Opmerkingen bij het cijfer',
    id: 'Id',
    offence: 'Soort misdrijf',
    label: 'Label',
    description: 'Wat de indicator telt',
    caveat: 'Wat het cijfer niet is',
    part_of: 'De indicator waarvan deze een deel is (tel de twee nooit op)',
    producer: 'De organisatie van wie de statistiek is (een bron kan ze alleen overnemen)',
    title: 'Titel',
    publisher: 'Uitgever',
    date: 'Datum (ISO 8601)',
    url: 'Adres',
    checked: 'Wanneer de bron het laatst werd nagekeken',
    number: 'Het nummer van de mijlpaal op de grafiek',
    end_date: 'Einddatum, voor een interval',
    category: 'Categorie',
    jurisdiction: 'Rechtsgebied',
    offences: 'Soorten misdrijven waarover het gaat, gescheiden door ;',
    importance: 'Belang: sleutel of bijkomend',
  },
}

const DE: DataText = {
  datasetTitle: 'Vigie: sexuelle Ausbeutung von Kindern im Internet in Belgien, Indikatorreihen und politische Meilensteine',
  datasetDescription:
    'Veröffentlichte Statistiken zur sexuellen Ausbeutung von Kindern im Internet in Belgien (Meldungen von Darstellungen sexuellen Kindesmissbrauchs (CSAM) an Meldestellen, Akten zu Grooming und Sextortion, von der Polizei registrierte Straftaten) und die datierten Gesetze, Übereinkommen und politischen Maßnahmen, an denen man sie messen kann. Jede Zahl nennt ihre Quelle und, wenn die Quelle ein Dokument ist, den Satz, in dem sie steht. Nur aggregierte Statistiken.',
  viewTitle: (title) => `Daten der Ansicht: ${title}`,
  viewDescription: 'Die Zahlen eines Vigie-Diagramms, mit ihren Indikatoren, Quellen und den eingezeichneten Meilensteinen.',
  readme: {
    files: 'Dateien',
    fileOf: {
      observations: 'eine Zeile je Zahl: Indikator, Zeitraum, Wert, Einheit, Status, Quelle und der Satz, in dem sie steht',
      indicators: 'was jeder Indikator zählt, in welcher Einheit und was er nicht ist',
      sources: 'die Dokumente und Seiten, aus denen die Zahlen und Meilensteine stammen, mit ihren Adressen',
      milestones: 'die datierten Gesetze, Übereinkommen, politischen Maßnahmen und Ereignisse',
      datapackage: 'dieselbe Beschreibung für Programme (Frictionless Data Package): Spalten, Typen, Einheiten, Verknüpfungen zwischen Dateien',
    },
    indicators: 'Indikatoren',
    counts: 'Was er zählt',
    notCounts: 'Was er nicht zählt',
    unit: 'Einheit',
    partOf: 'Teil von',
    producer: 'Erstellt von',
    sources: 'Quellen',
    cite: 'Zitierweise',
    licences: 'Lizenzen',
    dataLicence: (name, url) => `Die zusammengestellten Daten: ${name} (${url}). Nennen Sie Vigie und die Produzenten der Zahlen.`,
    codeLicence: 'Der Code von Vigie: Öffentliche Lizenz der Europäischen Union 1.2 (EUPL-1.2)',
    version: (version) => `Datenversion: ${version} (Veröffentlichungstag + Hash des Inhalts; data/CHANGELOG.md sagt, was sich geändert hat).`,
    withheld:
      'Kleine Fallzahlen werden zurückgehalten: Eine Zahl unter dem Schwellenwert hat einen leeren Wert und „< 5“ in der Spalte flag; eine Zahl, die zurückgehalten wird, damit sich eine kleine Fallzahl nicht errechnen lässt, hat einen leeren Wert und ein Wort in der Spalte flag. Keine Datei nennt die Zahl.',
    csvFormat: (delimiter, decimal) => `CSV-Dateien: UTF-8, Trennzeichen „${delimiter}“, Dezimalzeichen „${decimal}“, eine Kopfzeile.`,
    link: 'Online',
  },
  units: { count: 'Anzahl', percent: 'Prozent', percent_change: 'Veränderung in %', multiple: 'Vielfaches (× der Bezugswert)', rate_per_100k: 'je 100.000 Einwohner', target_percent_yearly: 'jährliches Ziel in %', index: 'Index (Basiszeitraum = 100)' },
  fields: {
    indicator: 'Kennung des Indikators (indicators.csv)',
    period: 'Zeitraum nach ISO 8601: Jahr, Monat, Tag oder ein Intervall Beginn/Ende',
    value: 'Die Zahl, in der Einheit der Spalte unit; leer, wenn zurückgehalten',
    flag: 'Warum der Wert leer ist: „< 5“ für eine zurückgehaltene kleine Fallzahl',
    unit: 'Einheit des Werts: Anzahl, Prozent, Veränderung in %, Vielfaches, je 100.000 Einwohner, jährliches Ziel in % oder Index (Basiszeitraum = 100)',
    baseline: 'Bei einer relativen Zahl: der Zeitraum, mit dem sie verglichen wird',
    age_group: 'Altersgruppe, wenn die Zahl nach Alter aufgeschlüsselt ist',
    gender: 'Geschlecht, wenn die Zahl nach Geschlecht aufgeschlüsselt ist',
    region: 'Region, wenn die Zahl nach Region aufgeschlüsselt ist',
    status: 'Status: veröffentlicht, vorläufig oder Schätzung',
    series_break: 'true, wo sich die Definition der Reihe ändert (Reihenbruch)',
    source: 'Kennung der Quelle (sources.csv)',
    quote: 'Der Satz der Quelle, in dem die Zahl steht',
    note: 'Anmerkungen zur Zahl',
    id: 'Kennung',
    offence: 'Art der Straftat',
    label: 'Bezeichnung',
    description: 'Was der Indikator zählt',
    caveat: 'Was die Zahl nicht ist',
    part_of: 'Der Indikator, von dem dieser ein Teil ist (die beiden nie addieren)',
    producer: 'Die Organisation, deren Statistik der Indikator ist (eine Quelle kann sie nur wiedergeben)',
    title: 'Titel',
    publisher: 'Herausgeber',
    date: 'Datum (ISO 8601)',
    url: 'Adresse',
    checked: 'Wann die Quelle zuletzt geprüft wurde',
    number: 'Die Nummer des Meilensteins im Diagramm',
    end_date: 'Enddatum, bei einem Intervall',
    category: 'Kategorie',
    jurisdiction: 'Zuständigkeitsbereich',
    offences: 'Betroffene Arten von Straftaten, getrennt durch ;',
    importance: 'Bedeutung: zentral oder nachrangig',
  },
}

export const DATA_TEXT: Readonly<Record<Locale, DataText>> = { en: EN, fr: FR, nl: NL, de: DE }

/** Vigie's name as publisher and creator in every description. */
export const PUBLISHER = 'Vigie'

/**
 * A plain one-line citation, until the "Cite this view" formats (APA, BibTeX…) replace it:
 * "Vigie (2026). <title>. Data version 2026-12-04+0d30d792. Data: Child Focus; NCMEC; compiled by Vigie. <link>".
 * The credit names the producers of the figures (each indicator's producer), as "Cite this view" does.
 */
export function plainCitation(title: string, version: string, link: string, locale: Locale, producers: readonly string[] = []): string {
  const year = version.slice(0, 4)
  const word = { en: 'Data version', fr: 'Version des données', nl: 'Versie van de gegevens', de: 'Datenversion' }[locale]
  const credit = {
    en: `Data: ${producers.join('; ')}; compiled by ${PUBLISHER}`,
    fr: `Données : ${producers.join(' ; ')} ; compilées par ${PUBLISHER}`,
    nl: `Gegevens: ${producers.join('; ')}; samengesteld door ${PUBLISHER}`,
    de: `Daten: ${producers.join('; ')}; zusammengestellt von ${PUBLISHER}`,
  }[locale]
  const credited = producers.length ? ` ${punctuate(credit, locale)}.` : ''
  return `${PUBLISHER} (${year}). ${title}. ${word} ${version}.${credited}${link ? ` ${link}` : ''}`
}
