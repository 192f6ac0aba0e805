// The words of the generated LinkedIn exports: names in many scripts (each with the ASCII slug
// LinkedIn would give its profile URL), companies, roles, and what people write to each other.

// [display, URL slug] pairs; the non-Latin names are whole (family name first where it is so).
export const latinFirst = [
  ['Ana', 'ana'],
  ['Ben', 'ben'],
  ['Chloé', 'chloe'],
  ['Dmitri', 'dmitri'],
  ['Eun-ji', 'eun-ji'],
  ['Farah', 'farah'],
  ['José', 'jose'],
  ['Łukasz', 'lukasz'],
  ['Søren', 'soren'],
  ['Zoë', 'zoe'],
  ['Priya', 'priya'],
  ['Kwame', 'kwame'],
  ['Aoife', 'aoife'],
  ['Mateus', 'mateus'],
  ['İlkay', 'ilkay'],
] as const
export const latinLast = [
  ['García', 'garcia'],
  ['Müller', 'muller'],
  ['Nguyen', 'nguyen'],
  ['Okafor', 'okafor'],
  ['Patel', 'patel'],
  ['Quinn', 'quinn'],
  ['Rossi', 'rossi'],
  ['Smith', 'smith'],
  ['Dubois', 'dubois'],
  ['Kowalski', 'kowalski'],
  ['Ó Briain', 'o-briain'],
  ['Haddad', 'haddad'],
  ['Þórsdóttir', 'thorsdottir'],
] as const
export const nonLatinNames = [
  { first: '伟', last: '王', name: '王伟', slug: 'wei-wang' },
  { first: '娜', last: '李', name: '李娜', slug: 'na-li' },
  { first: '花子', last: '佐藤', name: '佐藤 花子', slug: 'hanako-sato' },
  { first: '민준', last: '김', name: '김민준', slug: 'minjun-kim' },
  { first: 'Дмитрий', last: 'Иванов', name: 'Дмитрий Иванов', slug: 'dmitry-ivanov' },
  { first: 'Ольга', last: 'Смирнова', name: 'Ольга Смирнова', slug: 'olga-smirnova' },
  { first: 'فاطمة', last: 'الزهراء', name: 'فاطمة الزهراء', slug: 'fatima-alzahraa' },
  { first: 'يوسف', last: 'حداد', name: 'يوسف حداد', slug: 'youssef-haddad' },
  { first: 'प्रिया', last: 'शर्मा', name: 'प्रिया शर्मा', slug: 'priya-sharma' },
  { first: 'Νίκος', last: 'Παπαδόπουλος', name: 'Νίκος Παπαδόπουλος', slug: 'nikos-papadopoulos' },
  { first: 'אורי', last: 'כהן', name: 'אורי כהן', slug: 'uri-cohen' },
  { first: 'สมชาย', last: 'ใจดี', name: 'สมชาย ใจดี', slug: 'somchai-jaidee' },
] as const
export const companies = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Vandelay',
  'Hooli',
  'Stark Labs',
]
export const roles = [
  'Staff Engineer',
  'Data Platform Lead',
  'Senior SRE',
  'Product Designer',
  'ML Engineer',
]
export const skills = [
  'Rust',
  'Kubernetes',
  'payments',
  'search ranking',
  'design systems',
  'Spark',
]
export const positions = [
  'Engineer',
  'Senior Engineer',
  'Engineering Manager',
  'Designer',
  'Recruiter',
]

export const positiveReplies = [
  'Sure, happy to chat Tuesday.',
  'Sounds interesting! Can you send the job description?',
  "Yes — I'm free Thursday after 3pm CET.\nWhat's the comp range?",
  "Hi Jordan,\n\nthanks for reaching out. I'd love to hear more, next week works for me.\n\nBest",
  'Interested 👍 what is the team like?',
]
export const neutralReplies = [
  'Maybe later this year.',
  "Thanks for reaching out. I'll keep it in mind.",
  'Can you tell me more about the team?',
  '谢谢，我下周再回复您。',
  'Спасибо! Напишу на следующей неделе.',
]
export const negativeReplies = [
  'Not interested, thanks.',
  'Please remove me from your list.',
  'Happy where I am, but thanks!',
  'No thanks — I\'m not looking right now, "happy" is an understatement.',
]
export const myLaterMessages = [
  'Great - sending a calendar link now.',
  'Here is the link: https://cal.example.com/jordan?slot=3 , pick any slot.',
  'Perfect. The job description is attached; the range is 180–210k, plus equity.',
  'Thanks, talk soon!',
]
export const theirLaterMessages = [
  'Booked, see you then.',
  'Thanks!',
  'Got it, will read it tonight.',
]
export const inboundOpeners = [
  'Hi Jordan, I saw the {role} post — is it still open?',
  'Hi Jordan,\nWe help recruiting teams hire 2× faster. Open to a quick demo next week?',
  'Hello! A friend at {company} said you are hiring. Could we talk?',
  'Jordan, are you hiring for "{role}" in Berlin, or remote only?',
]
export const myInboundReplies = [
  'Thanks for writing — yes, it is open. Can you send your CV?',
  'Not at the moment, but I will keep you in mind.',
  'Happy to chat, does Friday work?',
]
