import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import {
  checkOwnInput,
  EMPTY_INPUT,
  inputOf,
  newOwnId,
  nextSeq,
  ownSetCsv,
  readMilestonesFile,
  type OwnFileRead,
  type OwnInput,
  type OwnMapping,
} from '../core/ownMilestonesRead'
import { OWN_MAX, ownTag, type OwnField, type OwnMilestone, type OwnProblem, type OwnSet } from '../core/ownMilestones'
import type { WriteResult } from '../import/persist'
import { useDatasetsStore } from './datasets'

/** A notice of the own milestones' actions, worded by the screen. */
export interface OwnNotice {
  readonly key: string
  readonly params: Readonly<Record<string, string | number>>
  readonly tone: 'success' | 'warning'
}

/** A milestones file is a list of dates and titles: past this size it is not one. */
export const OWN_FILE_BYTES = 2 * 1024 * 1024

/** A milestones file read and checked, waiting for the reader to add its valid rows. */
export interface PendingFile {
  readonly name: string
  readonly header: readonly string[]
  readonly mapping: OwnMapping
  readonly read: OwnFileRead
  /** The file's text and delimiter, to read again when the reader maps a column otherwise. */
  readonly text: string
  readonly delimiter: string
}

/** The set that milestones added by hand go to. */
const BY_HAND_ID = 'own-by-hand'

/** The storage (src/import/persist.ts), loaded with the first change: a reader who never adds one never fetches it. */
async function storage() {
  return import('../import/persist')
}

/**
 * The reader's own milestones: add, edit and delete one by hand, add a checked file's as a set,
 * rename, hide, delete and export a set. The sets live in the datasets store (which draws them);
 * each change is written to IndexedDB and announced to the other tabs. A write that fails keeps
 * the change for the session and says so.
 */
export const useOwnMilestonesStore = defineStore('ownMilestones', () => {
  const datasets = useDatasetsStore()
  const notice = ref<OwnNotice | null>(null)
  const sets = computed(() => datasets.ownSets)
  /** Every own milestone with its set and mark, in the order they were made. */
  const all = computed(() =>
    sets.value
      .flatMap((set) => set.milestones.map((milestone) => ({ milestone, set, tag: ownTag(milestone.seq) })))
      .sort((a, b) => a.milestone.seq - b.milestone.seq),
  )
  const count = computed(() => all.value.length)

  async function write(set: OwnSet | null, deleteId = ''): Promise<WriteResult> {
    const others = sets.value.filter((s) => s.id !== (set?.id ?? deleteId))
    const next = set ? [...others, set].sort((a, b) => a.createdAt.localeCompare(b.createdAt)) : others
    const given = Math.max(datasets.ownGiven, ...next.flatMap((s) => s.milestones.map((m) => m.seq)))
    datasets.setOwn(next, given)
    const persist = await storage()
    const result = set ? await persist.saveOwn(set, given) : await persist.deleteOwn(deleteId)
    if (result === 'saved') datasets.announceOwn()
    else notice.value = { key: 'own.notStored', params: {}, tone: 'warning' }
    return result
  }

  function byHandSet(name: string): OwnSet {
    return sets.value.find((s) => s.id === BY_HAND_ID) ?? { id: BY_HAND_ID, name, hidden: false, createdAt: new Date().toISOString(), byHand: true, milestones: [] }
  }

  /** Adds one typed in the form to the reader's hand-made set (`setName` names it when it is new). */
  async function add(input: OwnInput, setName: string): Promise<{ problems: OwnProblem[]; tag: string }> {
    const { value, problems } = checkOwnInput(input)
    if (!value || count.value >= OWN_MAX) return { problems, tag: '' }
    const seq = nextSeq(sets.value, datasets.ownGiven)
    const set = byHandSet(setName)
    const saved = await write({ ...set, hidden: false, milestones: [...set.milestones, { ...value, id: newOwnId(), seq }] })
    if (saved === 'saved') notice.value = { key: 'own.saved', params: { tag: ownTag(seq) }, tone: 'success' }
    return { problems: [], tag: ownTag(seq) }
  }

  function find(id: string): { set: OwnSet; milestone: OwnMilestone } | null {
    for (const set of sets.value) {
      const milestone = set.milestones.find((m) => m.id === id)
      if (milestone) return { set, milestone }
    }
    return null
  }

  /** Saves the form's fields over one of the reader's own: its id and mark stay. */
  async function update(id: string, input: OwnInput): Promise<{ problems: OwnProblem[]; tag: string }> {
    const found = find(id)
    const { value, problems } = checkOwnInput(input)
    if (!found || !value) return { problems, tag: '' }
    const { set, milestone } = found
    const saved = await write({ ...set, milestones: set.milestones.map((m) => (m.id === id ? { ...value, id, seq: milestone.seq } : m)) })
    if (saved === 'saved') notice.value = { key: 'own.saved', params: { tag: ownTag(milestone.seq) }, tone: 'success' }
    return { problems: [], tag: ownTag(milestone.seq) }
  }

  /** Deletes one; its mark is never given again (the highest given is kept). */
  async function remove(id: string): Promise<void> {
    const found = find(id)
    if (!found) return
    const milestones = found.set.milestones.filter((m) => m.id !== id)
    const saved = await write(milestones.length || found.set.byHand ? { ...found.set, milestones } : null, found.set.id)
    if (saved === 'saved') notice.value = { key: 'own.deleted', params: { tag: ownTag(found.milestone.seq) }, tone: 'success' }
  }

  /** A checked file's milestones as a new set, numbered on from the last mark given. */
  async function addSet(name: string, milestones: readonly Omit<OwnMilestone, 'id' | 'seq'>[]): Promise<OwnSet | null> {
    notice.value = null
    const room = Math.max(0, OWN_MAX - count.value)
    if (milestones.length === 0 || room === 0) return null
    const first = nextSeq(sets.value, datasets.ownGiven)
    const set: OwnSet = {
      id: `own-${newOwnId()}`,
      name: name.trim() || 'milestones',
      hidden: false,
      createdAt: new Date().toISOString(),
      byHand: false,
      milestones: milestones.slice(0, room).map((m, i) => ({ ...m, id: newOwnId(), seq: first + i })),
    }
    await write(set)
    return set
  }

  async function renameSet(id: string, name: string): Promise<void> {
    const set = sets.value.find((s) => s.id === id)
    if (set && name.trim()) await write({ ...set, name: name.trim() })
  }

  async function setHidden(id: string, hidden: boolean): Promise<void> {
    const set = sets.value.find((s) => s.id === id)
    if (set) await write({ ...set, hidden })
  }

  async function deleteSet(id: string): Promise<void> {
    if (sets.value.some((s) => s.id === id)) await write(null, id)
  }

  /** A set as CSV in data/milestones.csv's columns. */
  function csvOf(id: string): string {
    const set = sets.value.find((s) => s.id === id)
    return set ? ownSetCsv(set) : ''
  }

  const pending = shallowRef<PendingFile | null>(null)

  /**
   * Reads a file the Import screen detected as milestones (its header), in the encoding and with
   * the delimiter detection found: every row checked, bad ones named by line and column. False
   * (and a notice) when the file is too large to be one.
   */
  async function readFile(file: File, settings: { encoding: string; delimiter: string }, header: readonly string[], mapping: OwnMapping): Promise<boolean> {
    pending.value = null
    if (file.size > OWN_FILE_BYTES) {
      notice.value = { key: 'own.file.tooLarge', params: { name: file.name }, tone: 'warning' }
      return false
    }
    const bytes = new Uint8Array(await file.arrayBuffer())
    let text: string
    try {
      text = new TextDecoder(settings.encoding).decode(bytes)
    } catch {
      text = new TextDecoder('windows-1252').decode(bytes)
    }
    pending.value = { name: file.name, header, mapping, read: readMilestonesFile(text, file.name, mapping, settings.delimiter), text, delimiter: settings.delimiter }
    return true
  }

  /** The mapping step: reads `field` from another column (-1: none), and checks every row again. */
  function remap(field: OwnField, column: number): void {
    const file = pending.value
    if (!file || column < -1 || column >= file.header.length) return
    // A column feeds one field: the field that had it loses it.
    const mapping = { ...file.mapping } as Record<OwnField, number>
    for (const f of Object.keys(mapping) as OwnField[]) if (column >= 0 && mapping[f] === column) mapping[f] = -1
    mapping[field] = column
    pending.value = { ...file, mapping, read: readMilestonesFile(file.text, file.name, mapping, file.delimiter) }
  }

  /** Adds the pending file's valid milestones as a set named after the file. */
  async function addPending(): Promise<OwnSet | null> {
    const file = pending.value
    if (!file) return null
    pending.value = null
    const set = await addSet(file.name.replace(/\.[^.]+$/, ''), file.read.milestones)
    if (set && notice.value?.key !== 'own.notStored') notice.value = { key: 'own.file.added', params: { n: set.milestones.length, name: set.name }, tone: 'success' }
    return set
  }

  function dropPending(): void {
    pending.value = null
  }

  /** The form's fields: empty, or those of one of the reader's own being edited. */
  function inputFor(id: string | null): OwnInput {
    const found = id ? find(id) : null
    return { ...(found ? inputOf(found.milestone) : EMPTY_INPUT) }
  }

  return { notice, sets, all, count, pending, readFile, remap, addPending, dropPending, add, update, remove, addSet, renameSet, setHidden, deleteSet, csvOf, find, inputFor }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useOwnMilestonesStore, import.meta.hot))
