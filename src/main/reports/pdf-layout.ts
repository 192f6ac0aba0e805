// A small page layout over pdfkit: a cursor that moves down the page, a new page when the next
// block would not fit, headings, paragraphs and tables, and the running header and footer
// (period, generation date, page X of Y) stamped on every page at the end.
import PDFDocument from 'pdfkit'
import type { PaperSize } from '../../shared/contract/reports'
import type { ReportFonts } from './fonts'

export const colors = {
  text: '#1b1f24',
  muted: '#5b6470',
  faint: '#8a939e',
  border: '#dde1e6',
  band: '#f3f5f8',
  accent: '#0a66c2',
  accentSoft: '#d6e6f7',
  success: '#1a7f37',
  danger: '#b42318',
  warning: '#8a4b00',
  warningSoft: '#fff4e0',
} as const

export const fontNames = { regular: 'Report', bold: 'Report-Bold' } as const

/** A table cell that `draw` paints instead of text. */
export const chartCell = '\u0000chart'

export interface Column {
  header: string
  /** Share of the table's width (the widths are scaled to fill it). */
  width: number
  align?: 'left' | 'right'
  /** Wrap long text onto more lines (a name, a note) instead of cutting it short. */
  wrap?: boolean
}

export interface Running {
  left: string
  right: string
  footerLeft: string
}

const sizes: Record<PaperSize, 'A4' | 'LETTER'> = { a4: 'A4', letter: 'LETTER' }

export class Layout {
  readonly doc: PDFKit.PDFDocument
  y: number
  readonly left: number
  readonly width: number
  private readonly top: number
  private readonly bottom: number

  constructor(
    paper: PaperSize,
    fonts: ReportFonts,
    info: { title: string; subject: string; createdAt: Date },
  ) {
    this.doc = new PDFDocument({
      size: sizes[paper],
      margins: { top: 64, bottom: 60, left: 50, right: 50 },
      bufferPages: true,
      // No standard font: pdfkit would load Helvetica, which has no Cyrillic; ours is set below.
      font: '',
      info: {
        Title: info.title,
        Subject: info.subject,
        Author: 'Outreach Ledger',
        CreationDate: info.createdAt,
      },
      pdfVersion: '1.7',
    })
    // pdfkit takes a parsed fontkit font as well as a file (its types only name the file kinds).
    this.doc.registerFont(fontNames.regular, fonts.regular as unknown as Buffer)
    this.doc.registerFont(fontNames.bold, fonts.bold as unknown as Buffer)
    this.doc.font(fontNames.regular)
    const page = this.doc.page
    this.left = page.margins.left
    this.width = page.width - page.margins.left - page.margins.right
    this.top = page.margins.top
    this.bottom = page.height - page.margins.bottom
    this.y = this.top
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensure(height: number): void {
    if (this.y + height <= this.bottom) return
    this.doc.addPage()
    this.y = this.top
  }

  space(points: number): void {
    this.y += points
  }

  font(bold: boolean, size: number, color: string = colors.text): PDFKit.PDFDocument {
    return this.doc
      .font(bold ? fontNames.bold : fontNames.regular)
      .fontSize(size)
      .fillColor(color)
  }

  /** One line of text at (x, y), cut with an ellipsis if it is wider than `width`. */
  line(
    text: string,
    x: number,
    y: number,
    width: number,
    style: { bold?: boolean; size?: number; color?: string; align?: 'left' | 'right' | 'center' },
  ): void {
    this.font(style.bold ?? false, style.size ?? 9, style.color).text(text, x, y, {
      width,
      align: style.align ?? 'left',
      lineBreak: false,
      ellipsis: true,
      height: (style.size ?? 9) * 1.3,
    })
  }

  /** A wrapped paragraph across the content width (or `width`), kept on one page. */
  paragraph(text: string, style: { size?: number; color?: string; bold?: boolean } = {}): void {
    const size = style.size ?? 9.5
    this.font(style.bold ?? false, size, style.color)
    const height = this.doc.heightOfString(text, { width: this.width, lineGap: 1.5 })
    this.ensure(height + 2)
    this.font(style.bold ?? false, size, style.color).text(text, this.left, this.y, {
      width: this.width,
      lineGap: 1.5,
    })
    this.y += height + 4
  }

  /** A section heading with a rule; it takes the next `keepWith` points along to its page. */
  heading(text: string, keepWith = 60): void {
    this.ensure(30 + keepWith)
    if (this.y > this.top) this.y += 10
    this.line(text, this.left, this.y, this.width, { bold: true, size: 13, color: colors.text })
    this.y += 19
    this.doc
      .moveTo(this.left, this.y)
      .lineTo(this.left + this.width, this.y)
      .lineWidth(0.8)
      .strokeColor(colors.accent)
      .stroke()
    this.y += 8
  }

  subheading(text: string, keepWith = 40): void {
    this.ensure(18 + keepWith)
    this.line(text, this.left, this.y, this.width, { bold: true, size: 10.5 })
    this.y += 16
  }

  /** Column x positions and widths for a table across the content width. */
  columns(columns: readonly Column[]): { x: number; w: number }[] {
    const total = columns.reduce((sum, c) => sum + c.width, 0)
    let x = this.left
    return columns.map((c) => {
      const w = (c.width / total) * this.width
      const at = { x, w }
      x += w
      return at
    })
  }

  /**
   * A table with a header row repeated on each page; `strong` rows are bold, `draw` paints into a
   * cell (a chart column) instead of text.
   */
  table(
    columns: readonly Column[],
    rows: readonly string[][],
    options: {
      strong?: (index: number) => boolean
      draw?: (row: number, col: number, box: { x: number; y: number; w: number; h: number }) => void
      size?: number
      caption?: string
    } = {},
  ): void {
    const size = options.size ?? 8.5
    const rowHeight = size * 2
    const at = this.columns(columns)
    const header = () => {
      this.doc.rect(this.left, this.y, this.width, rowHeight).fill(colors.band)
      columns.forEach((c, i) =>
        this.line(c.header, at[i]!.x + 3, this.y + size * 0.55, at[i]!.w - 6, {
          bold: true,
          size: size - 0.5,
          color: colors.muted,
          align: c.align ?? 'left',
        }),
      )
      this.y += rowHeight
    }
    this.ensure(rowHeight * Math.min(rows.length + 1, 4))
    header()
    rows.forEach((row, r) => {
      const strong = options.strong?.(r) ?? false
      // A wrapped cell makes its row as tall as its lines.
      let height = rowHeight
      row.forEach((cell, i) => {
        if (!columns[i]!.wrap || cell === chartCell) return
        this.font(strong, size)
        const lines = this.doc.heightOfString(cell, { width: at[i]!.w - 6 })
        height = Math.max(height, lines + size)
      })
      if (this.y + height > this.bottom) {
        this.doc.addPage()
        this.y = this.top
        header()
      }
      row.forEach((cell, i) => {
        const box = { x: at[i]!.x, y: this.y, w: at[i]!.w, h: height }
        if (options.draw && cell === chartCell) options.draw(r, i, box)
        else if (columns[i]!.wrap)
          this.font(strong, size).text(cell, box.x + 3, this.y + size * 0.5, {
            width: box.w - 6,
            align: columns[i]!.align ?? 'left',
          })
        else
          this.line(cell, box.x + 3, this.y + size * 0.5, box.w - 6, {
            bold: strong,
            size,
            align: columns[i]!.align ?? 'left',
          })
      })
      this.y += height
      this.doc
        .moveTo(this.left, this.y)
        .lineTo(this.left + this.width, this.y)
        .lineWidth(0.4)
        .strokeColor(colors.border)
        .stroke()
    })
    this.y += 4
    if (options.caption) this.paragraph(options.caption, { size: 7.5, color: colors.muted })
    this.y += 4
  }

  /** Stamps the running header and footer on every page, now that the page count is known. */
  stampPages(running: Running): void {
    const { start, count } = this.doc.bufferedPageRange()
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i)
      const page = this.doc.page
      // Text outside the margins would make pdfkit start a page; lift the margins while stamping.
      const margins = { ...page.margins }
      page.margins = { top: 0, bottom: 0, left: margins.left, right: margins.right }
      const headerY = 30
      this.line(running.left, this.left, headerY, this.width * 0.55, {
        bold: true,
        size: 8,
        color: colors.accent,
      })
      this.line(running.right, this.left + this.width * 0.45, headerY, this.width * 0.55, {
        size: 8,
        color: colors.muted,
        align: 'right',
      })
      this.doc
        .moveTo(this.left, headerY + 14)
        .lineTo(this.left + this.width, headerY + 14)
        .lineWidth(0.5)
        .strokeColor(colors.border)
        .stroke()
      const footerY = page.height - 38
      this.doc
        .moveTo(this.left, footerY - 6)
        .lineTo(this.left + this.width, footerY - 6)
        .lineWidth(0.5)
        .strokeColor(colors.border)
        .stroke()
      this.line(running.footerLeft, this.left, footerY, this.width * 0.75, {
        size: 7.5,
        color: colors.muted,
      })
      this.line(`Page ${i - start + 1} of ${count}`, this.left, footerY, this.width, {
        size: 7.5,
        color: colors.muted,
        align: 'right',
      })
      page.margins = margins
    }
  }

  /** The finished PDF. */
  finish(): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = []
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk))
      this.doc.on('end', () => resolve(Buffer.concat(chunks)))
      this.doc.on('error', reject)
      this.doc.end()
    })
  }
}
