/**
 * `npx tsx scripts/function-lengths.ts [folder…] [--over N]`: every function's length in lines
 * (declarations, methods, arrow functions and function expressions; an outer function counts the
 * lines of the ones inside it), longest first. Measures issue 20's "no function over ~80 lines".
 * Reads .ts files and the <script> of .vue files; the default folder is src/core/chart.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'

const args = process.argv.slice(2)
const overAt = args.indexOf('--over')
const over = overAt >= 0 ? Number(args[overAt + 1]) : 0
const folders = args.filter((_, i) => overAt < 0 || (i !== overAt && i !== overAt + 1))

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path]
  return readdirSync(path).flatMap((name) => filesUnder(join(path, name)))
}

/** The script of a .vue file, with the lines before it kept blank so line numbers stay the file's. */
function sourceOf(file: string): string {
  const text = readFileSync(file, 'utf8')
  if (!file.endsWith('.vue')) return text
  const match = /<script[^>]*>([\s\S]*?)<\/script>/.exec(text)
  if (!match) return ''
  return '\n'.repeat(text.slice(0, match.index).split('\n').length - 1) + match[1]
}

interface Length {
  readonly file: string
  readonly name: string
  readonly line: number
  readonly lines: number
}

function nameOf(node: ts.Node): string {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) return node.name.getText()
  const parent = node.parent
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText()
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText()
  return '(anonymous)'
}

function lengthsOf(file: string): Length[] {
  const source = ts.createSourceFile(file, sourceOf(file), ts.ScriptTarget.Latest, true)
  const found: Length[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line
      found.push({ file, name: nameOf(node), line: start + 1, lines: end - start + 1 })
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

const all = (folders.length ? folders : ['src/core/chart'])
  .flatMap(filesUnder)
  .filter((f) => /\.(ts|vue)$/.test(f) && !f.endsWith('.d.ts'))
  .flatMap(lengthsOf)
  .sort((a, b) => b.lines - a.lines)
const shown = all.filter((l) => l.lines > over).slice(0, over ? all.length : 10)
for (const l of shown) console.log(`${String(l.lines).padStart(4)}  ${l.file}:${l.line}  ${l.name}`)
console.log(`${all.length} functions; longest ${all[0]?.lines ?? 0} lines${over ? `; ${shown.length} over ${over}` : ''}`)
