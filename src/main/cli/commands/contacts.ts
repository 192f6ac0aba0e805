import type { ContactDetail, ContactSummary } from '../../../shared/contract'
import { normalizeProfileUrl } from '../../../shared/domain/profiles'
import { CliFailure, type CliContext, type Register } from '../program'

function label(c: { name: string | null; profileUrl: string | null }): string {
  return c.name ?? c.profileUrl ?? '(unnamed)'
}

/** A contact by id (#12 or 12), profile URL, or exact name. */
async function contactId(ctx: CliContext, ref: string): Promise<number> {
  const asId = /^#?(\d+)$/.exec(ref.trim())
  if (asId) return Number(asId[1])
  const url = normalizeProfileUrl(ref)
  const { contacts } = await ctx.call<{ contacts: ContactSummary[] }>('contacts.list', {
    search: url ?? ref,
    limit: 500,
  })
  const matches = contacts.filter((c) =>
    url ? c.profileUrl === url : (c.name ?? '').toLowerCase() === ref.trim().toLowerCase(),
  )
  if (matches.length === 1) return matches[0]!.id
  throw new CliFailure({
    code: matches.length === 0 ? 'NOT_FOUND' : 'AMBIGUOUS_CONTACT',
    message:
      matches.length === 0
        ? `No contact matches "${ref}". Use "contacts list" to find their id.`
        : `Several contacts match "${ref}": ${matches.map((m) => `#${m.id}`).join(', ')}. Use an id.`,
  })
}

export const registerContactCommands: Register = (program, perform) => {
  const contacts = program.command('contacts').description('list and merge contacts')

  contacts
    .command('list')
    .description('contacts with their latest status, most recently contacted first')
    .option('--search <text>', 'name, profile URL, company or email contains')
    .option('--limit <n>', 'how many (default 100, at most 500)', '100')
    .action((o: { search?: string; limit: string }) =>
      perform(async ({ call }) => {
        const result = await call<{ contacts: ContactSummary[]; total: number }>('contacts.list', {
          ...(o.search ? { search: o.search } : {}),
          limit: Number(o.limit),
        })
        const lines = result.contacts.map(
          (c) =>
            `#${String(c.id).padEnd(5)} ${label(c).padEnd(28)} ${(c.company ?? '').padEnd(16)} ${String(c.messages).padStart(3)} msg  ${c.status ?? '-'}`,
        )
        const text =
          result.total === 0
            ? 'No contacts yet. Log an InMail or import your LinkedIn export.'
            : [...lines, `${result.contacts.length} of ${result.total} contacts`].join('\n')
        return { json: { ...result }, text }
      }),
    )

  contacts
    .command('merge')
    .description(
      'merge contact B into contact A (ids, profile URLs or names); undo with "contacts unmerge"',
    )
    .argument('<a>', 'the contact to keep')
    .argument('<b>', 'the contact merged into it')
    .action((a: string, b: string) =>
      perform(async (ctx) => {
        const keepId = await contactId(ctx, a)
        const mergeId = await contactId(ctx, b)
        const result = await ctx.call<{ mergeId: number; kept: ContactDetail }>('contacts.merge', {
          keepId,
          mergeId,
        })
        return {
          json: result,
          text: `Merged #${mergeId} into #${keepId} (${label(result.kept)}). Undo with: contacts unmerge ${result.mergeId}`,
        }
      }),
    )

  contacts
    .command('unmerge')
    .description('undo a merge')
    .argument('<merge-id>', 'the merge number "contacts merge" printed')
    .action((mergeId: string) =>
      perform(async ({ call }) => {
        const restored = await call<ContactDetail>('contacts.undoMerge', {
          mergeId: Number(mergeId),
        })
        return {
          json: { contact: restored },
          text: `Undid merge ${mergeId}: #${restored.id} ${label(restored)} is separate again.`,
        }
      }),
    )
}
