import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import { gzipSync } from 'node:zlib'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
}

/**
 * Serves a built app the way a static host does (GitHub Pages, Netlify, nginx with gzip on): text
 * files gzip-compressed when the browser asks for it. Lighthouse's simulated slow network then sees
 * the bytes a real visitor downloads, which vite preview (uncompressed) would overstate.
 */
export async function serveStatic(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname))
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path)
    if (!file.startsWith(normalize(root) + sep) && file !== normalize(root)) return void response.writeHead(403).end()
    try {
      let body = await readFile(file)
      const type = TYPES[extname(file)] ?? 'application/octet-stream'
      const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': 'no-cache' }
      if (TYPES[extname(file)] && /\bgzip\b/.test(String(request.headers['accept-encoding']))) {
        body = gzipSync(body)
        headers['Content-Encoding'] = 'gzip'
      }
      response.writeHead(200, headers).end(body)
    } catch {
      response.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) }
}
