import type { Locale } from './model'

/**
 * The producers' own terms: figures are facts and reused freely, but the quotes that support them
 * are the publishers' words, reproduced under the right of quotation (Belgian Code of Economic Law,
 * art. XI.189), and stay theirs. The app's footer shows the same text from each language's catalogue
 * (`licence.terms`, so only the English ships with the first load); a test keeps the two the same.
 * In its own module, apart from licences.ts: the first load imports that one, and a module in the
 * first load would bring every language of this text with it.
 */
export const SOURCE_TERMS: Record<Locale, string> = {
  en: 'The figures come from the producers named with each of them. The quotes that support them remain their publishers’ text, reproduced as short quotations (Belgian Code of Economic Law, art. XI.189); reuse them under the publishers’ own terms.',
  fr: 'Les chiffres proviennent des producteurs cités avec chacun d’eux. Les citations qui les appuient restent le texte de leurs éditeurs, reproduites comme courtes citations (Code de droit économique, art. XI.189) ; leur réutilisation suit les conditions de ces éditeurs.',
  nl: 'De cijfers komen van de producenten die bij elk cijfer worden vermeld. De citaten die ze staven blijven de tekst van hun uitgevers, overgenomen als korte citaten (Wetboek van economisch recht, art. XI.189); hergebruik ze onder de voorwaarden van die uitgevers.',
  de: 'Die Zahlen stammen von den Produzenten, die bei jeder von ihnen genannt sind. Die Zitate, die sie belegen, bleiben der Text ihrer Herausgeber und werden als kurze Zitate wiedergegeben (belgisches Wirtschaftsgesetzbuch, Art. XI.189); ihre Weiterverwendung richtet sich nach den Bedingungen dieser Herausgeber.',
}
