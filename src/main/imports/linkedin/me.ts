// Works out which profile in the export is the user's: the one given, or else the profile that
// sent the most messages (an export holds the user's own messages in every conversation).
import { normalizeProfileUrl } from '../../../shared/domain/profiles'
import type { People } from './conversations'
import { LinkedInExportError } from './errors'

export interface Me {
  /** The user's id among `people`. */
  id: number
  name: string | null
  profileUrl: string
  detected: boolean
}

export function resolveMe(people: People, given: string | undefined): Me {
  if (given !== undefined) {
    const profileUrl = normalizeProfileUrl(given)
    if (profileUrl === null) {
      throw new LinkedInExportError(
        'INVALID_ME',
        `${JSON.stringify(given)} is not a LinkedIn profile URL; give yours like https://www.linkedin.com/in/your-name.`,
      )
    }
    const id = people.find(profileUrl)
    if (id === undefined) {
      throw new LinkedInExportError(
        'ME_NOT_FOUND',
        `Your profile ${profileUrl} does not appear in messages.csv as a sender or a recipient; check the URL, or leave it out to detect it.`,
      )
    }
    return { id, name: people.names[id] || null, profileUrl, detected: false }
  }
  let best: number | undefined
  people.sent.forEach((count, id) => {
    // The first of equal counts wins, so the answer does not depend on Map order.
    if (count > 0 && people.urls[id] && (best === undefined || count > people.sent[best]!))
      best = id
  })
  if (best === undefined) {
    throw new LinkedInExportError(
      'ME_NOT_FOUND',
      'No message in messages.csv names its sender’s profile, so your profile cannot be detected; give your profile URL.',
    )
  }
  return {
    id: best,
    name: people.names[best] || null,
    profileUrl: people.urls[best]!,
    detected: true,
  }
}
