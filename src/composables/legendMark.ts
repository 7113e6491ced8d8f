/** The legend marks' symbol shapes for components: the same drawing every export uses (core/chart/legendMark.ts). */
export { SYMBOL_PATHS } from '../core/chart/legendMark'
