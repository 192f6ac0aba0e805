// The analytics charts: funnel stages, a rate by group with intervals and the benchmark band,
// the weekly trend, and time to first reply. Drawing only: the data comes from funnel-data.ts.
import {
  Area,
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  LabelList,
  Legend,
  Line,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { formatDay, formatDayMonth } from '../format'
import { EmptyTrend } from './EmptyTrend'
import { benchmarks, type FunnelBar, rateAxisMax, type RateBar, type TrendRow } from './funnel-data'

const axis = { stroke: 'var(--muted)', fontSize: 12 }
const tooltip = {
  contentStyle: { background: 'var(--surface)', border: '1px solid var(--border)' },
}

export function FunnelChart({ bars }: { bars: FunnelBar[] }) {
  return (
    <div
      className="chart"
      role="img"
      aria-label="Funnel: delivered, replies, positive, meetings, hires"
    >
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={bars} layout="vertical" margin={{ top: 4, right: 60, bottom: 4, left: 10 }}>
          <XAxis type="number" hide />
          <YAxis type="category" dataKey="stage" width={80} {...axis} />
          <Tooltip {...tooltip} />
          <Bar
            dataKey="count"
            name="Messages"
            fill="var(--accent)"
            isAnimationActive={false}
            radius={[0, 4, 4, 0]}
            // A stage with none (Hires 0) still gets a sliver, so its "0" is drawn, not left blank.
            minPointSize={2}
          >
            <LabelList
              dataKey="count"
              position="right"
              fill="var(--text)"
              fontSize={12}
              formatter={(v: unknown) => String(v ?? 0)}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}

export function RateChart({ bars, band }: { bars: RateBar[]; band: keyof typeof benchmarks }) {
  const b = benchmarks[band]
  // Room for the labels, but a rate axis never runs past 100%.
  const top = Math.min(100, Math.max(10, ...bars.map((x) => (x.rate ?? 0) + x.error[1])) * 1.35)
  // Each bar is labelled with its rate and 95% interval, and marked when the sample is small.
  const data = bars.map((x) => ({
    ...x,
    text:
      x.rate === null
        ? ''
        : `${x.rate}% (${Math.round((x.rate - x.error[0]) * 10) / 10}–${Math.round((x.rate + x.error[1]) * 10) / 10}%)${x.smallSample ? ' · small sample' : ''}`,
  }))
  return (
    <div className="chart" role="img" aria-label={`Rate by group with 95% intervals; ${b.label}`}>
      <ResponsiveContainer width="100%" height={Math.max(200, 34 * bars.length + 40)}>
        <BarChart
          data={data}
          layout="vertical"
          margin={{ top: 16, right: 30, bottom: 4, left: 10 }}
        >
          <CartesianGrid stroke="var(--border)" horizontal={false} />
          <XAxis type="number" domain={[0, Math.ceil(top)]} unit="%" {...axis} />
          <YAxis type="category" dataKey="label" width={150} {...axis} />
          <ReferenceArea
            x1={b.low * 100}
            x2={b.high === null ? Math.ceil(top) : b.high * 100}
            fill="var(--success)"
            fillOpacity={0.12}
            label={{
              value: b.label,
              position: 'insideTopRight',
              fill: 'var(--muted)',
              fontSize: 11,
            }}
          />
          <Tooltip {...tooltip} />
          <Bar dataKey="rate" name="Rate %" fill="var(--accent)" isAnimationActive={false}>
            <LabelList dataKey="text" position="right" fill="var(--text)" fontSize={12} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}

/** The three rates of the trend: data key, legend name, colour. */
const trendLines = [
  ['reply', 'Reply rate', 'var(--accent)'],
  ['positive', 'Positive rate', 'var(--success)'],
  ['meeting', 'Meeting rate', 'var(--warning)'],
] as const

export function TrendChart({ rows }: { rows: TrendRow[] }) {
  if (rows.every((r) => r.delivered === 0)) return <EmptyTrend />
  const coming = rows.filter((r) => r.comingIn)
  const top = rateAxisMax(
    rows.flatMap((r) => [r.replyBand?.[1] ?? null, r.reply, r.replyLate, r.positiveLate]),
  )
  return (
    <div
      className="chart"
      role="img"
      aria-label={`Reply, positive and meeting rates by week, with the reply rate's 95% interval${coming.length > 0 ? `; the last ${coming.length === 1 ? 'week is' : `${coming.length} weeks are`} dashed: replies still coming in` : ''}`}
    >
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={rows} margin={{ top: 10, right: 16, bottom: 0, left: -10 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="week" {...axis} minTickGap={30} tickFormatter={formatDayMonth} />
          <YAxis unit="%" domain={[0, top]} allowDataOverflow {...axis} />
          <Tooltip {...tooltip} labelFormatter={(w) => `Week of ${formatDay(String(w))}`} />
          <Legend />
          {coming.length > 0 && (
            <ReferenceArea
              x1={coming[0]!.week}
              x2={coming.at(-1)!.week}
              fill="var(--muted)"
              fillOpacity={0.08}
              label={{
                value: 'replies still coming in',
                position: 'insideTopRight',
                fill: 'var(--muted)',
                fontSize: 11,
              }}
            />
          )}
          <ReferenceLine
            y={benchmarks.reply.low * 100}
            stroke="var(--success)"
            strokeDasharray="4 4"
            label={{
              value: 'reply target 10% (seed 001)',
              fill: 'var(--muted)',
              fontSize: 11,
              position: 'insideTopLeft',
            }}
          />
          <Area
            dataKey="replyBand"
            name="Reply rate interval"
            stroke="none"
            fill="var(--accent)"
            fillOpacity={0.15}
            isAnimationActive={false}
            connectNulls={false}
          />
          {trendLines.map(([dataKey, name, stroke]) => (
            <Line
              key={dataKey}
              dataKey={dataKey}
              name={name}
              stroke={stroke}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
              connectNulls={false}
            />
          ))}
          {trendLines.map(([dataKey, name, stroke]) => (
            <Line
              key={`${dataKey}Late`}
              dataKey={`${dataKey}Late`}
              name={`${name} (still coming in)`}
              legendType="none"
              stroke={stroke}
              strokeOpacity={0.55}
              strokeWidth={2}
              strokeDasharray="5 4"
              dot={false}
              isAnimationActive={false}
              connectNulls={false}
            />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  )
}

export function HistogramChart({ buckets }: { buckets: { bucket: string; count: number }[] }) {
  return (
    <div className="chart" role="img" aria-label="Time to first reply">
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={buckets} margin={{ top: 10, right: 10, bottom: 0, left: -10 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="bucket" {...axis} />
          <YAxis allowDecimals={false} {...axis} />
          <Tooltip {...tooltip} />
          <Bar dataKey="count" name="Replies" fill="var(--accent)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}
