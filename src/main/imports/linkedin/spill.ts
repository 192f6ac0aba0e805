// Keeps the messages of a big export on disk until the whole file is read, so memory does not
// grow with the file. LinkedIn lists messages newest first across all conversations, so no
// conversation is known to be complete before the last row: each message goes to one of a few
// temporary files chosen by its conversation, and afterwards each file is read back into a
// conversation book of its own. A small file stays in one book in memory, as it always did.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConversationBook } from './conversations'
import type { MessageRow, Party } from './message-rows'

/**
 * A messages.csv up to this size is grouped in memory (most exports are a few MB a year, and
 * writing the files back and forth costs about a tenth of the import); a bigger one spills.
 */
const inMemoryBytes = 32 * 1024 * 1024
/** About this much of messages.csv goes to each file: what one book holds in memory at a time. */
const defaultBucketBytes = 2 * 1024 * 1024
/** Past this many files (a 512 MB export) each file takes more instead: open files are limited. */
const maxBuckets = 256
/** Each file's pending bytes; a message's text never stays in the JavaScript heap for long. */
const bufferBytes = 64 * 1024

// Fields are separated by ASCII's unit separator and messages by its record separator, which no
// LinkedIn text holds; a field that does (or starts with the marker) is stored as JSON after the
// marker, so any text comes back exactly as it went in.
const unit = '\u001f'
const record = '\u001e'
const marker = '\u0001'
/** The record separator as a byte: UTF-8 never uses bytes below 0x80 inside a character. */
const recordByte = 0x1e

// eslint-disable-next-line no-control-regex -- the separators are control characters on purpose
const special = /[\u0001\u001e\u001f]/

/** Text as stored: itself, or after the marker as JSON when it holds a separator or the marker. */
function clean(text: string): string {
  return special.test(text) ? marker + JSON.stringify(text) : text
}

function restore(field: string): string {
  return field.startsWith(marker) ? (JSON.parse(field.slice(1)) as string) : field
}

// Profile URLs are normalised (percent-encoded), so they never hold a control character.
function encode(row: MessageRow): string {
  let text = [
    clean(row.conversationId),
    String(row.line),
    String(row.at),
    row.spam ? '1' : '',
    row.sender.url ?? '',
    clean(row.sender.name),
    clean(row.subject),
    clean(row.content),
  ].join(unit)
  for (const party of row.recipients) text += unit + (party.url ?? '') + unit + clean(party.name)
  return text + record
}

function decode(text: string): MessageRow {
  const f = text.split(unit)
  const recipients: Party[] = []
  for (let i = 8; i + 1 < f.length; i += 2)
    recipients.push({ url: f[i] || null, name: restore(f[i + 1]!) })
  return {
    conversationId: restore(f[0]!),
    line: Number(f[1]),
    at: Number(f[2]),
    spam: f[3] === '1',
    sender: { url: f[4] || null, name: restore(f[5]!) },
    subject: restore(f[6]!),
    content: restore(f[7]!),
    recipients,
  }
}

/** FNV-1a over the id's UTF-16 code units: the same conversation always lands in one file. */
function bucketOf(conversationId: string, buckets: number): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < conversationId.length; i++) {
    hash ^= conversationId.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0) % buckets
}

/** The temporary files of a spilled export (after finish()). */
export interface SpilledFiles {
  dir: string
  buckets: number
}

/** The books of spilled files, read one file at a time (see ConversationSpill.books). */
export function* spilledBooks(files: SpilledFiles): Generator<ConversationBook> {
  for (let bucket = 0; bucket < files.buckets; bucket++) {
    const book = new ConversationBook()
    // Read as bytes and decoded a message at a time: one string of the whole file would be
    // kept alive by every piece of it the book keeps.
    const bytes = readFileSync(join(files.dir, `${bucket}.txt`))
    let start = 0
    for (let end = bytes.indexOf(recordByte); end >= 0; end = bytes.indexOf(recordByte, start)) {
      book.add(decode(bytes.toString('utf8', start, end)))
      start = end + 1
    }
    yield book
  }
}

export class ConversationSpill {
  private readonly book: ConversationBook | null
  private readonly dir: string | null
  private readonly fds: number[] = []
  private readonly buffers: Buffer[] = []
  private readonly used: number[] = []

  /**
   * `fileBytes`: the size of messages.csv, which decides how many files the messages need.
   * `bucketBytes` (tests): spread any file bigger than this over parts of this size.
   */
  constructor(fileBytes: number, bucketBytes?: number) {
    const part = bucketBytes ?? defaultBucketBytes
    const buckets = Math.min(maxBuckets, Math.max(1, Math.ceil(fileBytes / part)))
    if (fileBytes <= (bucketBytes ?? inMemoryBytes) || buckets === 1) {
      this.book = new ConversationBook()
      this.dir = null
      return
    }
    this.book = null
    this.dir = mkdtempSync(join(tmpdir(), 'outreach-ledger-import-'))
    try {
      for (let i = 0; i < buckets; i++) {
        this.fds.push(openSync(join(this.dir, `${i}.txt`), 'w'))
        this.buffers.push(Buffer.allocUnsafe(bufferBytes))
        this.used.push(0)
      }
    } catch (error) {
      this.dispose()
      throw error
    }
  }

  /** How many files the messages are spread over (1: kept in memory). */
  get buckets(): number {
    return this.book ? 1 : this.fds.length
  }

  add(row: MessageRow): void {
    if (this.book) {
      this.book.add(row)
      return
    }
    const bucket = bucketOf(row.conversationId, this.fds.length)
    const text = encode(row)
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (this.used[bucket]! + text.length * 3 > bufferBytes) {
      this.flush(bucket)
      if (text.length * 3 > bufferBytes) {
        writeSync(this.fds[bucket]!, text, null, 'utf8')
        return
      }
    }
    this.used[bucket]! += this.buffers[bucket]!.write(text, this.used[bucket]!, 'utf8')
  }

  private flush(bucket: number): void {
    const used = this.used[bucket]!
    if (used === 0) return
    writeSync(this.fds[bucket]!, this.buffers[bucket]!, 0, used)
    this.used[bucket] = 0
  }

  /** Ends writing: everything added is on disk (or in the one book). */
  finish(): void {
    for (let bucket = 0; bucket < this.fds.length; bucket++) this.flush(bucket)
  }

  /** Where the messages wait, for a reader on another thread; null when kept in memory. */
  get files(): SpilledFiles | null {
    return this.dir ? { dir: this.dir, buckets: this.fds.length } : null
  }

  /**
   * The conversations, one book per file, each read when the previous one is done with: every
   * conversation is whole in exactly one book. Read once.
   */
  *books(): Generator<ConversationBook> {
    if (this.book) yield this.book
    else yield* spilledBooks(this.files!)
  }

  /** Removes the temporary files; safe to call more than once. */
  dispose(): void {
    for (const fd of this.fds.splice(0)) closeSync(fd)
    if (this.dir) rmSync(this.dir, { recursive: true, force: true })
  }
}
