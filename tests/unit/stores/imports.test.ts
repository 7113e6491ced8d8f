// @vitest-environment happy-dom
/**
 * The imports store with a fake import client: the same pure importer core the worker runs, run
 * in-process (src/core/import/pipeline.ts), and an in-memory stand-in for IndexedDB. What is
 * asserted is what the Import screen and the dashboard show.
 */
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ImportedDataset } from '../../../src/core/import/table'
import type { Mapping, ReadSettings } from '../../../src/core/import/mapping'
import type { WriteResult } from '../../../src/import/persist'
import { useDashboardStore } from '../../../src/stores/dashboard'
import { useImportScreenStore } from '../../../src/stores/importScreen'
import { useImportsStore } from '../../../src/stores/imports'
import { useViewStore } from '../../../src/stores/view'
import { fixtureBytes } from '../../helpers/imported'
import { loadBundled } from '../../helpers/stores'

const fake = vi.hoisted(() => ({
  sniffs: 0,
  stored: [] as { dataset: ImportedDataset; replaceId: string | null }[],
  deleted: [] as string[],
  write: 'saved' as WriteResult,
  update: 'saved' as WriteResult,
}))

vi.mock('../../../src/import/client', async () => {
  const { ImportRun, sniffBytes } = await import('../../../src/core/import/pipeline')
  const bytesOf = async (file: Blob) => new Uint8Array(await file.arrayBuffer())
  class Cancelled extends Error {
    constructor() {
      super('cancelled')
    }
  }
  class ImportClient {
    async sniff(file: Blob, forced: Partial<ReadSettings> = {}) {
      fake.sniffs++
      return sniffBytes(await bytesOf(file), true, forced)
    }
    async run(file: Blob, settings: ReadSettings, mapping: Mapping, header: readonly string[], onProgress: (p: { bytes: number; total: number; records: number }) => void) {
      const bytes = await bytesOf(file)
      const run = new ImportRun(settings, mapping, header)
      run.push(bytes)
      const { table, report } = run.finish()
      onProgress({ bytes: bytes.length, total: bytes.length, records: table.length })
      return { type: 'done' as const, table, report, header, settings, ms: 0 }
    }
    async store(dataset: ImportedDataset, replaceId: string | null = null): Promise<WriteResult> {
      if (fake.write === 'saved') fake.stored.push({ dataset, replaceId })
      return fake.write
    }
    cancel(): void {}
  }
  return { Cancelled, ImportClient, PARALLEL_MIN_BYTES: 8 * 1024 * 1024 }
})

vi.mock('../../../src/import/persist', () => ({
  deleteImported: async (id: string): Promise<WriteResult> => {
    fake.deleted.push(id)
    return 'saved'
  },
  updateImported: async (): Promise<WriteResult> => fake.update,
  discardSetAside: async (): Promise<void> => {},
  // What another tab's datasets store reads back when this one announces a change (the channel
  // reaches the stores of earlier tests too): the stand-in database's record.
  loadOne: async (id: string): Promise<ImportedDataset | null> =>
    fake.deleted.includes(id) ? null : ([...fake.stored].reverse().find((s) => s.dataset.id === id)?.dataset ?? null),
  readMeta: async (id: string): Promise<Omit<ImportedDataset, 'table'> | null> => {
    const dataset = fake.deleted.includes(id) ? undefined : [...fake.stored].reverse().find((s) => s.dataset.id === id)?.dataset
    return dataset ? (Object.fromEntries(Object.entries(dataset).filter(([key]) => key !== 'table')) as Omit<ImportedDataset, 'table'>) : null
  },
}))

beforeEach(() => {
  setActivePinia(createPinia())
  localStorage.clear()
  Object.assign(fake, { sniffs: 0, stored: [], deleted: [], write: 'saved', update: 'saved' })
})
afterEach(() => vi.unstubAllGlobals())

const fileOf = (name: string) => new File([fixtureBytes(name) as BlobPart], name, { type: 'text/csv' })

/** Waits (bounded) until the importer reaches `stage`. */
async function reaches(imports: ReturnType<typeof useImportsStore>, stage: string): Promise<void> {
  await vi.waitFor(() => expect(imports.stage).toBe(stage), { timeout: 5000, interval: 5 })
}

/** Adds a file and takes it through detection, the check and the import, as the screen's buttons do. */
async function importFile(imports: ReturnType<typeof useImportsStore>, name: string): Promise<void> {
  imports.addFiles([fileOf(name)])
  await reaches(imports, 'mapping')
  await imports.check()
  expect(imports.stage).toBe('report')
  await imports.importValid()
}

describe('imports store (what an import adds and removes)', () => {
  it('detects a file, checks it and adds its series to the dashboard once stored', async () => {
    const datasets = await loadBundled()
    const imports = useImportsStore()
    imports.addFiles([fileOf('owid-layout.csv')])
    await reaches(imports, 'mapping')
    expect(imports.sniff?.header).toContain('CyberTipline reports')
    expect(imports.name).toBe('owid-layout')
    await imports.check()
    expect(imports.stage).toBe('report')
    expect(imports.result?.table.length).toBeGreaterThan(0)
    await imports.importValid()
    expect(imports.stage).toBe('done')
    expect(fake.stored).toHaveLength(1)
    const [entry] = datasets.imported
    expect(entry?.meta.name).toBe('owid-layout')
    expect(entry?.stored).toBe(true)
    expect(imports.notices.at(-1)).toMatchObject({ key: 'imported', tone: 'success', params: { name: 'owid-layout' } })
    // The dashboard can draw them.
    const ids = datasets.dataset.indicators.filter((i) => i.dataset === entry!.meta.id).map((i) => i.id)
    useViewStore().setIndicators(ids)
    expect(useDashboardStore().trendView.series.length).toBeGreaterThan(0)
  })

  it('refuses an empty file at once, without reading it', async () => {
    await loadBundled()
    const imports = useImportsStore()
    imports.addFiles([new File([], 'empty.csv')])
    expect(imports.notices.at(-1)).toMatchObject({ key: 'problem.empty', tone: 'error', params: { name: 'empty.csv' } })
    expect(imports.queue).toEqual([])
    expect(fake.sniffs).toBe(0)
  })

  it('says a spreadsheet file is not a CSV, and loads nothing', async () => {
    const datasets = await loadBundled()
    const imports = useImportsStore()
    imports.addFiles([fileOf('bad-xlsx.csv')])
    await reaches(imports, 'problem')
    expect(imports.problem?.key).toMatch(/^problem\./)
    expect(imports.problem?.params.name).toBe('bad-xlsx.csv')
    expect(datasets.imported).toEqual([])
  })

  it('asks before reusing a name, then replaces the old dataset when told to', async () => {
    const datasets = await loadBundled()
    const imports = useImportsStore()
    await importFile(imports, 'owid-layout.csv')
    const first = datasets.imported[0]!.meta.id
    imports.addFiles([fileOf('owid-layout.csv')])
    await reaches(imports, 'mapping')
    await imports.check()
    await imports.importValid()
    expect(imports.stage).toBe('clash')
    await imports.resolveClash('replace')
    expect(datasets.imported.map((e) => e.meta.name)).toEqual(['owid-layout'])
    expect(datasets.imported[0]!.meta.id).not.toBe(first)
    expect(fake.stored.at(-1)?.replaceId).toBe(first)
  })

  it('keeps both datasets when the second is renamed at the clash', async () => {
    const datasets = await loadBundled()
    const imports = useImportsStore()
    await importFile(imports, 'owid-layout.csv')
    imports.addFiles([fileOf('owid-layout.csv')])
    await reaches(imports, 'mapping')
    await imports.check()
    await imports.importValid()
    await imports.resolveClash('rename', 'OWID again')
    expect(datasets.imported.map((e) => e.meta.name)).toEqual(['owid-layout', 'OWID again'])
  })

  it('keeps an import for the session and says so when the browser cannot store it', async () => {
    const datasets = await loadBundled()
    const imports = useImportsStore()
    fake.write = 'quota'
    await importFile(imports, 'owid-layout.csv')
    expect(imports.stage).toBe('done')
    expect(datasets.imported[0]?.stored).toBe(false)
    expect(imports.notices.map((n) => n.key)).toEqual(expect.arrayContaining(['imported', 'storage.quota']))
  })

  it('hides, renames and deletes an imported dataset; a taken name is refused', async () => {
    const datasets = await loadBundled()
    const imports = useImportsStore()
    await importFile(imports, 'owid-layout.csv')
    await importFile(imports, 'police-count-rate.csv')
    const [owid, police] = datasets.imported.map((e) => e.meta.id)
    const inDashboard = (id: string) => datasets.dataset.indicators.some((i) => i.dataset === id)

    await imports.setHidden(owid!, true)
    expect(inDashboard(owid!)).toBe(false)
    await imports.setHidden(owid!, false)
    expect(inDashboard(owid!)).toBe(true)

    expect(await imports.rename(police!, 'OWID-LAYOUT')).toBe(false)
    expect(imports.notices.at(-1)).toMatchObject({ key: 'panel.nameTaken', tone: 'error' })
    expect(await imports.rename(police!, 'Police 2024')).toBe(true)
    expect(datasets.imported.map((e) => e.meta.name)).toEqual(['owid-layout', 'Police 2024'])

    await imports.remove(owid!)
    expect(inDashboard(owid!)).toBe(false)
    expect(datasets.imported.map((e) => e.meta.name)).toEqual(['Police 2024'])
    expect(fake.deleted).toEqual([owid])
  })

  it('puts a rename back when another tab deleted the dataset meanwhile', async () => {
    const datasets = await loadBundled()
    const imports = useImportsStore()
    await importFile(imports, 'owid-layout.csv')
    const id = datasets.imported[0]!.meta.id
    fake.update = 'gone'
    expect(await imports.rename(id, 'Renamed')).toBe(false)
    expect(datasets.imported).toEqual([])
    expect(imports.notices.at(-1)).toMatchObject({ key: 'panel.gone', tone: 'error' })
  })

  it('remembers the column roles of a header for the next file with that header', async () => {
    await loadBundled()
    const imports = useImportsStore()
    await importFile(imports, 'owid-layout.csv')
    imports.addFiles([fileOf('owid-layout.csv')])
    await reaches(imports, 'mapping')
    expect(imports.remembered).toBe(true)
  })

  it('gives the series the user brings into the label editor their settings, and keeps those already edited', async () => {
    await loadBundled()
    const imports = useImportsStore()
    imports.addFiles([fileOf('owid-layout.csv')])
    await reaches(imports, 'mapping')
    const mapping = imports.mapping!
    mapping.defaults.offence = 'grooming'
    const [edited] = Object.keys(mapping.overrides)
    mapping.overrides[edited!]!.label = 'My own label'
    imports.fillOverrides([edited!, 'A column the user just picked'])
    expect(mapping.overrides['A column the user just picked']).toEqual({ label: 'A column the user just picked', offence: 'grooming', unit: mapping.defaults.unit })
    expect(mapping.overrides[edited!]!.label).toBe('My own label')
    // A series called like an Object method is a series like any other.
    imports.fillOverrides(['hasOwnProperty'])
    expect(Object.keys(mapping.overrides)).toContain('hasOwnProperty')
  })

  it('exports an imported dataset as canonical CSV under a safe file name', async () => {
    const datasets = await loadBundled()
    const imports = useImportsStore()
    await importFile(imports, 'owid-layout.csv')
    const out = imports.exportCsv(datasets.imported[0]!.meta.id)
    expect(out?.fileName).toBe('owid-layout-observations.csv')
    expect(out?.text.split('\n')[0]).toContain('indicator')
    expect(out?.text).toContain('21304')
  })
})

describe('import screen store (what the Import screen offers and edits)', () => {
  it('edits the mapping as the user does: a column has one role, and series brought into the label editor get their settings', async () => {
    await loadBundled()
    const imports = useImportsStore()
    const screen = useImportScreenStore()
    imports.addFiles([fileOf('owid-layout.csv')])
    await reaches(imports, 'mapping')
    const m = imports.mapping!
    const header = imports.sniff!.header
    // The wide layout reads the two number columns as series; Entity and Code are left out (named, none vanishes).
    expect(m.shape).toBe('wide')
    expect(screen.editable).toEqual(['CyberTipline reports', 'Reports per 100,000 people'])
    expect(screen.unusedNames).toEqual(expect.arrayContaining(['Code']))
    // Taking a series column as the period takes it out of the series.
    const reports = header.indexOf('CyberTipline reports')
    screen.setRole('period', reports)
    expect(m.roles.period).toBe(reports)
    expect(m.series).not.toContain(reports)
    expect(screen.editable).toEqual(['Reports per 100,000 people'])
    // Read as a long file with Entity naming the series: its entities come into the editor with their settings.
    screen.setShape('long')
    screen.setRole('indicator', header.indexOf('Entity'))
    expect(screen.editable).toEqual(['Belgium', 'Netherlands', 'World'])
    expect(Object.keys(m.overrides)).toEqual(expect.arrayContaining(['Belgium', 'Netherlands', 'World']))
    expect(m.overrides.Belgium).toEqual({ label: 'Belgium', offence: m.defaults.offence, unit: m.defaults.unit })
    // A column the layout leaves can be read as a series of its own, and not.
    const code = header.indexOf('Code')
    expect(screen.otherColumns).toContain(code)
    screen.toggleExtra(code, true)
    expect(m.extras).toEqual([{ column: code, unit: 'count', period: '' }])
    expect(screen.unusedNames).not.toContain('Code')
    screen.toggleExtra(code, false)
    expect(m.extras).toEqual([])
  })

  it('summarises each imported dataset, takes a valid threshold and refuses another, and links to its series', async () => {
    const datasets = await loadBundled()
    const imports = useImportsStore()
    const screen = useImportScreenStore()
    await importFile(imports, 'owid-layout.csv')
    const [row] = screen.datasetSummaries
    expect(row!.summary.rows).toBeGreaterThan(0)
    expect(row!.suppressOff).toBe(false)
    const id = row!.entry.meta.id
    expect(await screen.enterThreshold(id, '2.5')).toEqual({ problem: 'notWhole' })
    expect(await screen.enterThreshold(id, '5000')).toEqual({ problem: 'range' })
    expect(await screen.enterThreshold(id, '10')).toEqual({ saved: true })
    expect(screen.datasetSummaries[0]!.suppressBelow).toBe(10)
    await screen.suppressOff(id)
    expect(screen.datasetSummaries[0]!.suppressOff).toBe(true)
    const ids = screen.indicatorsOf(id).split(',')
    expect(ids.sort()).toEqual(datasets.dataset.indicators.filter((i) => i.dataset === id).map((i) => i.id).sort())
    expect(screen.indicatorsOf('gone')).toBe('')
  })

  it('reads the file again with other settings, and writes the check’s report with the reader’s words', async () => {
    await loadBundled()
    const imports = useImportsStore()
    const screen = useImportScreenStore()
    imports.addFiles([fileOf('bad-values.csv')])
    await reaches(imports, 'mapping')
    await screen.setDecimal('comma')
    expect(imports.settings?.numberFormat.decimal).toBe(',')
    await screen.setDecimal('point')
    expect(imports.settings?.numberFormat.decimal).toBe('.')
    await imports.check()
    const file = screen.reportFile((issue) => `reason ${issue.code}`, ['Line', 'Column', 'Series', 'Value', 'Reason'])
    const lines = file.trim().split('\r\n')
    expect(lines[0]).toBe('Line,Column,Series,Value,Reason')
    expect(lines.some((l) => l.includes('many') && l.endsWith('reason not_a_number'))).toBe(true)
    // A preview cell's start is cut by whole characters, never inside an emoji.
    expect(screen.cellStart('ab😀cd', 3)).toBe('ab')
  })
})

