// The report as a PDF for print (A4 or US Letter): key figures, the funnel and the time to first
// reply as charts, then the report's sections (the same ones the preview shows, from
// shared/reports/sections.ts) and the warnings live at the end of the period.
import type { PaperSize, Report } from '../../shared/contract/reports'
import {
  type Block,
  funnelNote,
  funnelStages,
  keyFigures,
  replyTimeFacts,
  reportSections,
  scopeSentence,
  type Section,
  type SectionTable,
  versus,
  warningsText,
} from '../../shared/reports/sections'
import { instantText } from '../../shared/reports/words'
import { reportFonts } from './fonts'
import { funnelChart, intervalAxis, intervalCell, replyTimeChart } from './pdf-charts'
import { chartCell, colors, type Column, Layout } from './pdf-layout'

function keyTiles(layout: Layout, report: Report): void {
  const tiles = keyFigures(report)
  const gap = 10
  const w = (layout.width - gap * (tiles.length - 1)) / tiles.length
  const h = 80
  layout.ensure(h + 10)
  tiles.forEach((tile, i) => {
    const x = layout.left + i * (w + gap)
    layout.doc.roundedRect(x, layout.y, w, h, 5).fill(colors.band)
    layout.line(tile.label, x + 10, layout.y + 8, w - 20, { size: 8, color: colors.muted })
    layout.line(tile.value, x + 10, layout.y + 21, w - 20, { size: 17, bold: true })
    if (tile.note)
      layout.line(tile.note, x + 10, layout.y + 41, w - 20, { size: 7, color: colors.muted })
    layout.line(tile.change, x + 10, layout.y + 54, w - 20, {
      size: 8,
      bold: true,
      color: colors.muted,
    })
    layout.line(`vs ${versus(report)}`, x + 10, layout.y + 65, w - 20, {
      size: 7,
      color: colors.faint,
    })
  })
  layout.y += h + 8
}

function title(layout: Layout, report: Report): void {
  layout.line('Outreach report', layout.left, layout.y, layout.width, { bold: true, size: 22 })
  layout.y += 30
  layout.line(
    `${report.period.label}  ·  ${report.scope.label}`,
    layout.left,
    layout.y,
    layout.width,
    { size: 12.5, color: colors.accent, bold: true },
  )
  layout.y += 20
  layout.paragraph(scopeSentence(report), { size: 9, color: colors.muted })
  layout.space(4)
}

function funnelSection(layout: Layout, report: Report): void {
  layout.heading('Funnel', 130)
  if (report.funnel.delivered === 0) {
    layout.paragraph('Nothing was sent in this period.', { color: colors.muted })
    return
  }
  funnelChart(layout, funnelStages(report))
  layout.paragraph(funnelNote(report), { size: 8, color: colors.muted })
}

function replyTimeSection(layout: Layout, report: Report): void {
  layout.heading('Time to first reply', 130)
  const facts = replyTimeFacts(report)
  if (!facts) {
    layout.paragraph('No replies to outreach sent in this period yet.', { color: colors.muted })
    return
  }
  const chartWidth = layout.width * 0.62
  const height = 120
  layout.ensure(height)
  const top = layout.y
  replyTimeChart(layout, report.funnel.timeToFirstReply.histogram, layout.left, chartWidth, height)
  const x = layout.left + chartWidth + 24
  const w = layout.width - chartWidth - 24
  facts.forEach(([label, value], i) => {
    layout.line(label, x, top + 8 + i * 32, w, { size: 8, color: colors.muted })
    layout.line(value, x, top + 19 + i * 32, w, { size: 12, bold: true })
  })
  layout.y = top + height + 6
}

/** A section table; one with intervals gets a column of reply-rate ranges drawn beside it. */
function drawTable(layout: Layout, t: SectionTable): void {
  const intervals = t.intervals
  const columns: Column[] = [
    ...t.columns,
    ...(intervals ? [{ header: 'Reply rate and range', width: 24 }] : []),
  ]
  const max = intervals
    ? Math.min(1, Math.max(0.1, ...intervals.map((r) => (r.high === null ? 0 : r.high))))
    : 1
  layout.table(columns, intervals ? t.rows.map((r) => [...r, chartCell]) : t.rows, {
    ...(t.small ? { size: 7.5 } : {}),
    ...(t.caption ? { caption: t.caption } : {}),
    ...(intervals
      ? { draw: (row, _col, box) => intervalCell(layout, intervals[row]!, box, max) }
      : {}),
  })
  if (intervals) {
    const at = layout.columns(columns).at(-1)!
    layout.y -= 8
    intervalAxis(layout, at.x, at.w, max)
  }
}

/** A table's header row and its first rows (at least two): what must stay with its heading. */
function tableLead(t: SectionTable): number {
  const rowHeight = (t.small ? 7.5 : 8.5) * 2
  // As much as Layout.table asks for before its header: the header and up to three rows.
  return rowHeight * Math.min(t.rows.length + 1, 4) + 4
}

function textHeight(layout: Layout, block: Extract<Block, { kind: 'text' }>): number {
  const size = block.tone === 'strong' ? 9.5 : block.tone === 'muted' ? 8.5 : 9.5
  layout.font(block.tone === 'strong', size)
  return layout.doc.heightOfString(block.text, { width: layout.width, lineGap: 1.5 }) + 4
}

/**
 * The height that must go on one page with a heading: the sentences up to the first table and
 * that table's header with two rows, so a table never starts a page away from its heading and
 * note (review 2, #17).
 */
function leadHeight(layout: Layout, blocks: readonly Block[]): number {
  let height = 0
  for (const block of blocks) {
    if (block.kind === 'table') return height + tableLead(block.table)
    if (block.kind === 'details') return height + 18 + leadHeight(layout, block.blocks)
    height += textHeight(layout, block)
  }
  return height
}

/** A section: its heading, kept on one page with what leads up to its first table. */
export function drawSection(layout: Layout, section: Section): void {
  // The heading's own gap and rule (up to 37 points) come on top of what it keeps along.
  layout.heading(section.heading, Math.max(90, leadHeight(layout, section.blocks) + 8))
  drawBlocks(layout, section.blocks)
}

function drawBlocks(layout: Layout, blocks: readonly Block[]): void {
  blocks.forEach((block, i) => {
    // Sentences that introduce a table go to the page the table starts on.
    if (block.kind === 'text' && blocks[i + 1]?.kind === 'table')
      layout.ensure(leadHeight(layout, blocks.slice(i)))
    drawBlock(layout, block)
  })
}

function drawBlock(layout: Layout, block: Block): void {
  switch (block.kind) {
    case 'text':
      layout.paragraph(
        block.text,
        block.tone === 'strong'
          ? { bold: true, size: 9.5 }
          : block.tone === 'muted'
            ? { size: 8.5, color: colors.muted }
            : {},
      )
      return
    case 'table':
      drawTable(layout, block.table)
      return
    case 'details':
      layout.subheading(block.summary, Math.max(40, leadHeight(layout, block.blocks)))
      drawBlocks(layout, block.blocks)
      return
  }
}

function warningsSection(layout: Layout, report: Report): void {
  const words = warningsText(report)
  layout.heading(words.heading, 50)
  if (report.warnings.length === 0) {
    layout.paragraph(words.none, { color: colors.muted })
    return
  }
  for (const w of report.warnings) {
    layout.font(false, 9)
    const text = `${w.seat}: ${w.message}`
    const height = layout.doc.heightOfString(text, { width: layout.width - 22 })
    layout.ensure(height + 10)
    layout.doc.rect(layout.left, layout.y, 3, height + 4).fill(colors.warning)
    const width = layout.width - 22
    layout
      .font(true, 9)
      .text(`${w.seat}: `, layout.left + 12, layout.y + 2, { width, continued: true })
    layout.font(false, 9).text(w.message, { width })
    layout.y += height + 10
  }
}

/** The report as PDF bytes. */
export async function reportPdf(report: Report, paper: PaperSize): Promise<Buffer> {
  const layout = new Layout(paper, reportFonts(), {
    title: report.title,
    subject: `${report.period.label}, ${report.scope.label}`,
    createdAt: new Date(report.generatedAt),
  })
  title(layout, report)
  keyTiles(layout, report)
  funnelSection(layout, report)
  for (const section of reportSections(report)) {
    drawSection(layout, section)
    // The time to first reply follows the month-over-month table, as on screen.
    if (section.id === 'change') replyTimeSection(layout, report)
  }
  warningsSection(layout, report)
  layout.stampPages({
    left: `Outreach Ledger  ·  ${report.scope.label}`,
    right: `${report.period.label}  (${report.period.from} to ${report.period.to})`,
    footerLeft: `Generated ${instantText(report.generatedAt, report.timeZone)}  ·  period ${report.period.from} to ${report.period.to}`,
  })
  return layout.finish()
}
