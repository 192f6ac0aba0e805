// What the demo ledger is made of: templates with their true reply rates, roles with their pull,
// and the names, companies and headlines of the people written to.

// What each template earns, per opening message, before the role's pull (DOMAIN.md §4: under 10%
// needs work, 15–25% solid, above 30% excellent). The long and the generic ones do worst (§6).
export const templates = [
  {
    name: 'Short and specific',
    channel: 'inmail',
    rate: 0.31,
    subject: 'Your Kafka work at {company}',
    body: 'Hi {firstName}, your talk on exactly-once delivery stuck with me. We are hiring a {role} to own the event pipeline at a 40-person team, fully remote, $190–220k. Worth a 15-minute chat next week?',
  },
  {
    name: 'Candidate first',
    channel: 'inmail',
    rate: 0.24,
    subject: 'A question about {company}',
    body: 'Hi {firstName}, I noticed you moved from consulting into product work at {company} two years ago, and the projects you list since are exactly what our client needs. They are hiring a {role}: small team, real ownership, no on-call rotation. Would a short call this week be useful, or is the timing wrong?',
    // Reworded halfway through the year: the second version asks less and does better.
    v2: {
      rate: 0.3,
      subject: '{firstName}, a quick one',
      body: 'Hi {firstName}, your move from consulting into product at {company} is exactly the path our client looks for in a {role}. Small team, real ownership. Open to 15 minutes this week?',
    },
  },
  {
    name: 'Referral ask',
    channel: 'inmail',
    rate: 0.2,
    subject: 'Who would you recommend?',
    body: 'Hi {firstName}, you may not be looking, but you probably know who is: we are hiring a {role} for a team that ships weekly and cares about craft. If someone comes to mind (or if it is you), a one-line reply would help a lot. Thank you either way.',
  },
  {
    name: 'Team intro',
    channel: 'inmail',
    rate: 0.15,
    subject: 'Meet the team behind {company}',
    body: 'Hi {firstName}, I recruit for a fast-growing company that is building the tools logistics teams use every day. The team is twelve engineers, two designers and a product lead, and they are adding a {role}. The stack is modern, the roadmap is ambitious and the founders have done this before. I would love to tell you more about the role, the team and the package. Are you free for a call?',
  },
  {
    name: 'Exciting opportunity',
    channel: 'inmail',
    rate: 0.06,
    subject: 'Exciting opportunity at a leading company',
    body: 'Hello, I came across your profile and was very impressed. I have an exciting opportunity for a {role} at a leading company in its field. The package is competitive and the culture is great. Please send me your CV and your availability for a call.',
  },
  {
    name: 'Long pitch',
    channel: 'inmail',
    rate: 0.09,
    subject: 'Career opportunity: {role}',
    body: `Dear {firstName}, I hope this message finds you well. My name is Jordan and I am a recruiter working with a number of well-funded companies across Europe and North America. One of my clients, a growing company in the logistics space, is currently looking for a {role} to join their team. The role involves working closely with product, design and engineering to deliver features that customers love, mentoring more junior colleagues, and helping shape the technical direction of the platform over the next few years. The company offers a competitive salary, equity, a generous holiday allowance, a learning budget, flexible hours and the option to work remotely or from one of their offices. They have recently closed a funding round and are planning to double the size of the team over the next eighteen months, so there is plenty of room to grow. I would be delighted to share more details about the role, the team and the interview process, which usually takes about three weeks from first call to offer. If you are interested, please let me know a few times that would suit you for a call, and feel free to send over an up-to-date CV in the meantime. Kind regards, Jordan`,
  },
  {
    name: 'Connection: mutual interest',
    channel: 'connection-note',
    rate: 0.42,
    body: 'Hi {firstName}, we both follow the Rust-in-production crowd. I hire {role}s now and then; would be glad to connect.',
  },
  {
    name: 'Connection: plain',
    channel: 'connection-note',
    rate: 0.22,
    body: 'Hi {firstName}, I would like to add you to my professional network.',
  },
] as const

export const roles = [
  { name: 'Senior Backend Engineer', client: 'Northwind Labs', family: 'Engineering', pull: 1 },
  { name: 'Engineering Manager', client: 'Contoso Retail', family: 'Engineering', pull: 0.8 },
  { name: 'Staff Data Scientist', client: 'Fabrikam Health', family: 'Data', pull: 1.1 },
  { name: 'Product Designer', client: 'Northwind Labs', family: 'Design', pull: 1.25 },
  { name: 'Head of Sales', client: 'Tailspin Logistics', family: 'Sales', pull: 0.7 },
] as const

export const headlines: Record<string, readonly string[]> = {
  Engineering: ['Backend engineer', 'Senior software engineer', 'Platform lead', 'Tech lead'],
  Data: ['Data scientist', 'ML engineer', 'Analytics lead'],
  Design: ['Product designer', 'UX designer', 'Design lead'],
  Sales: ['Account executive', 'Sales director', 'VP Sales'],
}

export const firstNames = [
  'Amara',
  'Ben',
  'Chen',
  'Dana',
  'Emeka',
  'Fatima',
  'Greta',
  'Hiro',
  'Ines',
  'Jonas',
  'Kavya',
  'Liam',
  'Mei',
  'Nadia',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sven',
  'Tomás',
  'Uma',
  'Viktor',
  'Wen',
  'Yara',
  'Zoë',
]
export const lastNames = [
  'Okafor',
  'Schmidt',
  'Tanaka',
  'Silva',
  'Novak',
  'Haddad',
  'Larsen',
  'Rossi',
  'Kowalski',
  'Nguyen',
  'Müller',
  'García',
  'Andersen',
  'Patel',
  'Dubois',
  'Kim',
  'Moreau',
  'Ibrahim',
]
export const companies = [
  'Acme Robotics',
  'Blue Yonder Freight',
  'Cobalt Health',
  'Driftwood Games',
  'Evergreen Energy',
  'Fjord Analytics',
  'Granite Bank',
  'Harbor Maritime',
  'Ionic Labs',
  'Juniper Retail',
  'Kestrel Aerospace',
  'Lumen Media',
]

// Follow-up sequences for the last weeks of the demo (DOMAIN.md §5): the user's copy of the
// InMail built-in (its first step with the template that does best, sent on any working day),
// and the connection-first built-in as it comes.
export const sequencePlan = {
  copyName: 'InMail 0/3/7/14, any weekday',
  firstTemplate: 'Short and specific',
  /** How many days back the sequences start (the enrolment window ends today). */
  days: 35,
  /** One-off InMails a working day on the Work seat meanwhile (1.7 before the sequences). */
  workInmailsPerDay: 0.8,
  /** New people a working day, on average (one more in the last week); the share in the copy. */
  enrolPerDay: 0.9,
  inmailShare: 0.6,
  /**
   * What the user does with a step on its day: done, skipped, or left for later (overdue); on
   * the working day before today they were out, so that day's steps are all overdue.
   */
  done: 0.8,
  skipped: 0.07,
  /** Chance a person answers a step: the opening, a later message, a connection request. */
  answers: { opening: 0.22, later: 0.1, connection: 0.45 },
} as const
