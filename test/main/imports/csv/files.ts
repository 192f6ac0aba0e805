// Temporary CSV files for the reader's tests, written in the encodings spreadsheets use.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import { readCsvRows, type CsvReadOptions, type CsvRow } from '../../../../src/main/imports/csv'

/** A fresh directory per test, removed after it. */
export function useTempDir(): {
  write(name: string, content: string | Uint8Array): Promise<string>
} {
  let dir = ''
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'outreach-csv-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })
  return {
    async write(name, content) {
      const path = join(dir, name)
      await writeFile(path, content)
      return path
    },
  }
}

export async function readAll(path: string, options: CsvReadOptions = {}): Promise<CsvRow[]> {
  const rows: CsvRow[] = []
  for await (const row of readCsvRows(path, options)) rows.push(row)
  return rows
}

/** The cells of every readable row; fails the test on a row error. */
export function cellsOf(rows: CsvRow[]): Record<string, string>[] {
  return rows.map((row) => {
    if (!('cells' in row)) throw new Error(`line ${row.line}: ${row.error}`)
    return { ...row.cells }
  })
}

export function utf8Bom(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
}

export function utf16le(text: string, bom = true): Buffer {
  const body = Buffer.from(text, 'utf16le')
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body
}

export function utf16be(text: string, bom = true): Buffer {
  const body = Buffer.from(text, 'utf16le').swap16()
  return bom ? Buffer.concat([Buffer.from([0xfe, 0xff]), body]) : body
}

const cp1252High = new Map<string, number>()
for (let byte = 0x80; byte <= 0x9f; byte++)
  cp1252High.set(new TextDecoder('windows-1252').decode(Uint8Array.of(byte)), byte)

/** Windows-1252 bytes, as Excel on Windows writes "CSV (Comma delimited)". */
export function cp1252(text: string): Buffer {
  return Buffer.from(
    [...text].map((char) => {
      const byte = cp1252High.get(char) ?? char.charCodeAt(0)
      if (byte > 0xff) throw new Error(`${char} is not in Windows-1252`)
      return byte
    }),
  )
}
