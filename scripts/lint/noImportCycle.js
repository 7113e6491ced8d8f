/**
 * ESLint rule `vigie/no-import-cycle`: no module of src/ may reach itself through its imports,
 * `import type`, re-exports and dynamic `import()` included (import-x's no-cycle skips type-only
 * imports; a cycle through a type is still two modules that cannot be read apart).
 *
 * The graph is read from disk (import specifiers found by a regular expression, relative ones
 * resolved with the extensions Vite resolves), except the linted file, whose edges come from its AST,
 * so an unsaved edit is checked too. Each import that closes a cycle is reported with the cycle.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

const EXTENSIONS = ['.ts', '.vue', '.js', '.mjs']
const SOURCE = /\.(ts|vue|js|mjs)$/
const SPECIFIER = /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\bimport\s+['"]([^'"]+)['"]/g

/** The file a relative specifier names, or null (packages, virtual modules, assets). */
export function resolveSpecifier(fromFile, specifier) {
  if (!specifier.startsWith('.')) return null
  const base = resolve(dirname(fromFile), specifier)
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => join(base, 'index' + e))]
  for (const c of candidates) if (SOURCE.test(c) && existsSync(c) && statSync(c).isFile()) return c
  return null
}

/** Module file -> { mtime, targets }, kept while the file's modification time stays the same. */
const cache = new Map()

function edgesOnDisk(file) {
  const mtime = statSync(file).mtimeMs
  const hit = cache.get(file)
  if (hit && hit.mtime === mtime) return hit.targets
  const text = readFileSync(file, 'utf8')
  const targets = new Set()
  for (const m of text.matchAll(SPECIFIER)) {
    const target = resolveSpecifier(file, m[1] ?? m[2] ?? m[3])
    if (target) targets.add(target)
  }
  cache.set(file, { mtime, targets })
  return targets
}

/** A shortest path of imports from `start` back to `goal`, or null (breadth-first, each file once). */
function pathBack(start, goal, root) {
  const previous = new Map([[start, null]])
  const queue = [start]
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i]
    if (file === goal) {
      const path = []
      for (let f = file; f !== null; f = previous.get(f)) path.unshift(f)
      return path
    }
    if (!file.startsWith(root) || !existsSync(file)) continue
    for (const next of edgesOnDisk(file)) {
      if (previous.has(next)) continue
      previous.set(next, file)
      queue.push(next)
    }
  }
  return null
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'No import cycles between modules of src/, type-only and dynamic imports included.' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: { cycle: 'Import cycle: {{cycle}}. Move the shared part down a layer.' },
  },
  create(context) {
    const file = context.physicalFilename
    const root = context.options[0]?.root ?? join(context.cwd, 'src')
    if (!file.startsWith(root)) return {}
    const check = (node) => {
      if (node.source?.type !== 'Literal' || typeof node.source.value !== 'string') return
      const target = resolveSpecifier(file, node.source.value)
      if (!target || target === file) return
      const path = pathBack(target, file, root)
      if (path) context.report({ node, messageId: 'cycle', data: { cycle: [file, ...path].map((f) => relative(root, f)).join(' -> ') } })
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    }
  },
}

