import { xmlSafe } from './xmlText'

/**
 * Formula neutralisation for CSV files we write (OWASP "CSV injection"). A spreadsheet may split a
 * line on `,`, `;`, tab or `|` whatever we meant (a Belgian Excel splits a comma file on `;`), and a
 * naive reader on line breaks inside quotes: so at the start of a cell *and after each of these*,
 * text going on with `=`, `+`, `-`, `@`, tab or carriage return (possibly behind apostrophes) gets
 * one more apostrophe. `unneutraliseFormulas` removes exactly those again, so a file Vigie wrote
 * imports back as the same text.
 */
const RISKY = /(?<=^|[,;\t|\r\n])(?='*[=+\-@\t\r])/g
const NEUTRALISED = /(?<=^|[,;\t|\r\n])'(?='*[=+\-@\t\r])/g

export function neutraliseFormulas(text: string): string {
  return xmlSafe(text).replace(RISKY, "'")
}

export function unneutraliseFormulas(text: string): string {
  return text.indexOf("'") < 0 ? text : text.replace(NEUTRALISED, '')
}
