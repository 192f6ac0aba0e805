// Finds columns by their header name (any case, spacing or BOM), never by position.

export interface ColumnSpec {
  /** The name as LinkedIn writes it, used in messages to the user. */
  header: string
  required: boolean
}

export type ColumnMap<K extends string> = Record<K, number | undefined>

/** `  "Connected On"\uFEFF ` and `CONNECTED_ON` both become `connected on`. */
export function normalizeHeader(name: string): string {
  return name
    .replace(/\uFEFF/g, '')
    .replace(/[\s_]+/g, ' ')
    .trim()
    .toLowerCase()
}

export function mapColumns<K extends string>(
  header: readonly string[],
  spec: Readonly<Record<K, ColumnSpec>>,
): { columns: ColumnMap<K>; missing: string[] } {
  const positions = new Map<string, number>()
  header.forEach((name, index) => {
    const key = normalizeHeader(name)
    // The first of two same-named columns wins, as in any spreadsheet lookup.
    if (!positions.has(key)) positions.set(key, index)
  })
  const columns = {} as ColumnMap<K>
  const missing: string[] = []
  for (const key of Object.keys(spec) as K[]) {
    const column = spec[key]
    const index = positions.get(normalizeHeader(column.header))
    columns[key] = index
    if (index === undefined && column.required) missing.push(column.header)
  }
  return { columns, missing }
}

/** The cell of a column, '' when the column or the cell is absent. */
export function cell(fields: readonly string[], index: number | undefined): string {
  return index === undefined ? '' : (fields[index] ?? '')
}

/** A hint for a header that was split on the wrong character (a semicolon- or tab-separated file). */
export function delimiterHint(header: readonly string[]): string {
  if (header.length !== 1) return ''
  const only = header[0] ?? ''
  if (only.includes(';'))
    return ' The header is separated by semicolons; save the file again as comma-separated CSV.'
  if (only.includes('\t'))
    return ' The header is separated by tabs; save the file again as comma-separated CSV.'
  return ''
}
