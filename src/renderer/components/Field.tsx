// One labelled control of a `.form`: the label, the input or select, and a hint under it when
// there is one, tied together by ids (the hint is read out with the field). Fragments, not a
// wrapper, so the form's column layout is the same as with hand-written label + input pairs.
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react'

interface Labelled {
  label: ReactNode
  hint?: ReactNode
  /** A fixed id where something outside names the control; otherwise one is made up. */
  id?: string
}

function useFieldIds(id: string | undefined, hint: ReactNode) {
  const made = useId()
  const fieldId = id ?? made
  const hintId = hint ? `${fieldId}-hint` : undefined
  return { fieldId, hintId }
}

function Hint({ id, children }: { id: string | undefined; children: ReactNode }) {
  return id ? (
    <p className="hint" id={id}>
      {children}
    </p>
  ) : null
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>

export interface FieldProps extends Labelled, InputProps {
  value: string
  onChange: (value: string) => void
}

/** A labelled text, number, date or datetime input. */
export function Field({ label, hint, id, value, onChange, ...input }: FieldProps) {
  const { fieldId, hintId } = useFieldIds(id, hint)
  return (
    <>
      <label htmlFor={fieldId}>{label}</label>
      <input
        id={fieldId}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={hintId}
        {...input}
      />
      <Hint id={hintId}>{hint}</Hint>
    </>
  )
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange'>

export interface SelectFieldProps<T extends string> extends Labelled, SelectProps {
  value: T
  /** The chosen option's value; the options given as children decide which values occur. */
  onChange: (value: T) => void
  children: ReactNode
}

/** A labelled select whose options are the children. */
export function SelectField<T extends string>({
  label,
  hint,
  id,
  value,
  onChange,
  children,
  ...select
}: SelectFieldProps<T>) {
  const { fieldId, hintId } = useFieldIds(id, hint)
  return (
    <>
      <label htmlFor={fieldId}>{label}</label>
      <select
        id={fieldId}
        value={value}
        onChange={(e) => onChange(e.target.value as T)}
        aria-describedby={hintId}
        {...select}
      >
        {children}
      </select>
      <Hint id={hintId}>{hint}</Hint>
    </>
  )
}
