// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import MilestoneKey from '../../src/components/milestones/MilestoneKey.vue'
import { numberMilestones } from '../../src/core/chart/trendOption'
import { readDataset } from '../../src/core/dataset'
import { i18n } from '../../src/i18n'
import { files } from '../helpers/csv'

beforeEach(() => {
  setActivePinia(createPinia())
  i18n.global.locale.value = 'en'
})

const milestones = numberMilestones(
  readDataset(
    files({
      milestones: [
        { date: '2014-04', precision: 'month', category: 'law', jurisdiction: 'BE', offences: 'grooming', title_en: 'Grooming laws in force', title_fr: 'Lois sur le grooming', source: 'knack' },
        { date: '2013-03-08', precision: 'day', category: 'convention', jurisdiction: 'CoE', offences: 'general', title_en: 'Lanzarote Convention ratified', source: 'knack' },
      ],
    }),
  ).value.milestones,
)

describe('MilestoneKey', () => {
  it('lists the milestones with their numbers, dates at their precision, category and jurisdiction', () => {
    const wrapper = mount(MilestoneKey, { props: { milestones, locale: 'en' }, global: { plugins: [i18n] } })
    const items = wrapper.findAll('li')
    expect(items.map((li) => li.attributes('data-milestone'))).toEqual(['1', '2'])
    expect(items[0]!.text()).toContain('8 March 2013')
    expect(items[0]!.text()).toContain('Council of Europe')
    expect(items[1]!.text()).toContain('April 2014')
    expect(items[1]!.text()).toContain('Law · Belgium')
  })

  it('shows titles and dates in the language asked for', () => {
    const wrapper = mount(MilestoneKey, { props: { milestones, locale: 'fr' }, global: { plugins: [i18n] } })
    expect(wrapper.text()).toContain('Lois sur le grooming')
    expect(wrapper.text()).toContain('avril 2014')
  })
})

describe('MilestoneKey: key milestones and all', () => {
  it('offers the hidden milestones of the period, and asks for them when clicked', async () => {
    const wrapper = mount(MilestoneKey, { props: { milestones, locale: 'en', hidden: 3 }, global: { plugins: [i18n] } })
    const button = wrapper.get('[data-testid="milestones-toggle"]')
    expect(button.text()).toBe('Show all milestones (3 more in this period)')
    await button.trigger('click')
    expect(wrapper.emitted('toggle')).toHaveLength(1)
  })

  it('offers to go back to key milestones when all are shown, and nothing when none is hidden', () => {
    const all = mount(MilestoneKey, { props: { milestones, locale: 'en', all: true }, global: { plugins: [i18n] } })
    expect(all.get('[data-testid="milestones-toggle"]').text()).toBe('Show key milestones only')
    const none = mount(MilestoneKey, { props: { milestones, locale: 'en' }, global: { plugins: [i18n] } })
    expect(none.find('[data-testid="milestones-toggle"]').exists()).toBe(false)
  })
})

describe('MilestoneKey: compare before and after', () => {
  it('offers "Compare before and after" per milestone on the dashboard, pressed for the compared one, and asks for it when clicked', async () => {
    const wrapper = mount(MilestoneKey, { props: { milestones, locale: 'en', comparable: true, compared: '2' }, global: { plugins: [i18n] } })
    const buttons = wrapper.findAll('[data-testid="compare-button"]')
    expect(buttons.map((b) => b.text())).toEqual(['Compare before and after', 'Compare before and after'])
    expect(buttons.map((b) => b.attributes('aria-label'))).toEqual(['Compare before and after milestone 1', 'Compare before and after milestone 2'])
    expect(buttons.map((b) => b.attributes('aria-pressed'))).toEqual(['false', 'true'])
    await buttons[0]!.trigger('click')
    expect(wrapper.emitted('compare')).toEqual([['1']])
    // The embed's compact key and a key not asked to offer it have no such button.
    expect(mount(MilestoneKey, { props: { milestones, locale: 'en', comparable: true, compact: true }, global: { plugins: [i18n] } }).find('[data-testid="compare-button"]').exists()).toBe(false)
    expect(mount(MilestoneKey, { props: { milestones, locale: 'en' }, global: { plugins: [i18n] } }).find('[data-testid="compare-button"]').exists()).toBe(false)
  })
})
