import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import vueParser from 'vue-eslint-parser'
import globals from 'globals'

const CALENDAR_MESSAGE = 'Periods are calendar data: use the UTC helpers of src/core/period.ts.'
const LOCAL_TIME_METHODS = ['getFullYear', 'getMonth', 'getDate', 'getDay', 'getHours', 'setFullYear', 'setMonth', 'setDate', 'setHours']
const DATE_FNS_ONLY_IN_PERIOD = {
  paths: [
    { name: 'date-fns', message: CALENDAR_MESSAGE },
    { name: '@date-fns/utc', message: CALENDAR_MESSAGE },
  ],
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
      'no-restricted-imports': ['error', DATE_FNS_ONLY_IN_PERIOD],
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
          patterns: [{ group: ['echarts/*', '../stores/*', '../components/*', '../views/*'], message: 'src/core is framework-free.' }],
        },
      ],
      'no-restricted-globals': ['error', 'document', 'window', 'localStorage', 'navigator', 'fetch'],
    },
  },
  {
    // The one place where calendar periods become time-axis numbers, in UTC.
    files: ['src/core/period.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
)
