import { describe, expect, it } from 'vitest'
import { previewCsv } from '../../../../src/main/imports/csv'
import { cp1252, useTempDir } from './files'

const files = useTempDir()

describe('previewCsv', () => {
  it('says how the file is written and shows its first 20 rows', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `Person ${i + 1};0${(i % 9) + 1}/02/2026`)
    const text = `Name;Sent;;Sent\r\n${rows.map((row) => `${row};;x`).join('\r\n')}\r\n`
    const bytes = cp1252(text.replace('Person 1;', 'Zoë;'))
    const path = await files.write('sheet.csv', bytes)
    const preview = await previewCsv(path)
    expect(preview).toMatchObject({
      encoding: 'windows-1252',
      delimiter: ';',
      headers: ['Name', 'Sent', 'Column 3', 'Sent (2)'],
      headerNotes: [
        'Column 3 has no name in the header row; it is called "Column 3" here.',
        'More than one column is named "Sent"; column 4 is called "Sent (2)" here.',
      ],
      totalBytes: bytes.length,
    })
    expect(preview.rows).toHaveLength(20)
    expect(preview.rows[0]).toEqual({
      line: 2,
      cells: { Name: 'Zoë', Sent: '01/02/2026', 'Column 3': '', 'Sent (2)': 'x' },
    })
    expect(preview.dateFormats).toEqual({
      Name: [],
      Sent: ['DD/MM/YYYY', 'MM/DD/YYYY'],
      'Column 3': [],
      'Sent (2)': [],
    })
  })

  it('narrows the date formats with values further down than the rows it shows', async () => {
    const early = Array.from({ length: 25 }, () => 'Jane,01/02/2026,2026-02-01 10:00')
    const text = ['Name,Sent,Replied', ...early, 'Bob,13/02/2026,2026-02-14 09:30', ''].join('\n')
    const preview = await previewCsv(await files.write('dates.csv', text))
    expect(preview.encoding).toBe('utf-8')
    expect(preview.delimiter).toBe(',')
    expect(preview.dateFormats).toEqual({
      Name: [],
      Sent: ['DD/MM/YYYY'],
      Replied: ['iso', 'YYYY-MM-DD HH:mm'],
    })
  })

  it('shows rows that cannot be read with their reason, and a header-only file as no rows', async () => {
    const preview = await previewCsv(await files.write('bad.csv', 'Name,Sent\nJane,1,2\n'))
    expect(preview.rows).toEqual([{ line: 2, error: expect.stringMatching(/3 cells/) }])
    const empty = await previewCsv(await files.write('header.csv', 'Name\tSent\n'))
    expect(empty).toMatchObject({ headers: ['Name', 'Sent'], rows: [], delimiter: '\t' })
    expect(empty.dateFormats).toEqual({ Name: [], Sent: [] })
  })

  it('uses the encoding and delimiter it is given', async () => {
    const path = await files.write('x.csv', 'Name;Sent\nJosé;1\n')
    const preview = await previewCsv(path, { encoding: 'windows-1252', delimiter: ',' })
    expect(preview).toMatchObject({
      encoding: 'windows-1252',
      delimiter: ',',
      headers: ['Name;Sent'],
    })
    expect(preview.rows).toEqual([{ line: 2, cells: { 'Name;Sent': 'JosÃ©;1' } }])
  })

  it('passes on the reason a file cannot be read', async () => {
    await expect(previewCsv(await files.write('e.csv', ''))).rejects.toMatchObject({
      code: 'CSV_EMPTY',
    })
  })
})
