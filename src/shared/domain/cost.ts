// The one definition of what outreach cost, in the words the user reads: the Analytics cost card,
// the report's caption (PDF, CSV) and the README say it with these sentences.

export const costDefinition =
  'Cost is each seat’s plan price for the days of the period plus the credits bought in it. ' +
  'Per InMail divides it by the InMails that spent a credit, sent in the period by your calendar day, follow-ups included; ' +
  'per reply, positive reply, meeting and hire by the results of the conversations those InMails opened. ' +
  'Open Profile InMails, connection notes, messages and email use no credit: they are free and carry none of the cost.'

/** How a part (a role, a client, a template, a weekday…) gets its share. */
export const sliceCostDefinition =
  'A role, client, template or any other group carries each seat’s cost in proportion to its share of the seat’s paid InMails; a follow-up counts with the conversation it follows up.'
