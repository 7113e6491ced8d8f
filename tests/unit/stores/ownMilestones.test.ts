// @vitest-environment happy-dom
/**
 * The own milestones store with an in-memory stand-in for IndexedDB and the importer core run
 * in-process: what is asserted is what the Timeline, the dashboard and the Import screen show.
 */
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ReadSettings } from '../../../src/core/import/mapping'
import type { OwnSet } from '../../../src/core/ownMilestones'
import { EMPTY_INPUT } from '../../../src/core/ownMilestonesRead'
import type { WriteResult } from '../../../src/import/persist'
import { useDashboardStore } from '../../../src/stores/dashboard'
import { useImportsStore } from '../../../src/stores/imports'
import { useOwnMilestonesStore } from '../../../src/stores/ownMilestones'
import { useViewStore } from '../../../src/stores/view'
import { fromQuery, toQuery } from '../../../src/url/viewQuery'
import { loadBundled } from '../../helpers/stores'

const fake = vi.hoisted(() => ({ sets: new Map<string, OwnSet>(), given: 0, write: 'saved' as WriteResult }))

vi.mock('../../../src/import/persist', () => ({
  saveOwn: async (set: OwnSet, given: number): Promise<WriteResult> => {
    if (fake.write !== 'saved') return fake.write
    fake.sets.set(set.id, set)
    fake.given = Math.max(fake.given, given)
    return 'saved'
  },
  deleteOwn: async (id: string): Promise<WriteResult> => {
    fake.sets.delete(id)
    return 'saved'
  },
}))

vi.mock('../../../src/import/client', async () => {
  const { sniffBytes } = await import('../../../src/core/import/pipeline')
  class Cancelled extends Error {}
  class ImportClient {
    async sniff(file: Blob, forced: Partial<ReadSettings> = {}) {
      return sniffBytes(new Uint8Array(await file.arrayBuffer()), true, forced)
    }
    cancel(): void {}
  }
  return { Cancelled, ImportClient, PARALLEL_MIN_BYTES: 8 * 1024 * 1024 }
})

beforeEach(() => {
  setActivePinia(createPinia())
  localStorage.clear()
  Object.assign(fake, { sets: new Map(), given: 0, write: 'saved' })
})
afterEach(() => vi.unstubAllGlobals())

const typed = (title: string, date = '2019-05') => ({ ...EMPTY_INPUT, date, title_en: title, category: 'campaign', offences: 'grooming' })

describe('own milestones store', () => {
  it('adds one by hand: stored, drawn on the dashboard as Y1 beside the bundled numbers, which do not move', async () => {
    await loadBundled()
    const dashboard = useDashboardStore()
    const before = dashboard.numbered.map((m) => m.number)
    const own = useOwnMilestonesStore()
    const result = await own.add(typed('Our campaign'), 'My milestones')
    expect(result).toEqual({ problems: [], tag: 'Y1' })
    expect([...fake.sets.values()][0]!.milestones[0]!.title.en).toBe('Our campaign')
    expect(dashboard.numbered.filter((m) => !m.tag).map((m) => m.number)).toEqual(before)
    expect(dashboard.timelineMilestones.find((m) => m.tag === 'Y1')?.milestone.title.en).toBe('Our campaign')
  })

  it('refuses a bad form with each field’s problem, storing nothing', async () => {
    await loadBundled()
    const own = useOwnMilestonesStore()
    const result = await own.add({ ...EMPTY_INPUT, date: '2019-02-30', source: 'ftp://x' }, 'My milestones')
    expect(result.tag).toBe('')
    expect(result.problems.map((p) => p.field)).toEqual(['date', 'title_en', 'source'])
    expect(fake.sets.size).toBe(0)
  })

  it('edits one keeping its mark, and never gives a deleted mark again', async () => {
    await loadBundled()
    const own = useOwnMilestonesStore()
    await own.add(typed('One'), 'Mine')
    await own.add(typed('Two'), 'Mine')
    const two = own.all.find((m) => m.tag === 'Y2')!.milestone
    await own.update(two.id, typed('Two, edited', '2020'))
    expect(own.all.map((m) => [m.tag, m.milestone.title.en, m.milestone.date])).toEqual([
      ['Y1', 'One', '2019-05'],
      ['Y2', 'Two, edited', '2020'],
    ])
    await own.remove(two.id)
    expect((await own.add(typed('Three'), 'Mine')).tag).toBe('Y3')
    expect(own.all.map((m) => m.tag)).toEqual(['Y1', 'Y3'])
  })

  it('filters them by category and offence like the data set’s', async () => {
    await loadBundled()
    const own = useOwnMilestonesStore()
    const view = useViewStore()
    const dashboard = useDashboardStore()
    await own.add(typed('Grooming campaign'), 'Mine')
    await own.add({ ...typed('A law on sexting'), category: 'law', offences: 'sexting' }, 'Mine')
    view.toggleCategory('law')
    expect(dashboard.timelineMilestones.filter((m) => m.tag).map((m) => m.tag)).toEqual(['Y2'])
    view.toggleCategory('law')
    view.toggleOffence('grooming')
    expect(dashboard.timelineMilestones.filter((m) => m.tag).map((m) => m.tag)).toEqual(['Y1'])
    expect(dashboard.ownShown).toEqual([own.all[0]!.milestone.id])
  })

  it('keeps them for the session and says so when the browser refuses to store them', async () => {
    await loadBundled()
    fake.write = 'quota'
    const own = useOwnMilestonesStore()
    await own.add(typed('Kept in memory'), 'Mine')
    expect(own.all).toHaveLength(1)
    expect(own.notice?.key).toBe('own.notStored')
  })

  it('reads a milestones file dropped on the Import screen: bad line named, valid rows added as a set; hide, rename, export, delete', async () => {
    const datasets = await loadBundled()
    const imports = useImportsStore()
    const own = useOwnMilestonesStore()
    const text = 'Datum;Titel;Categorie;Misdrijven\n2018-03;Lokale campagne;campaign;grooming\n2019-14;Slechte datum;event;general\n2020;Nieuwe eenheid;project;csam\n'
    imports.addFiles([new File([text], 'lokaal.csv', { type: 'text/csv' })])
    await vi.waitFor(() => expect(imports.stage).toBe('milestones'), { timeout: 5000, interval: 5 })
    expect(own.pending?.read.issues.map((i) => [i.line, i.column, i.field, i.code])).toEqual([[3, 1, 'date', 'date_malformed']])
    await own.addPending()
    await imports.milestonesDone(true)
    expect(own.sets.map((s) => [s.name, s.milestones.length])).toEqual([['lokaal', 2]])
    expect(own.all.map((m) => m.tag)).toEqual(['Y1', 'Y2'])
    const id = own.sets[0]!.id
    await own.setHidden(id, true)
    expect(datasets.dataset.milestones.some((m) => m.own)).toBe(false)
    await own.renameSet(id, 'Arrondissement')
    expect(fake.sets.get(id)?.name).toBe('Arrondissement')
    expect(own.csvOf(id).split('\r\n')[1]).toBe('2018-03,,month,campaign,,grooming,Lokale campagne,Lokale campagne,Lokale campagne,,,,key,Lokale campagne')
    await own.deleteSet(id)
    expect(own.sets).toEqual([])
    expect(fake.sets.size).toBe(0)
  })

  it('the mapping step reads a field from the column the reader picks, checking every row again', async () => {
    await loadBundled()
    const imports = useImportsStore()
    const own = useOwnMilestonesStore()
    imports.addFiles([new File(['date,title,Kommentar\n2018,A,first\n2019,B,second\n'], 'm.csv', { type: 'text/csv' })])
    await vi.waitFor(() => expect(imports.stage).toBe('milestones'), { timeout: 5000, interval: 5 })
    expect(own.pending?.mapping.note).toBe(-1)
    own.remap('note', 2)
    expect(own.pending?.read.milestones.map((m) => m.note)).toEqual(['first', 'second'])
    // Moving the title onto the date's column: the date is no longer read, and every row says so.
    own.remap('title_en', 0)
    expect(own.pending?.mapping.date).toBe(-1)
    expect(own.pending?.read.issues.map((i) => [i.line, i.code])).toEqual([
      [2, 'date_missing'],
      [3, 'date_missing'],
    ])
  })

  it('a link names the own milestones shown; another reader’s state has them, to count those missing', async () => {
    await loadBundled()
    const own = useOwnMilestonesStore()
    const view = useViewStore()
    await own.add(typed('Ours'), 'Mine')
    view.setOwn(useDashboardStore().ownShown)
    const query = toQuery(view.state)
    expect(query.own).toBe(own.all[0]!.milestone.id)
    // Opened elsewhere: the ids come back (and a made-up one is dropped with a notice, never shown).
    const { state, notices } = fromQuery({ ...query, own: `${query.own},<script>` }, { indicators: new Set(), sources: new Set() })
    expect(state.own).toEqual([own.all[0]!.milestone.id])
    expect(notices.map((n) => n.param)).toEqual(['own'])
  })
})
