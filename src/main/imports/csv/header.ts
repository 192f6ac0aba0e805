// Column names from the header row: trimmed, and made unique so every cell has a name to go by.

export interface CsvHeader {
  /** One name per column, in order, all different. */
  names: string[]
  /** What was renamed and why, one sentence each; empty when every name was usable as is. */
  notes: string[]
}

/**
 * An empty header becomes "Column N" (N counting from 1); a repeated one gets " (2)", " (3)"…
 * Names are compared as written (after trimming), so "Date" and "date" are two columns. A new
 * name never takes a name that another column already has.
 */
export function makeHeader(cells: string[]): CsvHeader {
  const trimmed = cells.map((cell) => cell.replace(/^\uFEFF/, '').trim())
  const taken = new Set(trimmed.filter(Boolean))
  const used = new Set<string>()
  const names: string[] = []
  const notes: string[] = []
  trimmed.forEach((name, index) => {
    const position = index + 1
    if (!name) {
      let fresh = `Column ${position}`
      for (let n = 2; taken.has(fresh) || used.has(fresh); n++) fresh = `Column ${position} (${n})`
      notes.push(`Column ${position} has no name in the header row; it is called "${fresh}" here.`)
      used.add(fresh)
      names.push(fresh)
      return
    }
    if (!used.has(name)) {
      used.add(name)
      names.push(name)
      return
    }
    let n = 2
    while (taken.has(`${name} (${n})`) || used.has(`${name} (${n})`)) n++
    const fresh = `${name} (${n})`
    notes.push(
      `More than one column is named "${name}"; column ${position} is called "${fresh}" here.`,
    )
    used.add(fresh)
    names.push(fresh)
  })
  return { names, notes }
}
