// A page object for the app: what a person sees and does, in their words.
import { expect, type Locator, type Page } from '@playwright/test'
import type { App } from '../fixtures'

export interface SeatDetails {
  name: string
  plan?: string
  since?: string
}

export class LedgerPage {
  constructor(readonly page: Page) {}

  async open(app: App, hash = ''): Promise<void> {
    await this.page.goto(app.url)
    if (hash) await this.page.evaluate((h) => (window.location.hash = h), hash)
  }

  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, name })
  }

  navLink(name: string): Locator {
    return this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name })
  }

  async go(screen: string): Promise<void> {
    await this.navLink(screen).click()
    await expect(this.heading(screen)).toBeVisible()
  }

  /** Fills the seat form that is on screen (first run or the Add seat dialog). */
  async fillSeatForm(form: Locator, seat: SeatDetails): Promise<void> {
    await form.getByLabel('Seat name').fill(seat.name)
    if (seat.plan) await form.getByLabel('Plan').selectOption({ label: seat.plan })
    if (seat.since) await form.getByLabel('Subscription started').fill(seat.since)
  }

  seatForm(): Locator {
    return this.page.getByRole('form', { name: 'New seat' })
  }

  seatsTable(): Locator {
    return this.page.getByRole('table', { name: 'Seats' })
  }

  seatRow(name: string): Locator {
    return this.seatsTable()
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name }) })
  }

  alert(): Locator {
    return this.page.getByRole('alert')
  }
}
