// What the trend shows for weeks with nothing sent: a note instead of an empty chart.
export function EmptyTrend() {
  return (
    <p className="muted" role="note" style={{ padding: '56px 0', textAlign: 'center' }}>
      Nothing sent in these weeks yet: the rates appear once messages go out.
    </p>
  )
}
