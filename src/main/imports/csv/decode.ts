// Turns the bytes of a CSV file into text chunks for the parser: decoded incrementally, byte-order
// mark dropped, every line ending (CRLF, LF, CR) made LF so the parser counts lines right, and
// binary data refused.
import { TextDecoder } from 'node:util'
import type { CsvEncoding } from '../../../shared/contract/csv-mapping'
import { binaryFile, mixedEncoding } from './errors'
import type { CsvSniff } from './sniff'

/** Bytes after the first non-ASCII byte looked at before UTF-8 or Windows-1252 is decided. */
const decideAfter = 4096

/**
 * A streaming decoder. When the encoding is open (the head was plain ASCII) it passes ASCII
 * through and, at the first non-ASCII byte, looks at the next bytes: valid UTF-8 means UTF-8,
 * anything else Windows-1252. A decided UTF-8 stream that later turns invalid throws (a file that
 * mixes encodings would otherwise import with garbled names).
 */
export class CsvDecoder {
  private decoder: TextDecoder | null
  private pending: Uint8Array | null = null
  private chosen: CsvEncoding

  constructor(sniff: Pick<CsvSniff, 'encoding' | 'encodingOpen'>) {
    this.chosen = sniff.encoding
    this.decoder = sniff.encodingOpen ? null : makeDecoder(sniff.encoding)
  }

  /** The encoding in use; while it is still open, UTF-8. */
  get encoding(): CsvEncoding {
    return this.chosen
  }

  /** Throws a TypeError when the bytes are not valid in a decided UTF-8 or UTF-16 stream. */
  decode(bytes: Uint8Array): string {
    if (this.decoder) return this.decoder.decode(bytes, { stream: true })
    if (this.pending) {
      this.pending = concat(this.pending, bytes)
      return this.pending.length >= decideAfter ? this.decide(false) : ''
    }
    const firstHigh = bytes.findIndex((byte) => byte >= 0x80)
    if (firstHigh === -1) return asciiText(bytes)
    const ascii = asciiText(bytes.subarray(0, firstHigh))
    this.pending = bytes.slice(firstHigh)
    return ascii + (this.pending.length >= decideAfter ? this.decide(false) : '')
  }

  flush(): string {
    if (!this.decoder) return this.pending ? this.decide(true) : ''
    return this.decoder.decode()
  }

  private decide(final: boolean): string {
    const pending = this.pending ?? new Uint8Array()
    this.pending = null
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(pending, { stream: !final })
      this.chosen = 'utf-8'
    } catch {
      this.chosen = 'windows-1252'
    }
    this.decoder = makeDecoder(this.chosen)
    return this.decoder.decode(pending, { stream: !final })
  }
}

function makeDecoder(encoding: CsvEncoding): TextDecoder {
  // Windows-1252 maps every byte, so only the Unicode encodings can fail.
  return new TextDecoder(encoding, { fatal: encoding !== 'windows-1252' })
}

function asciiText(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length)
  joined.set(a)
  joined.set(b, a.length)
  return joined
}

/**
 * The async-generator stage between the file and the parser. `lines` counts the line breaks seen
 * so far, for the messages of the errors it throws.
 */
export async function* decodeCsvText(
  chunks: AsyncIterable<Uint8Array>,
  sniff: Pick<CsvSniff, 'encoding' | 'encodingOpen'>,
  onBytes: (bytesRead: number) => void = () => {},
): AsyncGenerator<string> {
  const decoder = new CsvDecoder(sniff)
  const endings = new LineEndings()
  let bytesRead = 0
  for await (const chunk of chunks) {
    bytesRead += chunk.byteLength
    let text: string
    try {
      text = decoder.decode(chunk)
    } catch {
      throw mixedEncoding(
        endings.lines + 1 + linesBeforeInvalid(chunk, decoder.encoding),
        decoder.encoding,
      )
    }
    const out = endings.normalize(text, false)
    checkText(out, endings)
    onBytes(bytesRead)
    if (out) yield out
  }
  let rest: string
  try {
    rest = decoder.flush()
  } catch {
    throw mixedEncoding(endings.lines + 1, decoder.encoding)
  }
  const out = endings.normalize(rest, true)
  checkText(out, endings)
  if (out) yield out
}

/** Line breaks in `chunk` before its first byte that is not valid in `encoding`. */
function linesBeforeInvalid(chunk: Uint8Array, encoding: CsvEncoding): number {
  const text = new TextDecoder(encoding).decode(chunk)
  const invalid = text.indexOf('\uFFFD')
  return text.slice(0, invalid === -1 ? 0 : invalid).match(/\r\n?|\n/g)?.length ?? 0
}

function checkText(text: string, endings: LineEndings): void {
  const nul = text.indexOf('\u0000')
  if (nul === -1) return
  const after = text.slice(nul).split('\n').length - 1
  throw binaryFile('other', endings.lines - after + 1)
}

/** CRLF and lone CR become LF, also when a chunk ends between the CR and the LF. */
class LineEndings {
  lines = 0
  private carriedCr = false

  normalize(text: string, final: boolean): string {
    let input = this.carriedCr ? '\r' + text : text
    this.carriedCr = false
    if (!final && input.endsWith('\r')) {
      this.carriedCr = true
      input = input.slice(0, -1)
    }
    const out = input.includes('\r') ? input.replace(/\r\n?/g, '\n') : input
    for (let at = out.indexOf('\n'); at !== -1; at = out.indexOf('\n', at + 1)) this.lines++
    return out
  }
}
