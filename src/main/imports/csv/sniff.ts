// Guesses how a CSV file is written from its first bytes: the text encoding and the delimiter.
// An explicit choice always wins over a guess.
import type { CsvDelimiter, CsvEncoding } from '../../../shared/contract/csv-mapping'
import { binaryFile, type BinaryKind } from './errors'

export interface CsvSniff {
  encoding: CsvEncoding
  /**
   * True when the first bytes are plain ASCII, which UTF-8 and Windows-1252 write alike: the
   * reader then decides between them at the first non-ASCII byte further on.
   */
  encodingOpen: boolean
  delimiter: CsvDelimiter
}

export interface CsvChoice {
  encoding?: CsvEncoding | undefined
  delimiter?: CsvDelimiter | undefined
}

/** How many leading records the delimiter guess looks at. */
const sampleRecords = 50

/**
 * Reads the head of a file. `complete` says the head is the whole file, so its last line is not
 * cut off. Throws a CsvReadError when the bytes are not text.
 */
export function sniffCsv(head: Uint8Array, complete: boolean, choice: CsvChoice = {}): CsvSniff {
  const signature = binarySignature(head)
  if (signature) throw binaryFile(signature, null)
  const detected = choice.encoding
    ? { encoding: choice.encoding, encodingOpen: false }
    : sniffEncoding(head, complete)
  const text = new TextDecoder(detected.encoding).decode(head, { stream: !complete })
  if (looksBinary(text)) throw binaryFile('other', null)
  return { ...detected, delimiter: choice.delimiter ?? sniffDelimiter(text, complete) }
}

/**
 * A byte-order mark decides; without one, UTF-16 shows as every other byte being zero in ASCII
 * text; otherwise bytes that are valid UTF-8 are UTF-8, and anything else is Windows-1252 (what
 * Excel on Windows writes for "CSV (Comma delimited)").
 */
export function sniffEncoding(
  head: Uint8Array,
  complete: boolean,
): { encoding: CsvEncoding; encodingOpen: boolean } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: 'utf-8', encodingOpen: false }
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', encodingOpen: false }
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', encodingOpen: false }
  const utf16 = utf16WithoutBom(head)
  if (utf16) return { encoding: utf16, encodingOpen: false }
  if (head.every((byte) => byte < 0x80)) return { encoding: 'utf-8', encodingOpen: true }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !complete })
    return { encoding: 'utf-8', encodingOpen: false }
  } catch {
    return { encoding: 'windows-1252', encodingOpen: false }
  }
}

function utf16WithoutBom(head: Uint8Array): CsvEncoding | null {
  const pairs = Math.floor(Math.min(head.length, 4096) / 2)
  if (pairs < 2) return null
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) evenZeros++
    if (head[2 * i + 1] === 0) oddZeros++
  }
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le'
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be'
  return null
}

function binarySignature(head: Uint8Array): BinaryKind | null {
  const starts = (...bytes: number[]) => bytes.every((byte, i) => head[i] === byte)
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'zip'
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'ole'
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf'
  return null
}

/** Text with a NUL, or with more than 2% control characters, is not a spreadsheet export. */
export function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true
  let controls = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) controls++
  }
  return controls > 0 && controls > text.length * 0.02
}

const candidates: readonly CsvDelimiter[] = ['\t', ';', ',']

/**
 * For each candidate, splits the first records with that delimiter (quotes respected) and counts
 * the records with as many fields as the header row. A candidate absent from the header row is
 * out. The most consistent wins; then the one giving more columns; a remaining tie goes to tab,
 * then semicolon, then comma, because commas are the most common inside unquoted text (and a
 * semicolon file is usually one whose cells use commas as decimal points). A file where no
 * candidate appears in the header row is one column, read with commas. A `sep=` line decides.
 */
export function sniffDelimiter(text: string, complete: boolean): CsvDelimiter {
  const hinted = sepHint(text)
  if (hinted) return hinted
  let best: { delimiter: CsvDelimiter; consistent: number; columns: number } | null = null
  for (const delimiter of candidates) {
    const counts = fieldCounts(text, delimiter, complete)
    const columns = counts[0] ?? 0
    if (columns < 2) continue
    const consistent = counts.filter((count) => count === columns).length
    if (
      !best ||
      consistent > best.consistent ||
      (consistent === best.consistent && columns > best.columns)
    )
      best = { delimiter, consistent, columns }
  }
  return best?.delimiter ?? ','
}

/**
 * Excel writes, and obeys, a first line `sep=;` naming the delimiter. The reader skips that line.
 */
export function sepHint(firstLine: string): CsvDelimiter | null {
  const match = /^sep=(.)(?:\r\n?|\n|$)/i.exec(firstLine)
  const named = match?.[1]
  return candidates.find((candidate) => candidate === named) ?? null
}

/** Fields per non-blank record over the first records of `text`, read with `delimiter`. */
function fieldCounts(text: string, delimiter: CsvDelimiter, complete: boolean): number[] {
  const counts: number[] = []
  let fields = 1
  let blank = true
  let quoted = false
  let atFieldStart = true
  let i = 0
  for (; i < text.length && counts.length < sampleRecords; i++) {
    const char = text[i]
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') i++
        else quoted = false
      }
      continue
    }
    if (char === '\n' || char === '\r') {
      if (!blank) counts.push(fields)
      fields = 1
      blank = true
      atFieldStart = true
      continue
    }
    blank = false
    if (char === delimiter) {
      fields++
      atFieldStart = true
      continue
    }
    if (char === '"' && atFieldStart) quoted = true
    atFieldStart = false
  }
  // The last record is cut off unless the head is the whole file.
  if (!blank && i === text.length && (complete || counts.length === 0)) counts.push(fields)
  return counts
}
