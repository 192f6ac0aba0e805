// Enrol people in a sequence on a start day, after seeing the credits the plan needs against
// the seat's forecast. Opened from a sequence, from the outreach table, or after an import.
import { useEffect, useState, type ReactNode } from 'react'
import type { CreditsAhead, Enrolled, Seat, Sequence } from '../../../shared/contract'
import { api } from '../../api/client'
import { ledgerChanged } from '../../api/changes'
import { toErrorInfo } from '../../api/useQuery'
import { FormDialog, localToday, recipientOf } from '../../components/FormDialog'
import { SeatField } from '../../components/SeatField'

interface EnrolDialogProps {
  trigger: ReactNode
  /** People chosen elsewhere (outreach rows, an import); without them the dialog asks for URLs. */
  contactIds?: number[]
  /** Everyone an import wrote to who has not answered. */
  importId?: number
  sequenceId?: number
  onEnrolled: (result: Enrolled) => void
}

export function EnrolDialog({
  trigger,
  contactIds,
  importId,
  sequenceId,
  onEnrolled,
}: EnrolDialogProps) {
  const [sequences, setSequences] = useState<Sequence[]>([])
  const [seats, setSeats] = useState<Seat[]>([])
  const [chosen, setChosen] = useState<number | null>(sequenceId ?? null)
  const [seatId, setSeatId] = useState<number | null>(null)
  const [startOn, setStartOn] = useState(localToday())
  const [urls, setUrls] = useState('')
  // Off: people who answered, await an InMail's answer or run in another sequence stay out.
  const [includeAnswered, setIncludeAnswered] = useState(false)
  // The preview answers one input; shown only while that input is still the one on screen.
  const [preview, setPreview] = useState<{
    key: string
    ahead: CreditsAhead | null
    error: string | null
  } | null>(null)

  const people = contactIds ?? []
  const to = urls
    .split(/\n/)
    .map((line) => recipientOf(line))
    .filter((r) => r.profileUrl !== undefined || r.name !== undefined)
  const input = chosen
    ? {
        sequenceId: chosen,
        ...(seatId ? { seatId } : {}),
        contactIds: people,
        to,
        ...(importId !== undefined ? { importId } : {}),
        startOn,
        includeAnswered,
      }
    : null
  const anyone = people.length + to.length > 0 || importId !== undefined
  const key = JSON.stringify(input)

  useEffect(() => {
    if (!input || !anyone) return
    let current = true
    api.sequences.creditsAhead(input).then(
      (result) => current && setPreview({ key, ahead: result, error: null }),
      (error: unknown) =>
        current && setPreview({ key, ahead: null, error: toErrorInfo(error).message }),
    )
    return () => {
      current = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the whole input
  }, [key, anyone])
  const shown = preview && anyone && preview.key === key ? preview : null
  const ahead = shown?.ahead ?? null
  const aheadError = shown?.error ?? null
  const overridable = ahead?.leftOut.filter((p) => p.overridable).length ?? 0
  const count = ahead ? ahead.people : people.length + to.length

  async function load() {
    const [list, seatList] = await Promise.all([
      api.sequences.list({}),
      api.seats.list({ includeArchived: false }),
    ])
    setSequences(list)
    setSeats(seatList)
    setChosen((c) => c ?? sequenceId ?? list[0]?.id ?? null)
    setSeatId((s) => s ?? seatList[0]?.id ?? null)
  }

  return (
    <FormDialog
      trigger={trigger}
      title="Enrol in a sequence"
      description={
        importId !== undefined
          ? 'Everyone this import wrote to who has not answered. Any response stops their enrolment at once.'
          : people.length > 0
            ? `${people.length} ${people.length === 1 ? 'person' : 'people'} selected. Any response stops their enrolment at once.`
            : 'Any response stops an enrolment at once.'
      }
      submitLabel={`Enrol${count > 0 || ahead ? ` ${count}` : ''}`}
      onOpen={() => void load()}
      onSubmit={async () => {
        if (!input) throw new Error('Choose a sequence.')
        if (ahead && ahead.people === 0)
          throw new Error(
            overridable > 0
              ? 'Everyone here is left out. Tick "Include them anyway" to enrol them.'
              : 'Nobody here can be enrolled in this sequence.',
          )
        const result = await api.sequences.enrol(input)
        ledgerChanged()
        onEnrolled(result)
      }}
    >
      <label htmlFor="enrol-sequence">Sequence</label>
      <select
        id="enrol-sequence"
        value={chosen ?? ''}
        onChange={(e) => setChosen(Number(e.target.value))}
      >
        {sequences.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      <SeatField
        label="InMails go from"
        id="enrol-seat"
        seats={seats}
        seatId={seatId}
        onChange={setSeatId}
      />
      <label htmlFor="enrol-start">Start day (day 0)</label>
      <input
        id="enrol-start"
        type="date"
        value={startOn}
        onChange={(e) => setStartOn(e.target.value)}
      />
      {contactIds === undefined && importId === undefined && (
        <>
          <label htmlFor="enrol-people">
            People (one a line: a contact&apos;s exact name, or a LinkedIn profile URL, which adds
            someone new)
          </label>
          <textarea
            id="enrol-people"
            rows={4}
            value={urls}
            onChange={(e) => setUrls(e.target.value)}
            placeholder="https://www.linkedin.com/in/jane-doe"
          />
        </>
      )}
      {ahead && (
        <p
          className={`credits-ahead ${ahead.shortOn ? 'short' : ''}`}
          role="status"
          data-testid="credits-ahead"
        >
          {ahead.message}
        </p>
      )}
      {(overridable > 0 || includeAnswered) && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={includeAnswered}
            onChange={(e) => setIncludeAnswered(e.target.checked)}
          />
          Include them anyway (people who answered, have an InMail awaiting a response, or run in
          another sequence)
        </label>
      )}
      {ahead && ahead.warnings.length > 0 && (
        <ul className="notice warning enrol-warnings" aria-label="Before you enrol">
          {ahead.warnings.map((w) => (
            <li key={w.contactId}>{w.message}</li>
          ))}
        </ul>
      )}
      {ahead && ahead.newContacts.length > 0 && (
        <p className="hint">
          New to the ledger, added as contacts when you enrol: {ahead.newContacts.join(', ')}.
        </p>
      )}
      {aheadError && (
        <p className="notice warning" role="status" data-testid="enrol-problem">
          {aheadError}
        </p>
      )}
    </FormDialog>
  )
}
