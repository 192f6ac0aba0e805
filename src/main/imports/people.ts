// The people an import has met most recently, by profile URL, so that someone met again (a
// second conversation with a candidate, a colleague written to every month) is not looked up in
// the ledger again. Bounded: memory stays the same whatever the size of the export.
import type { ContactRef } from '../contacts/service'

const defaultSize = 16_384

export class RecentPeople {
  /** Least recently met first. */
  private readonly people = new Map<string, ContactRef>()

  constructor(private readonly size = defaultSize) {}

  /** The contact met under this URL, if it is among the most recent. */
  get(profileUrl: string): ContactRef | undefined {
    const contact = this.people.get(profileUrl)
    if (contact) {
      this.people.delete(profileUrl)
      this.people.set(profileUrl, contact)
    }
    return contact
  }

  remember(profileUrl: string, contact: ContactRef): void {
    this.people.delete(profileUrl)
    this.people.set(profileUrl, contact)
    for (const oldest of this.people.keys()) {
      if (this.people.size <= this.size) break
      this.people.delete(oldest)
    }
  }
}
