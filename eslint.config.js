import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import vueParser from 'vue-eslint-parser'
import globals from 'globals'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import { fileURLToPath } from 'node:url'
import noImportCycle from './scripts/lint/noImportCycle.js'

const CALENDAR_MESSAGE = 'Periods are calendar data: use the UTC helpers of src/core/period.ts.'
const LOCAL_TIME_METHODS = ['getFullYear', 'getMonth', 'getDate', 'getDay', 'getHours', 'setFullYear', 'setMonth', 'setDate', 'setHours']
const DATE_FNS_ONLY_IN_PERIOD = {
  paths: [
    { name: 'date-fns', message: CALENDAR_MESSAGE },
    { name: '@date-fns/utc', message: CALENDAR_MESSAGE },
  ],
}

const ROOT = fileURLToPath(new URL('.', import.meta.url))

/** The ECharts runtime is loaded in src/charts/echarts.ts only; types may be imported anywhere. */
const ECHARTS_ONLY_IN_CHARTS = {
  paths: [{ name: 'echarts', message: 'Load ECharts through src/charts/echarts.ts (types are fine).', allowTypeImports: true }],
  patterns: [{ group: ['echarts/*', 'zrender', 'zrender/*'], message: 'Load ECharts through src/charts/echarts.ts (types are fine).', allowTypeImports: true }],
}

/**
 * The layers of src/, bottom to top; each may import only the layers listed in `may` (and itself).
 * Checked on the resolved file (import-x/no-restricted-paths), so `../../stores/view` from a nested
 * folder of src/core is caught as surely as `../stores/view`. Keep src/README.md and the folder
 * READMEs in step.
 */
const LAYERS = [
  { folder: 'core', may: [], why: 'src/core is pure: it imports only src/core.' },
  { folder: 'charts', may: ['core'], why: 'src/charts sits on src/core only.' },
  { folder: 'url', may: ['core'], why: 'src/url sits on src/core only.' },
  { folder: 'i18n', may: ['core'], why: 'src/i18n sits on src/core only.' },
  { folder: 'import', may: ['core', 'charts', 'url', 'i18n'], why: 'src/import is glue over core, charts, url and i18n.' },
  // dataVersion.ts is a build-time constant (the bundled data's version), which exports and citations name.
  { folder: 'export', may: ['core', 'charts', 'url', 'i18n', 'dataVersion.ts'], why: 'src/export is glue over core, charts, url and i18n (and the data version).' },
  { folder: 'workers', may: ['core', 'charts', 'import'], why: 'A worker runs core, charts and the importer glue only.' },
  { folder: 'stores', may: ['core', 'charts', 'url', 'i18n', 'import', 'export'], why: 'Stores sit below composables and components.' },
  { folder: 'composables', may: ['core', 'charts', 'url', 'i18n', 'import', 'export', 'stores'], why: 'Composables sit below components and views.' },
  {
    folder: 'components',
    may: ['core', 'charts', 'url', 'i18n', 'import', 'export', 'stores', 'composables', 'styles'],
    why: 'Components never import a screen or the app shell.',
  },
  {
    folder: 'views',
    may: ['core', 'charts', 'url', 'i18n', 'import', 'export', 'stores', 'composables', 'components', 'styles'],
    why: 'Screens never import the app shell.',
  },
]
const LAYER_ZONES = LAYERS.map(({ folder, may, why }) => ({
  target: `src/${folder}`,
  from: 'src',
  except: [folder, ...may].map((f) => `./${f}`),
  message: why,
}))

/**
 * What a component or a screen may call in src/core: its vocabulary (the model's and the view
 * state's names and constants, period reading, number and date formatting, the licences' names). Every other core
 * function reaches the UI through a store, a composable or the glue (charts/, export/, import/),
 * so screens hold no pipeline logic. Types may be named from anywhere in core (a prop's shape).
 */
const CORE_VOCABULARY = ['model', 'view', 'format', 'period', 'licences']
const CORE_FROM_UI = {
  regex: `(^|/)core/(?!(${CORE_VOCABULARY.join('|')})$)`,
  message: `Components and views call core through a store or a composable; only core/{${CORE_VOCABULARY.join(',')}} directly (types from anywhere).`,
  allowTypeImports: true,
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, sourceType: 'module' } },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX, vigie: { rules: { 'no-import-cycle': noImportCycle } } },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.vue', '.js', '.mjs', '.json'] })] },
    rules: {
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      // Data must never reach raw HTML sinks.
      'vue/no-v-html': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Data must never reach innerHTML: render text.' },
        { property: 'outerHTML', message: 'Data must never reach outerHTML: render text.' },
        // Periods are calendar data: local-time readings shift years with the reader's time zone.
        ...LOCAL_TIME_METHODS.map((property) => ({ property, message: CALENDAR_MESSAGE })),
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'NewExpression[callee.name="Date"][arguments.length>1]', message: CALENDAR_MESSAGE },
      ],
      'no-restricted-imports': ['error', { paths: [...DATE_FNS_ONLY_IN_PERIOD.paths, ...ECHARTS_ONLY_IN_CHARTS.paths], patterns: ECHARTS_ONLY_IN_CHARTS.patterns }],
    },
  },
  {
    // The layers of src/ and no import cycle (type-only and dynamic imports count as edges).
    files: ['src/**/*.{ts,vue}'],
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones: LAYER_ZONES }],
      // A path the resolver cannot follow would pass the fences unseen.
      'import-x/no-unresolved': ['error', { ignore: ['^virtual:'] }],
      'vigie/no-import-cycle': ['error', { root: fileURLToPath(new URL('./src', import.meta.url)) }],
    },
  },
  {
    // Build and check tools read data with the app's own core, and nothing of the browser layers.
    files: ['scripts/**/*.{ts,js,mjs}'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { basePath: ROOT, zones: [{ target: 'scripts', from: 'src', except: ['./core'], message: 'scripts/ may import src/core only.' }] },
      ],
    },
  },
  {
    // Components and screens call core's vocabulary only (see CORE_FROM_UI).
    files: ['src/components/**/*.{ts,vue}', 'src/views/**/*.{ts,vue}', 'src/*.vue'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [...DATE_FNS_ONLY_IN_PERIOD.paths, ...ECHARTS_ONLY_IN_CHARTS.paths], patterns: [...ECHARTS_ONLY_IN_CHARTS.patterns, CORE_FROM_UI] },
      ],
    },
  },
  {
    // The data core is pure TypeScript: no Vue, no Pinia, no ECharts runtime, no DOM.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vue', message: 'src/core is framework-free.' },
            { name: 'pinia', message: 'src/core is framework-free.' },
            { name: 'vue-i18n', message: 'src/core is framework-free.' },
            { name: 'echarts', message: 'Use `import type` only: the core builds plain options.', allowTypeImports: true },
            ...DATE_FNS_ONLY_IN_PERIOD.paths,
          ],
          patterns: ECHARTS_ONLY_IN_CHARTS.patterns,
        },
      ],
      'no-restricted-globals': ['error', 'document', 'window', 'localStorage', 'navigator', 'fetch'],
    },
  },
  {
    // The one module that loads the ECharts runtime.
    files: ['src/charts/echarts.ts'],
    rules: { 'no-restricted-imports': ['error', DATE_FNS_ONLY_IN_PERIOD] },
  },
  {
    // The one place where calendar periods become time-axis numbers, in UTC.
    files: ['src/core/period.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
)
