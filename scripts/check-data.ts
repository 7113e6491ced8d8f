/**
 * `npm run check-data [folder]`: validates the canonical CSV files in data/ (or the folder given)
 * and exits non-zero on any problem, printing each as file:line:column. Checks that need the source
 * documents kept beside the repository (../shared/seeds, or VIGIE_SEEDS; ../shared/research/
 * external-figures.csv, or VIGIE_RESEARCH) run when those are there; the output names any check
 * it could not run and why. With `--with-sources` (`npm run check-sources`, run by CI as its own
 * step) missing documents are a failure; with `--without-sources` (what `npm test` runs) they are not
 * looked for at all.
 * The column checks (part_of, caveat_*, importance, source url and checked date) run in readDataset's
 * `complete` mode; scripts/dataGuards.ts adds the rules across rows (series breaks, inferred dates, tiering).
 * German (label_de, description_de, caveat_de, short_de, title_de) is required in data/; in another
 * folder a missing German text is not a problem: the output lists each language's completeness.
 */
import { resolve } from 'node:path'
import { checkConsistency } from '../src/core/consistency'
import { checkParts, isMissingGerman, readDataset } from '../src/core/dataset'
import { completenessLines, languageCompleteness } from '../src/core/languages'
import { formatIssue } from '../src/core/model'
import { knownNewerProblems } from '../src/core/freshness'
import { readNewerFile } from './bundledDataset'
import { dataGuardProblems } from './dataGuards'
import { readDataFolder } from './dataFolder'
import { CHANGELOG_FILE, readDataVersion } from './dataVersion'
import { checkAgainstResearch, checkAgainstSeeds } from './sourceChecks'

const args = process.argv.slice(2)
const requireSources = args.includes('--with-sources')
// `npm test` passes this: the README's test command never reads outside the repository.
const withoutSources = args.includes('--without-sources')
const folder = args.find((a) => !a.startsWith('--'))
const dataDir = resolve(folder ?? 'data')
const seedsDir = resolve(process.env.VIGIE_SEEDS ?? '../shared/seeds')
const researchFile = resolve(process.env.VIGIE_RESEARCH ?? '../shared/research/external-figures.csv')

const files = readDataFolder(dataDir, folder ? dataDir : 'data')
// complete: the bundled data must also carry every extension column (part_of, caveats, importance) and a URL per source.
// German is required in the bundled data only: a folder of one's own may lack it (it falls back, and
// each language's completeness is printed below instead).
const ownFolder = folder !== undefined && dataDir !== resolve('data')
const { value: dataset, issues: read } = readDataset(files, 'bundled', { complete: true })
const issues = ownFolder ? read.filter((i) => !isMissingGerman(i)) : read
// The guards read the rows the reader kept: series breaks, inferred dates, tiering (data/README.md).
// data/newer.csv: figures known to be published but not yet in the data (the Indicators screen's flag).
const newer = readNewerFile(dataDir, folder ? dataDir : 'data')
const problems = [...issues, ...checkParts(dataset), ...dataGuardProblems(dataset), ...newer.issues, ...knownNewerProblems(dataset, newer.value)]

// The bundled data's version is its changelog's newest dated heading and a hash (src/core/dataVersion.ts).
if (!folder) {
  try {
    const version = readDataVersion(dataDir)
    console.log(`data version: ${version.released}+${version.hash}`)
  } catch (error) {
    problems.push({ file: `data/${CHANGELOG_FILE}`, line: 1, column: 0, field: '', code: 'undated_release', message: (error as Error).message })
  }
}

let notRun = 0
const sourceChecks = withoutSources
  ? []
  : [checkAgainstSeeds(dataset, seedsDir), checkAgainstResearch(dataset, researchFile)]
if (withoutSources) console.log('NOT RUN: the checks against the source documents in ../shared (npm test never reads outside the repository; CI runs them with `npm run check-sources`)')
for (const check of sourceChecks) {
  if (check.problems) {
    console.log(`ran: ${check.name} (${check.path}): ${check.problems.length} problem${check.problems.length === 1 ? '' : 's'}`)
    problems.push(...check.problems)
  } else if (requireSources) {
    console.error(`FAILED: ${check.name}: ${check.path} not found (--with-sources needs the source documents beside the repository)`)
    notRun++
  } else {
    console.log(`NOT RUN: ${check.name}: ${check.path} not found (a plain clone has no ../shared; CI runs it with \`npm run check-sources\`)`)
  }
}

for (const problem of problems) console.error(formatIssue(problem))

// Each language's own labels and titles (the rest fall back: German to French, Dutch, English).
for (const line of completenessLines(languageCompleteness(dataset.indicators, dataset.milestones))) console.log(`languages: ${line}`)

// Published relative figures against the counts they describe: listed, not failed (the sources disagree, not the file).
const checks = checkConsistency(dataset)
const mismatches = checks.filter((c) => c.mismatch && c.kind !== 'claim_vs_total')
console.log(`consistency: ${checks.length} published relative figures checked against counts, ${mismatches.length} mismatch(es)`)
for (const c of checks) {
  const unit = c.indicator.unit === 'multiple' ? '×' : '%'
  const round = (v: number) => Math.round(v * 100) / 100
  console.log(
    `  ${c.kind === 'claim_vs_total' ? 'UNCERTAIN' : c.mismatch ? 'MISMATCH' : 'ok      '} ${c.observation.origin.file}:${c.observation.origin.line} ${c.indicator.id} ${c.observation.period.text}: ` +
      `published ${c.published}${unit}, computed ${round(c.computed)}${unit} from ${c.counts.id} ` +
      `(${c.base.period}: ${c.base.value} -> ${c.compared.period}: ${c.compared.value})${c.kind === 'claim_vs_total' ? ' [part-year claim vs whole-year total]' : ''}`,
  )
}
console.log(
  `check-data: ${dataset.sources.length} sources, ${dataset.indicators.length} indicators, ` +
    `${dataset.observations.length} observations, ${dataset.milestones.length} milestones; ` +
    `${problems.length} problem${problems.length === 1 ? '' : 's'}` +
    (notRun > 0 ? `; ${notRun} required check${notRun === 1 ? '' : 's'} could not run` : ''),
)
process.exit(problems.length > 0 || notRun > 0 ? 1 : 0)
