// A custom contract's terms, as typed: credits a month, the cap and (for a new seat) the price.
// Used where a seat is added and where its plan changes, so both read the terms the same way.
import type { SeatTerms } from '../../shared/contract'
import { Field } from './Field'

export interface CustomTermsText {
  monthly: string
  cap: string
  price: string
}

export const noCustomTerms: CustomTermsText = { monthly: '', cap: '', price: '' }

/** Typed text as a number; empty is NaN, so the contract refuses it with its own message. */
export function numberOrNaN(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text)
}

/** Dollars as typed, in cents; empty means no price. */
export function centsOf(text: string): number {
  return text.trim() === '' ? 0 : Math.round(Number(text) * 100)
}

export function customTermsOf(
  text: CustomTermsText,
): Pick<SeatTerms, 'monthlyCredits' | 'cap' | 'priceCents'> {
  return {
    monthlyCredits: numberOrNaN(text.monthly),
    cap: numberOrNaN(text.cap),
    priceCents: centsOf(text.price),
  }
}

export function CustomTermsFields({
  value,
  onChange,
  withPrice = false,
}: {
  value: CustomTermsText
  onChange: (next: CustomTermsText) => void
  /** Only a new seat asks for the price; a plan change records none (0). */
  withPrice?: boolean
}) {
  const set = (key: keyof CustomTermsText) => (text: string) => onChange({ ...value, [key]: text })
  return (
    <>
      <Field
        label="Credits a month"
        inputMode="numeric"
        value={value.monthly}
        onChange={set('monthly')}
      />
      <Field
        label="Most credits saved (cap)"
        inputMode="numeric"
        value={value.cap}
        onChange={set('cap')}
      />
      {withPrice && (
        <Field
          label="Price a month (USD)"
          inputMode="decimal"
          value={value.price}
          onChange={set('price')}
        />
      )}
    </>
  )
}
