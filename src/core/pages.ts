/**
 * The one paging of a view over slides: Present mode, every slide export (PNG, SVG, PowerPoint) and
 * the deck of saved views split a crowded view the same way, and say "part n of m" the same way.
 */
import { pagePanels } from './chart/chartLayout'
import { panelSubset, type TrendView } from './chart/chartState'

/** Where a view spread over several slides is: "part n of m" (n from 1). */
export interface Part {
  readonly n: number
  readonly of: number
}

/** One slide's share of a view: the panels it shows, and which part it is (null when the view fits one slide). */
export interface ViewPart {
  readonly view: TrendView
  /** The whole view's panels this part shows, in order. */
  readonly panels: readonly number[]
  readonly part: Part | null
}

/**
 * A view over as many slides as it needs: each takes panels in order while `fits` accepts them
 * (always at least one), so every panel is on exactly one slide and no slide is squeezed. One
 * slide, the view itself, when it fits; a view of milestones alone still gets its slide.
 */
export function viewParts(whole: TrendView, fits: (part: TrendView, panels: readonly number[]) => boolean): ViewPart[] {
  const pages = pagePanels(whole.panels.length, (panels) => fits(panelSubset(whole, panels), panels))
  if (pages.length === 1) return [{ view: whole, panels: pages[0]!, part: null }]
  return pages.map((panels, i) => ({ view: panelSubset(whole, panels), panels, part: { n: i + 1, of: pages.length } }))
}

/**
 * A part's subtitle: the whole view's (its period and counts, the same on every part), then which
 * part it is ("… · part 2 of 3"); the whole view's subtitle alone on a view of one slide.
 */
export function partSubtitle(wholeSubtitle: string, part: Part | null, say: ((n: number, of: number) => string) | undefined): string {
  return part && say ? `${wholeSubtitle} · ${say(part.n, part.of)}` : wholeSubtitle
}
