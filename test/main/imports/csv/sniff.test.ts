import { describe, expect, it } from 'vitest'
import { CsvReadError } from '../../../../src/main/imports/csv'
import { sniffCsv, sniffDelimiter, sniffEncoding } from '../../../../src/main/imports/csv/sniff'
import { cp1252, utf16be, utf16le, utf8Bom } from './files'

const bytes = (text: string) => Buffer.from(text, 'utf8')

describe('sniffEncoding', () => {
  it('goes by the byte-order mark first', () => {
    expect(sniffEncoding(utf8Bom('a,b\n'), true)).toEqual({
      encoding: 'utf-8',
      encodingOpen: false,
    })
    expect(sniffEncoding(utf16le('a,b\n'), true).encoding).toBe('utf-16le')
    expect(sniffEncoding(utf16be('a,b\n'), true).encoding).toBe('utf-16be')
  })

  it('recognises UTF-16 without a byte-order mark by its zero bytes', () => {
    expect(sniffEncoding(utf16le('Name,Sent\nJürgen,2026-01-02\n', false), true).encoding).toBe(
      'utf-16le',
    )
    expect(sniffEncoding(utf16be('Name,Sent\nJürgen,2026-01-02\n', false), true).encoding).toBe(
      'utf-16be',
    )
  })

  it('takes valid UTF-8 as UTF-8 and anything else as Windows-1252', () => {
    expect(sniffEncoding(bytes('Name\nJosé\n'), true)).toEqual({
      encoding: 'utf-8',
      encodingOpen: false,
    })
    expect(sniffEncoding(cp1252('Name\nJosé €\n'), true)).toEqual({
      encoding: 'windows-1252',
      encodingOpen: false,
    })
  })

  it('leaves plain ASCII open, since UTF-8 and Windows-1252 write it alike', () => {
    expect(sniffEncoding(bytes('Name,Sent\nJane,2026-01-02\n'), true)).toEqual({
      encoding: 'utf-8',
      encodingOpen: true,
    })
  })

  it('does not mistake a character cut off at the end of the head for Windows-1252', () => {
    const head = bytes('Name\nJosé').subarray(0, -1)
    expect(sniffEncoding(head, false).encoding).toBe('utf-8')
    expect(sniffEncoding(head, true).encoding).toBe('windows-1252')
  })
})

describe('sniffDelimiter', () => {
  it('finds comma, semicolon and tab', () => {
    expect(sniffDelimiter('Name,Sent\nJane,2026-01-02\n', true)).toBe(',')
    expect(sniffDelimiter('Name;Sent\nJane;2026-01-02\n', true)).toBe(';')
    expect(sniffDelimiter('Name\tSent\nJane\t2026-01-02\n', true)).toBe('\t')
  })

  it('ignores delimiters inside quotes, also across lines', () => {
    const text = 'Name;Note\n"Doe, Jane";"a, b, c"\n"Roe, Rick";"one,\ntwo, three"\n'
    expect(sniffDelimiter(text, true)).toBe(';')
  })

  it('is not fooled by decimal commas in a semicolon file', () => {
    expect(sniffDelimiter('Name;Score\nJane;1,5\nBob;2,25\n', true)).toBe(';')
  })

  it('prefers the delimiter that gives every row the header’s column count', () => {
    // Commas in the text make rows uneven for ","; ";" stays even.
    const text = 'Name;Role, team;Sent\nJane;Dev, Ops;2026\nBob;QA;2026\nAl;Dev, QA, Ops;2026\n'
    expect(sniffDelimiter(text, true)).toBe(';')
  })

  it('reads a header-only file by its header row', () => {
    expect(sniffDelimiter('Name;Sent;Reply', true)).toBe(';')
    expect(sniffDelimiter('Name,Sent,Reply\n', true)).toBe(',')
  })

  it('breaks a tie deliberately: tab, then semicolon, then comma', () => {
    expect(sniffDelimiter('Name;Sent, UTC\nJane;2026-01-02, 10:00\n', true)).toBe(';')
    expect(sniffDelimiter('Name\tSent;x\n', true)).toBe('\t')
  })

  it('obeys the sep= line Excel writes and reads', () => {
    expect(sniffDelimiter('sep=;\r\nName,Note;Sent\nJane,x;1\n', true)).toBe(';')
    expect(sniffDelimiter('SEP=\t\nName;Sent\n', true)).toBe('\t')
  })

  it('falls back to comma for one column or an empty file', () => {
    expect(sniffDelimiter('Name\nJane\n', true)).toBe(',')
    expect(sniffDelimiter('', true)).toBe(',')
  })

  it('does not count a record cut off at the end of an incomplete head', () => {
    const text = 'Name;Sent\nJane;2026\nBob;2026\nAl,x,y,z,w,v'
    expect(sniffDelimiter(text, false)).toBe(';')
  })
})

describe('sniffCsv', () => {
  it('lets an explicit choice win', () => {
    const head = bytes('Name;Sent\nJane;2026\n')
    expect(sniffCsv(head, true, { delimiter: ',', encoding: 'windows-1252' })).toEqual({
      encoding: 'windows-1252',
      encodingOpen: false,
      delimiter: ',',
    })
  })

  it('refuses a workbook and binary data with a message saying what to do', () => {
    const zip = Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000', 'latin1')
    expect(() => sniffCsv(zip, true)).toThrow(/workbook.*export it again as CSV/)
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256))
    expect(() => sniffCsv(random, true)).toThrow(CsvReadError)
    expect(() => sniffCsv(random, true)).toThrow(/does not look like a CSV file/)
  })
})
