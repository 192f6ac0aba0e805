import { describe, expect, it } from 'vitest'
import { CsvReadError, readCsvRows, type CsvRow } from '../../../../src/main/imports/csv'
import { cellsOf, cp1252, readAll, useTempDir, utf16be, utf16le, utf8Bom } from './files'

const files = useTempDir()

const sheet = 'Name,Sent,Note\r\nJosé Müller,2026-02-01,€ 50\r\nZoë,2026-02-02,ok\r\n'
const expected = [
  { Name: 'José Müller', Sent: '2026-02-01', Note: '€ 50' },
  { Name: 'Zoë', Sent: '2026-02-02', Note: 'ok' },
]

async function failure(path: string): Promise<{ rows: CsvRow[]; error: unknown }> {
  const rows: CsvRow[] = []
  try {
    for await (const row of readCsvRows(path)) rows.push(row)
  } catch (error) {
    return { rows, error }
  }
  throw new Error('expected the read to fail')
}

describe('readCsvRows: encodings', () => {
  it.each([
    ['UTF-8', Buffer.from(sheet, 'utf8')],
    ['UTF-8 with BOM', utf8Bom(sheet)],
    ['UTF-16 LE', utf16le(sheet)],
    ['UTF-16 BE', utf16be(sheet)],
    ['Windows-1252', cp1252(sheet)],
  ])('reads %s, the first header without a byte-order mark', async (_, bytes) => {
    const path = await files.write('sheet.csv', bytes)
    const rows = await readAll(path)
    expect(cellsOf(rows)).toEqual(expected)
    expect(rows.map((row) => row.line)).toEqual([2, 3])
  })

  it('decides between UTF-8 and Windows-1252 at the first accent, far past the head', async () => {
    const filler = 'Jane,2026-02-01,plain ascii\n'.repeat(4000)
    const path = await files.write(
      'late.csv',
      cp1252(`Name,Sent,Note\n${filler}Zoë,2026-02-02,€\n`),
    )
    const rows = cellsOf(await readAll(path))
    expect(rows.at(-1)).toEqual({ Name: 'Zoë', Sent: '2026-02-02', Note: '€' })

    const utf8 = await files.write('late8.csv', `Name,Sent,Note\n${filler}Zoë,2026-02-02,€\n`)
    expect(cellsOf(await readAll(utf8)).at(-1)).toEqual({
      Name: 'Zoë',
      Sent: '2026-02-02',
      Note: '€',
    })
  })

  it('refuses a UTF-8 file that turns into another encoding, naming the line', async () => {
    const head = `Name\nJosé\n${'Jane\n'.repeat(20_000)}`
    const path = await files.write('mixed.csv', Buffer.concat([Buffer.from(head), cp1252('Zoë\n')]))
    const { rows, error } = await failure(path)
    expect(rows.length).toBeGreaterThan(0)
    expect(error).toBeInstanceOf(CsvReadError)
    expect((error as CsvReadError).code).toBe('CSV_ENCODING')
    expect((error as CsvReadError).line).toBe(20_003)
    expect((error as CsvReadError).message).toMatch(/^Line 20003 is not valid UTF-8 text/)
  })

  it('uses an explicit encoding even when the guess would differ', async () => {
    const path = await files.write('explicit.csv', Buffer.from('Name\nJosé\n', 'utf8'))
    expect(cellsOf(await readAll(path, { encoding: 'windows-1252' }))).toEqual([{ Name: 'JosÃ©' }])
  })
})

describe('readCsvRows: delimiters and quoting', () => {
  it.each([
    [',', 'Name,Sent\nJane,2026-02-01\n'],
    [';', 'Name;Sent\nJane;2026-02-01\n'],
    ['tab', 'Name\tSent\nJane\t2026-02-01\n'],
  ])('detects %s', async (_, text) => {
    const path = await files.write('d.csv', text)
    expect(cellsOf(await readAll(path))).toEqual([{ Name: 'Jane', Sent: '2026-02-01' }])
  })

  it.each([';', ','])('skips the sep=%s line and reads with that delimiter', async (sep) => {
    const path = await files.write('sep.csv', `sep=${sep}\r\nName${sep}Sent\r\nJane${sep}1\r\n`)
    const rows = await readAll(path)
    expect(cellsOf(rows)).toEqual([{ Name: 'Jane', Sent: '1' }])
    expect(rows[0]?.line).toBe(3)
  })

  it('uses an explicit delimiter', async () => {
    const path = await files.write('d.csv', 'Name;Sent\nJane;2026-02-01\n')
    expect(cellsOf(await readAll(path, { delimiter: ',' }))).toEqual([
      { 'Name;Sent': 'Jane;2026-02-01' },
    ])
  })

  it('keeps line breaks, delimiters and doubled quotes inside quoted cells, with true line numbers', async () => {
    const text =
      'Name,Note,Sent\r\n' +
      '"Doe, Jane","She said ""hi""\r\nthen left\r\n",2026-02-01\r\n' +
      '\r\n' +
      'Bob,"a\nb",2026-02-02\r\n' +
      'Al,plain,2026-02-03'
    const path = await files.write('q.csv', text)
    const rows = await readAll(path)
    expect(cellsOf(rows)).toEqual([
      { Name: 'Doe, Jane', Note: 'She said "hi"\nthen left\n', Sent: '2026-02-01' },
      { Name: 'Bob', Note: 'a\nb', Sent: '2026-02-02' },
      { Name: 'Al', Note: 'plain', Sent: '2026-02-03' },
    ])
    expect(rows.map((row) => row.line)).toEqual([2, 6, 8])
  })

  it('reads LF, CRLF and old Mac CR line endings alike, even mixed', async () => {
    const path = await files.write('e.csv', 'Name,Sent\rJane,1\r\nBob,2\nAl,3\r')
    expect(cellsOf(await readAll(path)).map((row) => row.Name)).toEqual(['Jane', 'Bob', 'Al'])
  })

  it('keeps a stray quote inside an unquoted cell as typed', async () => {
    const path = await files.write('s.csv', 'Name,Note\nJane,27" screen\n')
    expect(cellsOf(await readAll(path))).toEqual([{ Name: 'Jane', Note: '27" screen' }])
  })

  it('keeps formula-looking cells as text', async () => {
    const path = await files.write('f.csv', 'A,B,C,D\n=HYPERLINK("x"),+49 170,-5,@jane\n')
    expect(cellsOf(await readAll(path))).toEqual([
      { A: '=HYPERLINK("x")', B: '+49 170', C: '-5', D: '@jane' },
    ])
  })
})

describe('readCsvRows: headers and rows', () => {
  it('trims header names and makes empty and repeated ones unique, saying so', async () => {
    const path = await files.write('h.csv', ' Name ,Date,,Date,Date (2)\nJane,1,2,3,4\n')
    let notes: string[] = []
    const rows = await readAll(path, { onHeader: (header) => (notes = header.notes) })
    expect(cellsOf(rows)).toEqual([
      { Name: 'Jane', Date: '1', 'Column 3': '2', 'Date (3)': '3', 'Date (2)': '4' },
    ])
    expect(notes).toEqual([
      'Column 3 has no name in the header row; it is called "Column 3" here.',
      'More than one column is named "Date"; column 4 is called "Date (3)" here.',
    ])
  })

  it('yields a row with the wrong number of cells as an error and goes on', async () => {
    const text = 'Name,Sent,Note\nJane,1,a\nBob,2,b,c\nAl,3\nEve,4,d,,\n,,\nZed,5,e\n'
    const path = await files.write('w.csv', text)
    const rows = await readAll(path)
    expect(rows).toEqual([
      { line: 2, cells: expect.objectContaining({ Name: 'Jane' }) },
      {
        line: 3,
        error:
          'This row has 4 cells but the header row has 3 columns: a cell probably contains a comma without quotes around the cell.',
      },
      {
        line: 4,
        error:
          'This row has 2 cells but the header row has 3 columns: the row is cut short or cells are missing.',
      },
      // Blank extra cells are padding; a row of blank cells is skipped.
      { line: 5, cells: expect.objectContaining({ Name: 'Eve', Note: 'd' }) },
      { line: 7, cells: expect.objectContaining({ Name: 'Zed' }) },
    ])
  })

  it('gives cells without inherited keys, so a column named like a built-in is safe', async () => {
    const path = await files.write('p.csv', 'Name\nJane\n')
    const [row] = await readAll(path)
    expect(row && 'cells' in row && Object.hasOwn(row.cells, 'constructor')).toBe(false)
    expect(row && 'cells' in row && row.cells.constructor).toBeUndefined()
  })

  it('reads a header-only file as no rows', async () => {
    const path = await files.write('header.csv', 'Name,Sent\r\n')
    let names: string[] = []
    expect(await readAll(path, { onHeader: (header) => (names = header.names) })).toEqual([])
    expect(names).toEqual(['Name', 'Sent'])
  })

  it.each([
    ['an empty file', ''],
    ['a file of blank lines', '\r\n\n  \n'],
    ['a byte-order mark only', '\uFEFF'],
  ])('refuses %s: there is no header row', async (_, text) => {
    const path = await files.write('empty.csv', text)
    const { error } = await failure(path)
    expect(error).toBeInstanceOf(CsvReadError)
    expect((error as CsvReadError).code).toBe('CSV_EMPTY')
    expect((error as Error).message).toMatch(/empty.*column names in the first row/)
  })
})

describe('readCsvRows: files that cannot be read', () => {
  it('stops at an unclosed quote with one error naming the line it opened on', async () => {
    const text = 'Name,Note\nJane,ok\nBob,"never closed\nAl,x\nEve,y\n'
    const path = await files.write('u.csv', text)
    const { rows, error } = await failure(path)
    expect(cellsOf(rows)).toEqual([{ Name: 'Jane', Note: 'ok' }])
    expect(error).toBeInstanceOf(CsvReadError)
    expect((error as CsvReadError).code).toBe('CSV_UNCLOSED_QUOTE')
    expect((error as CsvReadError).line).toBe(3)
    expect((error as Error).message).toMatch(
      /A quote \(".*opened on line 3 is never closed.*written twice \(""\)/,
    )
  })

  it('stops at an unclosed quote long before the end of a big file', async () => {
    const text = `Name,Note\nBob,"never closed\n${'Al,x\n'.repeat(300_000)}`
    const path = await files.write('big-u.csv', text)
    const { error } = await failure(path)
    expect((error as CsvReadError).code).toBe('CSV_RECORD_TOO_LONG')
    expect((error as Error).message).toMatch(/row starting on line 2 .*never closed/)
  })

  it('refuses a binary file', async () => {
    const random = Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7919 + 13) % 256))
    const path = await files.write('photo.csv', random)
    const { error } = await failure(path)
    expect((error as CsvReadError).code).toBe('CSV_BINARY')
  })

  it('refuses an Excel workbook saved with a .csv name', async () => {
    const path = await files.write('book.csv', Buffer.from('PK\u0003\u0004rest of a zip', 'latin1'))
    const { error } = await failure(path)
    expect((error as Error).message).toMatch(/workbook \(Excel \.xlsx/)
  })

  it('refuses binary data that starts past the head, naming the line', async () => {
    const text = `Name\n${'Jane\n'.repeat(20_000)}`
    const path = await files.write('tail.csv', Buffer.concat([Buffer.from(text), Buffer.alloc(64)]))
    const { rows, error } = await failure(path)
    expect(rows.length).toBeGreaterThan(0)
    expect((error as CsvReadError).code).toBe('CSV_BINARY')
    expect((error as CsvReadError).line).toBe(20_002)
  })
})

describe('readCsvRows: progress and cancelling', () => {
  const many = (rows: number) =>
    'Name,Sent,Note\n' + 'Jane Doe,2026-02-01,a note of some length\n'.repeat(rows)

  it('reports bytes read, growing up to the size of the file', async () => {
    const path = await files.write('big.csv', many(20_000))
    const seen: number[] = []
    let total = 0
    const rows = await readAll(path, {
      onProgress: ({ bytesRead, totalBytes }) => {
        seen.push(bytesRead)
        total = totalBytes
      },
    })
    expect(rows).toHaveLength(20_000)
    expect(seen.length).toBeGreaterThan(5)
    expect(seen).toEqual([...seen].sort((a, b) => a - b))
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen.at(-1)).toBe(total)
    expect(total).toBe(Buffer.byteLength(many(20_000)))
  })

  it('throws an AbortError when aborted mid-file', async () => {
    const path = await files.write('big.csv', many(50_000))
    const controller = new AbortController()
    let read = 0
    const reading = (async () => {
      for await (const row of readCsvRows(path, { signal: controller.signal })) {
        expect('cells' in row).toBe(true)
        if (++read === 100) controller.abort()
      }
    })()
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' })
    expect(read).toBe(100)
  })

  it('throws an AbortError at once when already aborted', async () => {
    const path = await files.write('small.csv', many(3))
    const rows = readAll(path, { signal: AbortSignal.abort() })
    await expect(rows).rejects.toMatchObject({ name: 'AbortError' })
  })
})
