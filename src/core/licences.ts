/**
 * Under which terms Vigie's code and compiled data may be reused. Shown in the footer, in
 * data/README.md, in every download and in citations, so a reader who reuses a figure knows what
 * they may do with it.
 */

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
