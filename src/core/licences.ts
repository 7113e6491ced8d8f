/**
 * Under which terms Vigie's code and compiled data may be reused. Shown in the footer, in
 * data/README.md, in every download and in citations, so a reader who reuses a figure knows what
 * they may do with it.
 */
import type { Locale } from './model'

export interface Licence {
  /** SPDX identifier. */
  readonly id: string
  readonly name: string
  readonly url: string
}

/**
 * The code: the European Union Public Licence 1.2, written for public-interest software in every EU
 * language (French, Dutch and German texts are equally valid), compatible with the GPL, MPL and
 * other copyleft licences. The full text is in LICENSE.
 */
export const CODE_LICENCE: Licence = {
  id: 'EUPL-1.2',
  name: 'European Union Public Licence 1.2',
  url: 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12',
}

/** The compiled data set (data/*.csv): Creative Commons Attribution 4.0, credit "Vigie" and the producers. */
export const DATA_LICENCE: Licence = {
  id: 'CC-BY-4.0',
  name: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
}

/**
 * The producers' own terms: figures are facts and reused freely, but the quotes that support them
 * are the publishers' words, reproduced under the right of quotation (Belgian Code of Economic Law,
 * art. XI.189), and stay theirs.
 */
export const SOURCE_TERMS: Record<Locale, string> = {
  en: 'The figures come from the producers named with each of them. The quotes that support them remain their publishers’ text, reproduced as short quotations (Belgian Code of Economic Law, art. XI.189); reuse them under the publishers’ own terms.',
  de: 'Die Zahlen stammen von den Produzenten, die bei jeder von ihnen genannt sind. Die Zitate, die sie belegen, bleiben der Text ihrer Herausgeber und werden als kurze Zitate wiedergegeben (belgisches Wirtschaftsgesetzbuch, Art. XI.189); ihre Weiterverwendung richtet sich nach den Bedingungen dieser Herausgeber.',
  fr: 'Les chiffres proviennent des producteurs cités avec chacun d’eux. Les citations qui les appuient restent le texte de leurs éditeurs, reproduites comme courtes citations (Code de droit économique, art. XI.189) ; leur réutilisation suit les conditions de ces éditeurs.',
  nl: 'De cijfers komen van de producenten die bij elk cijfer worden vermeld. De citaten die ze staven blijven de tekst van hun uitgevers, overgenomen als korte citaten (Wetboek van economisch recht, art. XI.189); hergebruik ze onder de voorwaarden van die uitgevers.',
}
