import { escapeHtml } from '../format'

/** The message an embed posts to its host page: `{ type, height }`, the height in CSS pixels it needs. */
export const EMBED_HEIGHT_MESSAGE = 'vigie:embed-height'

/**
 * The `<iframe>` snippet that embeds a chart in another site: a title for screen readers, lazy
 * loading, no referrer, the host page's width and a fixed height that shows a usual chart whole
 * (the embed scrolls inside it when a narrow screen needs more). The optional script after it lets
 * the frame take the height the chart asks for (as Our World in Data's embeds do): it accepts the
 * message only from Vigie's own origin and from that frame, and sets nothing but a height.
 */
export function embedSnippet(src: string, title: string, width = 800, height = 560): string {
  const origin = new URL(src).origin
  const frame =
    `<iframe src="${escapeHtml(src)}" title="${escapeHtml(title)}" width="${width}" height="${height}" ` +
    `loading="lazy" referrerpolicy="no-referrer" ` +
    `style="width:100%;max-width:${width}px;height:${height}px;border:0"></iframe>`
  const script =
    `<script>addEventListener("message",function(e){if(e.origin!==${JSON.stringify(origin)}||!e.data||e.data.type!=="${EMBED_HEIGHT_MESSAGE}")return;` +
    `var h=Math.min(Math.max(Number(e.data.height)||0,200),4000),f=document.getElementsByTagName("iframe");` +
    `for(var i=0;i<f.length;i++)if(f[i].contentWindow===e.source)f[i].style.height=h+"px"})</script>`
  return `${frame}\n<!-- Optional: lets the frame take the height the chart needs. -->\n${script}`
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
