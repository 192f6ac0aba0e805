// "All channels" or one channel, for the screens that filter by how a message went.
import { outreachChannels, type OutreachChannel } from '../../shared/contract/outreach'
import { channelLabel } from '../screens/outreach/labels'

export function ChannelFilter({
  value,
  onChange,
}: {
  value: OutreachChannel | undefined
  onChange: (channel: OutreachChannel | undefined) => void
}) {
  return (
    <select
      value={value ?? ''}
      onChange={(e) => onChange((e.target.value || undefined) as OutreachChannel | undefined)}
    >
      <option value="">All channels</option>
      {outreachChannels.map((c) => (
        <option key={c} value={c}>
          {channelLabel[c]}
        </option>
      ))}
    </select>
  )
}
