// `npm start`: builds the app and opens the desktop window. Where the Electron binary is missing
// (installs that skipped its download), electron's own entry downloads it on first use; where
// that cannot work either, this says so in one line and starts browser mode instead.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const bin = (name) => `node_modules/.bin/${name}${process.platform === 'win32' ? '.cmd' : ''}`

function electronBinary() {
  try {
    const path = require('electron')
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
}

const build = spawnSync(bin('electron-vite'), ['build'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
})
if (build.status !== 0) process.exit(build.status ?? 1)

// Requiring electron downloads its binary when it is missing (its own entry does that).
const electron = process.env.OUTREACH_LEDGER_BROWSER === '1' ? null : electronBinary()

if (electron) {
  run(electron, ['.'])
} else {
  console.log(
    'Electron could not be started here, so Outreach Ledger opens in your browser instead.',
  )
  run(process.execPath, ['out/main/web.js', ...process.argv.slice(2)])
}
