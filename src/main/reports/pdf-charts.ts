// The report's charts, drawn as vector paths (rectangles and lines), never as images: the funnel
// as bars, the time to first reply as a histogram, and reply rates with their 95% ranges.
import type { Rate } from '../../shared/contract/analytics'
import type { FunnelStage } from '../../shared/reports/sections'
import { percent, rateText, whole } from '../../shared/reports/words'
import { colors, type Layout } from './pdf-layout'

/** Delivered → replies → positive → meetings → hires, each bar as wide as its share of delivered. */
export function funnelChart(layout: Layout, stages: readonly FunnelStage[]): void {
  const delivered = stages[0]?.n ?? 0
  const rowHeight = 22
  const labelWidth = 100
  const valueWidth = 150
  const barX = layout.left + labelWidth
  const barWidth = layout.width - labelWidth - valueWidth - 8
  layout.ensure(stages.length * rowHeight + 8)
  const { doc } = layout
  stages.forEach((stage, i) => {
    const y = layout.y + i * rowHeight
    layout.line(stage.label, layout.left, y + 6, labelWidth - 8, { size: 9 })
    doc.rect(barX, y + 3, barWidth, rowHeight - 8).fill(colors.band)
    const share = delivered > 0 ? stage.n / delivered : 0
    if (stage.n > 0)
      doc
        .rect(barX, y + 3, Math.max(1.5, barWidth * share), rowHeight - 8)
        .fill(i === 0 ? colors.accent : colors.accentSoft)
    if (stage.rate) doc.rect(barX, y + 3, 2, rowHeight - 8).fill(colors.accent)
    const value =
      stage.rate === null ? whole(stage.n) : `${whole(stage.n)}  ·  ${rateText(stage.rate)}`
    layout.line(value, barX + barWidth + 8, y + 6, valueWidth, {
      size: 9,
      bold: i === 0,
    })
  })
  layout.y += stages.length * rowHeight + 6
}

/** The fixed buckets of hours to first reply, as vertical bars with their counts. */
export function replyTimeChart(
  layout: Layout,
  histogram: readonly { bucket: string; count: number }[],
  x: number,
  width: number,
  height: number,
): void {
  const { doc } = layout
  const top = layout.y
  const axisY = top + height - 16
  const most = Math.max(1, ...histogram.map((b) => b.count))
  const slot = width / Math.max(1, histogram.length)
  doc
    .moveTo(x, axisY)
    .lineTo(x + width, axisY)
    .lineWidth(0.6)
    .strokeColor(colors.border)
    .stroke()
  histogram.forEach((b, i) => {
    const barHeight = ((axisY - top - 14) * b.count) / most
    const bx = x + i * slot + slot * 0.18
    const bw = slot * 0.64
    if (b.count > 0) doc.rect(bx, axisY - barHeight, bw, barHeight).fill(colors.accent)
    layout.line(String(b.count), x + i * slot, axisY - barHeight - 11, slot, {
      size: 7,
      color: colors.muted,
      align: 'center',
    })
    layout.line(b.bucket, x + i * slot, axisY + 4, slot, {
      size: 7,
      color: colors.muted,
      align: 'center',
    })
  })
}

/** A rate as a dot on its 95% range, on an axis from 0 to `max` (a table cell). */
export function intervalCell(
  layout: Layout,
  rate: Rate,
  box: { x: number; y: number; w: number; h: number },
  max: number,
): void {
  const { doc } = layout
  const x0 = box.x + 6
  const w = box.w - 12
  const mid = box.y + box.h / 2
  const at = (v: number) => x0 + (Math.min(v, max) / max) * w
  doc
    .moveTo(x0, mid)
    .lineTo(x0 + w, mid)
    .lineWidth(0.4)
    .strokeColor(colors.border)
    .stroke()
  if (rate.value === null || rate.low === null || rate.high === null) return
  doc
    .moveTo(at(rate.low), mid)
    .lineTo(at(rate.high), mid)
    .lineWidth(2.2)
    .strokeColor(colors.accentSoft)
    .stroke()
  for (const end of [rate.low, rate.high])
    doc
      .moveTo(at(end), mid - 3)
      .lineTo(at(end), mid + 3)
      .lineWidth(0.8)
      .strokeColor(colors.accent)
      .stroke()
  doc.circle(at(rate.value), mid, 2.6).fill(colors.accent)
}

/** The axis labels under an interval column: 0 and the top of the scale. */
export function intervalAxis(layout: Layout, x: number, w: number, max: number): void {
  layout.line('0%', x + 2, layout.y - 2, 30, { size: 6.5, color: colors.faint })
  layout.line(percent(max), x + w - 40, layout.y - 2, 36, {
    size: 6.5,
    color: colors.faint,
    align: 'right',
  })
  layout.y += 8
}
