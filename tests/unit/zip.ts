import { inflateRawSync } from 'node:zlib'

/** A tiny zip reader (central directory; stored or deflated entries), for checking generated files. */
export function unzipSync(bytes: Uint8Array): Map<string, Uint8Array> {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let eocd = -1
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65_557); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new Error('not a zip')
  const count = b.readUInt16LE(eocd + 10)
  let p = b.readUInt32LE(eocd + 16)
  const files = new Map<string, Uint8Array>()
  for (let n = 0; n < count; n++) {
    const method = b.readUInt16LE(p + 10)
    const size = b.readUInt32LE(p + 20)
    const nameLength = b.readUInt16LE(p + 28)
    const extraLength = b.readUInt16LE(p + 30)
    const commentLength = b.readUInt16LE(p + 32)
    const local = b.readUInt32LE(p + 42)
    const name = b.subarray(p + 46, p + 46 + nameLength).toString('utf8')
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28)
    const data = b.subarray(start, start + size)
    files.set(name, method === 0 ? new Uint8Array(data) : new Uint8Array(inflateRawSync(data)))
    p += 46 + nameLength + extraLength + commentLength
  }
  return files
}
