// The parser's silent failure modes (TOOLCHAIN.md), pinned down on the record reader itself.
import { describe, expect, it } from 'vitest'
import { readCsvRecords, type CsvRecord } from '../../../../src/main/imports/linkedin/csv-stream'
import { useTempDir } from './temp-export'

const temp = useTempDir()

async function recordsOf(content: string | Uint8Array): Promise<CsvRecord[]> {
  const path = await temp.write('file.csv', content)
  const records: CsvRecord[] = []
  await readCsvRecords(path, 'file.csv', (record) => records.push(record))
  return records
}

describe('readCsvRecords', () => {
  it('drops the BOM instead of keeping it in the first header', async () => {
    const [header] = await recordsOf('\uFEFF"CONVERSATION ID",FROM\r\nc1,Ana\r\n')
    expect(header!.fields).toEqual(['CONVERSATION ID', 'FROM'])
  })

  it('never guesses the delimiter, even on a tiny file', async () => {
    expect((await recordsOf('a;b\n1;2\n')).map((record) => record.fields)).toEqual([
      ['a;b'],
      ['1;2'],
    ])
  })

  it('hands over every field of a long row, for the caller to check against the header', async () => {
    const [, row] = await recordsOf('a,b\n1,2,3,4\n')
    expect(row!.fields).toEqual(['1', '2', '3', '4'])
  })

  it('counts a CRLF inside a quoted field as one line, takes mixed line endings, skips blank lines but counts them', async () => {
    const records = await recordsOf('a,b\r\n1,"x\r\ny\r\nz"\r\n\r\n2,3\r\n\n3,"\r"\r\n4,5')
    expect(records.map((record) => [record.line, record.fields[0]])).toEqual([
      [1, 'a'],
      [2, '1'],
      [6, '2'],
      [8, '3'],
      // The lone CR inside the quotes ends line 8 too.
      [10, '4'],
    ])
    expect(records[1]!.fields[1]).toBe('x\r\ny\r\nz')
  })
})
