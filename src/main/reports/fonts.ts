// The report's font: DejaVu Sans, embedded in every PDF so names in Cyrillic, Greek, accented
// Latin and more print as typed. Read from the dejavu-fonts-ttf package, which main builds leave
// outside the bundle, so the same lookup works from the TypeScript source (tsx, vitest) and from
// out/main/*.js. Parsed once per process: parsing its tables costs more than laying out a report.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import * as fontkit from 'fontkit'
import { AppError } from '../../shared/contract/errors'

export interface ReportFonts {
  regular: fontkit.Font
  bold: fontkit.Font
}

let parsed: ReportFonts | undefined

function load(file: string): fontkit.Font {
  const require = createRequire(import.meta.url)
  const font = fontkit.create(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)))
  if (!('layout' in font)) throw new Error(`${file} is a font collection`)
  return font
}

export function reportFonts(): ReportFonts {
  try {
    parsed ??= { regular: load('DejaVuSans.ttf'), bold: load('DejaVuSans-Bold.ttf') }
    return parsed
  } catch {
    throw new AppError(
      'INTERNAL',
      'The report font (DejaVu Sans) is missing from this installation. Reinstall Outreach Ledger, or export CSV or JSON instead.',
    )
  }
}
