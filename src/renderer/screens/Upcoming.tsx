// Screens whose features arrive in later releases: each says what it will hold and what the
// user can do today.
import { EmptyState } from '../components/Notices'
import { hrefFor, type ScreenId } from '../router'

const upcoming: Partial<Record<ScreenId, { title: string; body: string }>> = {
  sequences: {
    title: 'Sequences',
    body: "Follow-up plans (InMail on day 0, bump on day 3, new angle on day 7, exit on day 14) and today's agenda will live here.",
  },
  reports: {
    title: 'Reports',
    body: 'Monthly PDF and CSV reports of credits and replies, for you or a client, will be made here.',
  },
}

export function Upcoming({ screen }: { screen: ScreenId }) {
  const content = upcoming[screen]
  if (!content) return null
  return (
    <>
      <header className="page-header">
        <h1>{content.title}</h1>
      </header>
      <EmptyState
        title="Nothing here yet"
        action={
          <a className="button" href={hrefFor('settings')}>
            Manage seats in Settings
          </a>
        }
      >
        {content.body} For now, make sure each LinkedIn subscription you use is added as a seat.
      </EmptyState>
    </>
  )
}
