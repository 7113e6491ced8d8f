import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import vueParser from 'vue-eslint-parser'
import globals from 'globals'

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
          ],
          patterns: [{ group: ['echarts/*', '../stores/*', '../components/*', '../views/*'], message: 'src/core is framework-free.' }],
        },
      ],
      'no-restricted-globals': ['error', 'document', 'window', 'localStorage', 'navigator', 'fetch'],
    },
  },
)
