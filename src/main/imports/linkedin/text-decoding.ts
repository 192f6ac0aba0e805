// Turns the bytes of an export file into UTF-8 for the CSV parser. A file that is not valid
// UTF-8 (Excel on Windows saves Windows-1252) is decoded as Windows-1252 from the first invalid
// byte on, instead of letting U+FFFD replace the letters silently; a file that is not text at all
// (an image, a ZIP, UTF-16) is refused.
import { Transform, type TransformCallback } from 'node:stream'
import { isUtf8 } from 'node:buffer'
import { LinkedInExportError } from './errors'
import type { TextEncodingName } from './types'

const utf8Bom = [0xef, 0xbb, 0xbf]

/** The kinds of file people pick by mistake, by their first bytes. */
const signatures: readonly { bytes: readonly number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    what: 'a ZIP archive (unzip the LinkedIn export first and choose the folder inside)',
  },
  { bytes: [0x1f, 0x8b], what: 'a compressed (gzip) file' },
  { bytes: [0xff, 0xfe], what: 'a UTF-16 text file (save it again as CSV UTF-8)' },
  { bytes: [0xfe, 0xff], what: 'a UTF-16 text file (save it again as CSV UTF-8)' },
]

function startsWith(buffer: Buffer, bytes: readonly number[]): boolean {
  return buffer.length >= bytes.length && bytes.every((byte, i) => buffer[i] === byte)
}

/** Length of the prefix of `buffer` that does not end inside an unfinished UTF-8 sequence. */
function completeLength(buffer: Buffer): number {
  const end = buffer.length
  for (let back = 1; back <= Math.min(3, end); back++) {
    const byte = buffer[end - back]!
    if ((byte & 0xc0) === 0x80) continue
    if (byte < 0xc0) return end
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2
    return back < needed ? end - back : end
  }
  return end
}

export class ExportTextDecoder extends Transform {
  /** Bytes of the file consumed so far. */
  bytesRead = 0
  encoding: TextEncodingName = 'utf-8'
  private readonly fileLabel: string
  private pending: Buffer = Buffer.alloc(0)
  private started = false
  private readonly windows1252 = new TextDecoder('windows-1252')

  constructor(fileLabel: string) {
    super()
    this.fileLabel = fileLabel
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytesRead += chunk.length
    const bytes = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk
    this.pending = Buffer.alloc(0)
    this.settle(bytes, false, done)
  }

  override _flush(done: TransformCallback): void {
    const bytes = this.pending
    this.pending = Buffer.alloc(0)
    if (bytes.length === 0) done()
    else this.settle(bytes, true, done)
  }

  private settle(input: Buffer, last: boolean, done: TransformCallback): void {
    let bytes = input
    if (!this.started) {
      // Wait for enough bytes to recognise a signature.
      if (bytes.length < 4 && !last) {
        this.pending = bytes
        done()
        return
      }
      this.started = true
      const refusal = this.recognise(bytes)
      if (refusal) {
        done(refusal)
        return
      }
      if (startsWith(bytes, utf8Bom)) bytes = bytes.subarray(utf8Bom.length)
    }
    if (bytes.includes(0)) {
      done(this.notText('it contains NUL bytes, which a CSV text file never has'))
      return
    }
    done(null, this.decode(bytes, last))
  }

  private recognise(bytes: Buffer): LinkedInExportError | null {
    const known = signatures.find((signature) => startsWith(bytes, signature.bytes))
    return known ? this.notText(`it is ${known.what}`) : null
  }

  private notText(why: string): LinkedInExportError {
    return new LinkedInExportError(
      'NOT_CSV',
      `${this.fileLabel} is not a CSV text file: ${why}. Choose the messages.csv from your LinkedIn data export.`,
    )
  }

  /** UTF-8 bytes for the parser; an unfinished sequence at the end waits for the next chunk. */
  private decode(bytes: Buffer, last: boolean): Buffer {
    if (this.encoding === 'utf-8') {
      const complete = last ? bytes.length : completeLength(bytes)
      const head = bytes.subarray(0, complete)
      if (isUtf8(head)) {
        this.pending = Buffer.from(bytes.subarray(complete))
        return head
      }
      this.encoding = 'windows-1252'
    }
    return Buffer.from(this.windows1252.decode(bytes), 'utf8')
  }
}
