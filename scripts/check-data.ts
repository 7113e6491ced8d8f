/**
 * `npm run check-data`: validates the canonical CSV files in data/ (or the folder given as first
 * argument) and exits non-zero on any problem, printing each as file:line:column. When the seed
 * documents are present (../shared/seeds, or VIGIE_SEEDS), every quote is checked against them.
 * The column checks (part_of, caveat_*, importance, source url) run in readDataset's `complete` mode.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { checkConsistency } from '../src/core/consistency'
import { checkParts, checkQuotes, readDataset } from '../src/core/dataset'
import { formatIssue } from '../src/core/model'
import { readDataFolder } from './dataFolder'

const dataDir = resolve(process.argv[2] ?? 'data')
const seedsDir = resolve(process.env.VIGIE_SEEDS ?? '../shared/seeds')

const files = readDataFolder(dataDir, process.argv[2] ? dataDir : 'data')
// complete: the bundled data must also carry every extension column (part_of, caveats, importance) and a URL per source.
const { value: dataset, issues } = readDataset(files, 'bundled', { complete: true })
const problems = [...issues, ...checkParts(dataset)]

if (existsSync(seedsDir)) {
  const documents = new Map(readdirSync(seedsDir).map((name) => [name, readFileSync(join(seedsDir, name), 'utf8')]))
  problems.push(...checkQuotes(dataset, documents))
} else {
  console.log(`note: ${seedsDir} not found, quotes were not checked against the seed documents`)
}

for (const problem of problems) console.error(formatIssue(problem))

// Published relative figures against the counts they describe: listed, not failed (the sources disagree, not the file).
const checks = checkConsistency(dataset)
const mismatches = checks.filter((c) => c.mismatch)
console.log(`consistency: ${checks.length} published relative figures checked against counts, ${mismatches.length} mismatch(es)`)
for (const c of checks) {
  const unit = c.indicator.unit === 'multiple' ? '×' : '%'
  const round = (v: number) => Math.round(v * 100) / 100
  console.log(
    `  ${c.mismatch ? 'MISMATCH' : 'ok      '} ${c.observation.origin.file}:${c.observation.origin.line} ${c.indicator.id} ${c.observation.period.text}: ` +
      `published ${c.published}${unit}, computed ${round(c.computed)}${unit} from ${c.counts.id} ` +
      `(${c.base.period}: ${c.base.value} -> ${c.compared.period}: ${c.compared.value})${c.kind === 'claim_vs_total' ? ' [part-year claim vs whole-year total]' : ''}`,
  )
}
console.log(
  `check-data: ${dataset.sources.length} sources, ${dataset.indicators.length} indicators, ` +
    `${dataset.observations.length} observations, ${dataset.milestones.length} milestones; ` +
    `${problems.length} problem${problems.length === 1 ? '' : 's'}`,
)
process.exit(problems.length > 0 ? 1 : 0)
