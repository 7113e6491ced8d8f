import { escapeHtml } from '../format'

/**
 * The `<iframe>` snippet that embeds a chart in another site: a title for screen readers, lazy
 * loading, no referrer, and a 16:10 box that follows the host page's width (the embed itself
 * adapts to whatever size it gets, down to 320 px wide).
 */
export function embedSnippet(src: string, title: string, width = 800, height = 500): string {
  return (
    `<iframe src="${escapeHtml(src)}" title="${escapeHtml(title)}" width="${width}" height="${height}" ` +
    `loading="lazy" referrerpolicy="no-referrer" ` +
    `style="width:100%;max-width:${width}px;height:auto;aspect-ratio:${width}/${height};border:0"></iframe>`
  )
}

/**
 * The embed address of a dashboard link: same view parameters, `embed.html#/embed`. embed.html is
 * the page hosts let other sites frame (index.html is sent `frame-ancestors 'self'`).
 */
export function embedUrl(appUrl: string, search: string): string {
  const page = (appUrl.split('#')[0] ?? appUrl).split('?')[0]!
  const folder = page.slice(0, page.lastIndexOf('/') + 1)
  return `${folder}embed.html#/embed${search}`
}

/** The dashboard address of a view (from embed.html: the app's own page, beside it). */
export function dashboardUrl(appUrl: string, search: string): string {
  const base = appUrl.split('#')[0] ?? appUrl
  const page = base.replace(/\/embed\.html(\?.*)?$/, '/')
  return `${page}#/${search}`
}
