/** Types of the part of bibtex-parse (no types of its own) the citation tests read. */
declare module 'bibtex-parse' {
  export interface BibField {
    readonly name: string
    /** The value without its outer braces, inner braces kept as written. */
    readonly value: string
    readonly datatype: 'braced' | 'quoted' | 'number' | 'identifier' | 'concatinate'
    readonly raw: string
  }
  export interface BibItem {
    readonly itemtype: 'entry' | 'comment' | 'string' | 'preamble'
    readonly type?: string
    readonly key?: string
    readonly fields?: readonly BibField[]
  }
  export function parse(text: string): BibItem[]
  const bibtexParse: { parse: typeof parse }
  export default bibtexParse
}
