// The balance over time, with the forecast after today drawn dashed.
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { formatDay, formatDayMonth } from '../format'
import type { BalancePoint } from './balance-series'

export function BalanceChart({ points, today }: { points: BalancePoint[]; today: string }) {
  return (
    <div className="chart" role="img" aria-label="Credit balance over time, with the forecast">
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={points} margin={{ top: 22, right: 16, bottom: 0, left: -12 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="date"
            tickFormatter={formatDayMonth}
            stroke="var(--muted)"
            fontSize={12}
            minTickGap={40}
          />
          <YAxis allowDecimals={false} stroke="var(--muted)" fontSize={12} />
          <Tooltip
            labelFormatter={(d) => formatDay(String(d))}
            contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)' }}
          />
          <ReferenceLine
            x={today}
            stroke="var(--muted)"
            strokeDasharray="2 4"
            label={{ value: 'today', fill: 'var(--muted)', fontSize: 11, position: 'top' }}
          />
          <Line
            type="stepAfter"
            dataKey="recorded"
            name="Balance"
            stroke="var(--accent)"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />
          <Line
            type="stepAfter"
            dataKey="forecast"
            name="Forecast"
            stroke="var(--accent)"
            strokeWidth={2}
            strokeDasharray="5 5"
            strokeOpacity={0.6}
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  )
}
