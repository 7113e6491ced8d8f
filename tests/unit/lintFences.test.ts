/**
 * The layer fences of eslint.config.js, proved on small files that cross them: each file is linted
 * in memory as if it sat at `path` (its imports resolve against the real src/), and the lint must
 * fail with the fence's rule; the same file staying inside its layer must pass.
 */
import { ESLint } from 'eslint'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
let eslint: ESLint

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT })
})

/** The rules that fail on `code` placed at `path` (relative to the project). */
async function failing(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${path}` })
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message)
}

const LAYERS = 'import-x/no-restricted-paths'
const IMPORTS = 'no-restricted-imports'
const CYCLE = 'vigie/no-import-cycle'

/** [where the file sits, what it imports, the rule that must fail] */
const CROSSINGS: [string, string, string][] = [
  ['src/core/chart/fence.ts', "import { useViewStore } from '../../stores/view'\nexport const s = useViewStore", LAYERS],
  ['src/core/import/fence.ts', "import { toQuery } from '../../url/viewQuery'\nexport const q = toQuery", LAYERS],
  ['src/core/fence.ts', "import { ref } from 'vue'\nexport const r = ref(0)", IMPORTS],
  ['src/charts/fence.ts', "import { useDashboardStore } from '../stores/dashboard'\nexport const s = useDashboardStore", LAYERS],
  ['src/url/fence.ts', "import { i18n } from '../i18n'\nexport const x = i18n", LAYERS],
  ['src/i18n/fence.ts', "import { toQuery } from '../url/viewQuery'\nexport const q = toQuery", LAYERS],
  ['src/import/fence.ts', "import type { SavedView } from '../stores/savedViews'\nexport type S = SavedView", LAYERS],
  ['src/export/fence.ts', "import { useTrendText } from '../composables/useTrendText'\nexport const t = useTrendText", LAYERS],
  ['src/stores/fence.ts', "import { useUrlSync } from '../composables/useUrlSync'\nexport const u = useUrlSync", LAYERS],
  ['src/composables/fence.ts', "import Chart from '../components/chart/TrendChart.vue'\nexport const c = Chart", LAYERS],
  ['src/components/share/FenceFixture.vue', "<script setup lang=\"ts\">\nimport Dashboard from '../../views/DashboardView.vue'\nvoid Dashboard\n</script>", LAYERS],
  ['src/views/FenceFixture.vue', "<script setup lang=\"ts\">\nimport { router } from '../router'\nvoid router\n</script>", LAYERS],
  ['src/workers/fence.ts', "import { useImportsStore } from '../stores/imports'\nexport const s = useImportsStore", LAYERS],
  ['scripts/fence.ts', "import { useDatasetsStore } from '../src/stores/datasets'\nexport const s = useDatasetsStore", LAYERS],
  // The ECharts runtime loads in src/charts/echarts.ts only.
  ['src/export/fence.ts', "import { init } from 'echarts/core'\nexport const i = init", IMPORTS],
  ['src/charts/fence.ts', "import { SVGRenderer } from 'echarts/renderers'\nexport const r = SVGRenderer", IMPORTS],
  // Components call core's vocabulary only.
  ['src/components/figures/FenceFixture.vue', "<script setup lang=\"ts\">\nimport { facetCounts } from '../../core/filters'\nvoid facetCounts\n</script>", IMPORTS],
  ['src/views/FenceFixture.vue', "<script setup lang=\"ts\">\nimport { layoutChart } from '../core/chart/chartLayout'\nvoid layoutChart\n</script>", IMPORTS],
  // A component importing a core value (a constant too), in a nested folder, fails; so do the files once on the
  // before-the-fence list: a screen that called core directly would fail again.
  ['src/components/import/FenceFixture.vue', "<script setup lang=\"ts\">\nimport { ENCODINGS } from '../../core/import/encoding'\nvoid ENCODINGS\n</script>", IMPORTS],
  ['src/components/figures/DataTable.vue', "<script setup lang=\"ts\">\nimport { figureRows } from '../../core/export/labels'\nvoid figureRows\n</script>", IMPORTS],
  ['src/components/filters/FilterPanel.vue', "<script setup lang=\"ts\">\nimport { facetCounts } from '../../core/filters'\nvoid facetCounts\n</script>", IMPORTS],
  ['src/views/PresentView.vue', "<script setup lang=\"ts\">\nimport { pagePanels } from '../core/chart/chartLayout'\nvoid pagePanels\n</script>", IMPORTS],
  ['src/views/DashboardView.vue', "<script setup lang=\"ts\">\nimport { defaultChoice } from '../core/filters'\nvoid defaultChoice\n</script>", IMPORTS],
]

/** The same places, importing what their layer may. */
const ALLOWED: [string, string][] = [
  ['src/core/chart/fence.ts', "import { yearOf } from '../period'\nimport type { EChartsOption } from 'echarts'\nexport const y = yearOf\nexport type O = EChartsOption"],
  ['src/charts/fence.ts', "import { yearOf } from '../core/period'\nexport const y = yearOf"],
  ['src/export/fence.ts', "import { toQuery } from '../url/viewQuery'\nimport type { ECharts } from 'echarts/core'\nexport const q = toQuery\nexport type E = ECharts"],
  ['src/stores/fence.ts', "import { svgChart } from '../charts/echarts'\nimport { useViewStore } from './view'\nexport const s = [svgChart, useViewStore]"],
  ['src/composables/fence.ts', "import { useViewStore } from '../stores/view'\nexport const s = useViewStore"],
  [
    'src/components/figures/FenceFixture.vue',
    "<script setup lang=\"ts\">\nimport type { TrendView } from '../../core/chart/chartState'\nimport { formatNumber } from '../../core/format'\nimport { useDashboardStore } from '../../stores/dashboard'\ndefineProps<{ view: TrendView }>()\nvoid [formatNumber, useDashboardStore]\n</script>",
  ],
  ['scripts/fence.ts', "import { readDataset } from '../src/core/dataset'\nexport const r = readDataset"],
  ['src/views/FenceFixture.vue', "<script setup lang=\"ts\">\nimport KeyFigures from '../components/figures/KeyFigures.vue'\nvoid KeyFigures\n</script>"],
  // Types from deep in core name a prop's or a list's shape; the values come through a store.
  [
    'src/components/import/FenceFixture.vue',
    "<script setup lang=\"ts\">\nimport type { Encoding } from '../../core/import/encoding'\nimport { useImportScreenStore } from '../../stores/importScreen'\nconst e: Encoding[] = [...useImportScreenStore().encodings]\nvoid e\n</script>",
  ],
]

describe('lint fences between the layers of src/', () => {
  it.each(CROSSINGS)('%s: %s fails with %s', async (path, code, rule) => {
    expect(await failing(path, code)).toContain(rule)
  })

  it.each(ALLOWED)('%s: %s passes', async (path, code) => {
    expect(await failing(path, code)).toEqual([])
  })

  it('a path the resolver cannot follow fails rather than slipping past the fences', async () => {
    const unresolved = "import { useViewStore } from '@/stores/view'\nexport const s = useViewStore"
    expect(await failing('src/core/fence.ts', unresolved)).toContain('import-x/no-unresolved')
  })

  it('a nested folder cannot dodge the fence with a longer relative path', async () => {
    const dodge = "import { useViewStore } from '../../../src/stores/view'\nexport const s = useViewStore"
    expect(await failing('src/core/chart/fence.ts', dodge)).toContain(LAYERS)
  })
})

describe('no import cycle, type-only and dynamic imports included', () => {
  it('fails on a cycle closed by an `import type`', async () => {
    // src/core/dataset.ts imports src/core/period.ts: period naming a dataset type closes a cycle.
    const period = readFileSync(`${ROOT}src/core/period.ts`, 'utf8')
    const messages = await failing('src/core/period.ts', `import type { DatasetFiles } from './dataset'\nexport type F = DatasetFiles\n${period}`)
    expect(messages).toContain(CYCLE)
  })

  it('fails on a cycle closed by a dynamic import', async () => {
    const model = readFileSync(`${ROOT}src/core/model.ts`, 'utf8')
    const messages = await failing('src/core/model.ts', `export const later = () => import('./format')\n${model}`)
    expect(messages).toContain(CYCLE)
  })

  it('passes on the files as they are', async () => {
    const period = readFileSync(`${ROOT}src/core/period.ts`, 'utf8')
    expect(await failing('src/core/period.ts', period)).toEqual([])
  })
})
