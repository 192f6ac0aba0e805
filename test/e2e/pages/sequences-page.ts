// Page objects for sequences and the Today agenda: what a person sees and does, in their words.
import { expect, type Locator, type Page } from '@playwright/test'

export class SequencesPage {
  constructor(readonly page: Page) {}

  sequence(name: string): Locator {
    return this.page
      .getByRole('list', { name: 'Sequences' })
      .getByRole('button', { name: new RegExp(`^${name.replace(/[/()]/g, '\\$&')}`) })
  }

  editor(): Locator {
    return this.page.getByRole('form', { name: /^(Edit|New sequence)/ })
  }

  stepField(step: number, field: 'day' | 'channel' | 'template' | 'note' | 'condition'): Locator {
    return this.editor().getByLabel(`Step ${step} ${field}`)
  }

  async save(): Promise<void> {
    await this.editor().getByRole('button', { name: 'Save sequence' }).click()
  }

  enrolDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Enrol in a sequence' })
  }

  creditsAhead(): Locator {
    return this.enrolDialog().getByTestId('credits-ahead')
  }
}

export class TodayPage {
  constructor(readonly page: Page) {}

  section(name: 'Overdue' | 'Due today'): Locator {
    return this.page.getByRole('region', { name })
  }

  /** A step card by its channel and person ("InMail to linkedin.com/in/ana-silva"). */
  step(label: string): Locator {
    return this.page.getByRole('listitem', { name: label })
  }

  badge(): Locator {
    return this.page.getByTestId('agenda-badge')
  }

  notice(): Locator {
    return this.page.getByTestId('notice')
  }

  async press(step: Locator, key: string): Promise<void> {
    await step.focus()
    await expect(step).toBeFocused()
    await this.page.keyboard.press(key)
  }
}
