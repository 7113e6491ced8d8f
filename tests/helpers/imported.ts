import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { importBytes } from '../../src/core/import/pipeline'
import type { ImportedDataset } from '../../src/core/import/table'

/** A fixture of tests/fixtures/import as its bytes (from the project folder: happy-dom gives modules http URLs). */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve('tests/fixtures/import', name)))
}

/** A fixture read by the importer's core with what it detects, as the datasets store keeps it. */
export function importedFixture(name: string, id: string, label = name): ImportedDataset {
  const out = importBytes(fixtureBytes(name))
  if (!out.ok) throw new Error(`${name}: ${out.problem}`)
  return { id, name: label, fileName: name, importedAt: '2026-01-01T00:00:00.000Z', hidden: false, table: out.result.table }
}
