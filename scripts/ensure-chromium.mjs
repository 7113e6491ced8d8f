/**
 * Makes sure a Chromium is there for the browser tests: CHROMIUM_PATH, else /usr/bin/chromium.
 * When none is found and we run as root, installs Debian's package; otherwise fails and names the
 * command to run. Browser tests are never skipped.
 */
import { existsSync } from 'node:fs'
import { execSync } from 'node:child_process'

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const INSTALL = 'apt-get update && apt-get install -y chromium'

if (existsSync(path)) {
  console.log(`chromium: ${path}`)
  process.exit(0)
}
if (process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH=${path} does not exist. Unset it to use /usr/bin/chromium, or install Chromium: ${INSTALL}`)
  process.exit(1)
}
if (typeof process.getuid === 'function' && process.getuid() === 0) {
  console.log(`No Chromium at ${path}: installing Debian's package (${INSTALL})`)
  execSync(INSTALL, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
  if (existsSync(path)) process.exit(0)
  console.error(`Installing Chromium did not produce ${path}.`)
  process.exit(1)
}
console.error(`No Chromium found at ${path}. The browser tests need it: run as root \`${INSTALL}\`, or set CHROMIUM_PATH.`)
process.exit(1)
