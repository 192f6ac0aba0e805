// Works out which profile in the export is the user's: the one given, or else the profile that
// sent the most messages (an export holds the user's own messages in every conversation).
//
// The file streams by once and is never held, so the senders are tallied in a fixed amount of
// memory (Misra and Gries' "frequent items" summary): while fewer than `room` profiles have
// sent messages the counts are exact; past that, any profile sending more than 1/(room + 1) of
// the messages is still found, and the user sends far more than that.
import { normalizeProfileUrl } from '../../../shared/domain/profiles'
import { LinkedInExportError } from './errors'
import type { Party } from './message-rows'

export interface Me {
  name: string | null
  profileUrl: string
  detected: boolean
}

interface Tally {
  count: number
  name: string
  /** When the profile was first counted: the first of equal counts wins, whatever Map order. */
  order: number
}

export class SenderTally {
  private readonly tallies = new Map<string, Tally>()
  private readonly given: string | null
  private givenSeen = false
  private givenName = ''
  private seen = 0

  /** `given`: the profile URL the user gave, normalised (null: detect it). */
  constructor(
    given: string | null,
    private readonly room = 1000,
  ) {
    this.given = given
  }

  add(sender: Party, recipients: readonly Party[]): void {
    if (this.given !== null) this.look(sender, recipients)
    const url = sender.url
    if (url === null) return
    const tally = this.tallies.get(url)
    if (tally) {
      tally.count++
      if (tally.name === '') tally.name = sender.name
    } else if (this.tallies.size < this.room) {
      this.tallies.set(url, { count: 1, name: sender.name, order: this.seen++ })
    } else {
      // No room: every count loses one (this message's sender with them), the emptied go.
      for (const [key, other] of this.tallies) if (--other.count === 0) this.tallies.delete(key)
    }
  }

  private look(sender: Party, recipients: readonly Party[]): void {
    for (const party of [sender, ...recipients]) {
      if (party.url !== this.given) continue
      this.givenSeen = true
      if (this.givenName === '') this.givenName = party.name
    }
  }

  /** The user's own profile: the one given, or the most frequent sender with a profile URL. */
  me(repair: (name: string) => string): Me {
    if (this.given !== null) {
      if (!this.givenSeen)
        throw new LinkedInExportError(
          'ME_NOT_FOUND',
          `Your profile ${this.given} does not appear in messages.csv as a sender or a recipient; check the URL, or leave it out to detect it.`,
        )
      return { name: repair(this.givenName) || null, profileUrl: this.given, detected: false }
    }
    let best: [string, Tally] | undefined
    for (const entry of this.tallies) {
      const [, tally] = entry
      if (
        !best ||
        tally.count > best[1].count ||
        (tally.count === best[1].count && tally.order < best[1].order)
      )
        best = entry
    }
    if (!best)
      throw new LinkedInExportError(
        'ME_NOT_FOUND',
        'No message in messages.csv names its sender’s profile, so your profile cannot be detected; give your profile URL.',
      )
    return { name: repair(best[1].name) || null, profileUrl: best[0], detected: true }
  }
}

/** The profile URL the user gave, normalised; a sentence they can act on when it is not one. */
export function givenProfile(given: string | undefined): string | null {
  if (given === undefined) return null
  const profileUrl = normalizeProfileUrl(given)
  if (profileUrl === null)
    throw new LinkedInExportError(
      'INVALID_ME',
      `${JSON.stringify(given)} is not a LinkedIn profile URL; give yours like https://www.linkedin.com/in/your-name.`,
    )
  return profileUrl
}
