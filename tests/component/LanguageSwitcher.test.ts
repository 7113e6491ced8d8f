// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import LanguageSwitcher from '../../src/components/layout/LanguageSwitcher.vue'
import { i18n } from '../../src/i18n'
import { useViewStore } from '../../src/stores/view'

beforeEach(() => {
  setActivePinia(createPinia())
})

describe('LanguageSwitcher', () => {
  it('marks the current language and switches the view state on click', async () => {
    const wrapper = mount(LanguageSwitcher, { global: { plugins: [i18n] } })
    const view = useViewStore()
    view.setLocale('en')
    await wrapper.vm.$nextTick()
    expect(wrapper.find('[data-testid="lang-en"]').attributes('aria-pressed')).toBe('true')
    await wrapper.find('[data-testid="lang-nl"]').trigger('click')
    expect(view.state.locale).toBe('nl')
    expect(wrapper.find('[data-testid="lang-nl"]').attributes('aria-pressed')).toBe('true')
    expect(wrapper.find('[data-testid="lang-en"]').attributes('aria-pressed')).toBe('false')
  })
})
