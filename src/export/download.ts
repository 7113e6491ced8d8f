/** Hands a file to the browser's downloads, by a temporary link (works under a strict CSP). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Give the download time to start before the address is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
