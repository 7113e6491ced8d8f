/** Copies text; false when the browser refuses (no clipboard API, no permission, insecure page). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}

/**
 * Copies an image where the browser allows it (ClipboardItem with image/png). The blob is passed
 * as a promise so Safari keeps the user's gesture while the PNG is drawn.
 */
export async function copyImage(png: Promise<Blob>): Promise<'copied' | 'unsupported' | 'failed'> {
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) return 'unsupported'
  if (typeof ClipboardItem.supports === 'function' && !ClipboardItem.supports('image/png')) return 'unsupported'
  try {
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })])
    return 'copied'
  } catch {
    return 'failed'
  }
}
