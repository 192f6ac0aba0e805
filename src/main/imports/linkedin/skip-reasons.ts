// Why rows or conversations were left out of the plan, in the user's words. The keys are the
// ones `LinkedInImportPlan.skipped` counts by.

export const skipReasons = {
  draft: 'Drafts you never sent (rows).',
  system:
    'Notices from LinkedIn itself, such as an accepted message request, with no real sender or nothing said (rows).',
  spam: 'Conversations in your spam folder.',
  group: 'Group conversations, with more than one other person.',
  inbound: 'Conversations the other person started.',
  'not-with-you': 'Conversations in which your profile neither sent nor received a message.',
  'only-you': 'Conversations with nobody else in them, such as notes to yourself.',
} as const

export type SkipReason = keyof typeof skipReasons
