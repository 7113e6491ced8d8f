import { createRouter, createWebHashHistory } from 'vue-router'
import DashboardView from './views/DashboardView.vue'

/**
 * Hash history: the built app is a folder of static files that works from any host or path
 * without server rewrites. Every screen but the dashboard loads lazily, so the first load stays small.
 */
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'dashboard', component: DashboardView },
    { path: '/indicators', name: 'indicators', component: () => import('./views/IndicatorsView.vue') },
    { path: '/timeline', name: 'timeline', component: () => import('./views/TimelineView.vue') },
    { path: '/import', name: 'import', component: () => import('./views/ImportView.vue') },
    { path: '/embed', name: 'embed', component: () => import('./views/EmbedView.vue'), meta: { chromeless: true } },
    { path: '/present', name: 'present', component: () => import('./views/PresentView.vue'), meta: { chromeless: true } },
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
})
