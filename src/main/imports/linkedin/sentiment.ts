// A small keyword classifier for a reply to outreach. Each rule names, in the user's words, what
// it looks for, so the import can say why a reply counts as positive, neutral or negative.
// Refusals are checked first ("not interested" contains "interested"); anything no rule
// recognises is neutral.
import type { ResponseSentiment } from './types'

export interface SentimentVerdict {
  sentiment: ResponseSentiment
  /** 'decline': a clear refusal, which LinkedIn counts as a response like any reply. */
  kind: 'reply' | 'decline'
  /** What decided it, in the user's words; null when nothing was recognised (neutral). */
  because: string | null
}

interface Rule {
  because: string
  pattern: RegExp
}

/** Clear refusals: negative, and a decline. */
const refusals: readonly Rule[] = [
  {
    because: 'says they are not interested',
    pattern: /\bnot (?:really |currently |at all |that |very )?interested\b|\bno interest\b/,
  },
  {
    because: 'says no thanks',
    pattern:
      /\bno,? (?:thanks|thank you)\b|\bthanks?,? but no\b|\b(?:i'll|i will|i'd|i'm going to) pass\b|\bpass on this\b/,
  },
  {
    because: 'asks to be removed or left alone',
    pattern:
      /\bremove me\b|\bunsubscribe\b|\b(?:stop|quit) (?:messaging|contacting|emailing|writing to) me\b|\b(?:do not|don't|dont) (?:contact|message|email|write to) me\b/,
  },
  {
    because: 'says they are not looking',
    pattern:
      /\bnot (?:currently |actively |really )?(?:looking|open to|considering|available for)\b|\bhappy (?:where i am|in my (?:current )?(?:role|job|position|team))\b|\bnot (?:a (?:good |great )?fit|for me)\b/,
  },
]

/** Negative without refusing (a complaint); kept apart so it is not counted as a decline. */
const complaints: readonly Rule[] = [
  {
    because: 'complains about the message',
    pattern: /\bspam(?:ming)?\b|\bannoying\b|\binappropriate\b/,
  },
]

const positives: readonly Rule[] = [
  {
    because: 'agrees to talk',
    pattern:
      /\bhappy to (?:chat|talk|speak|connect|hop on|jump on)\b|\b(?:let's|lets) (?:chat|talk|speak|connect|set up)\b|\bsounds (?:good|great|interesting)\b|\b(?:would|i'd) love to\b|\bcount me in\b|^\s*(?:yes|yeah|yep|sure|absolutely|definitely|of course)\b|(?<!not |no )\binterested\b|\bopen to (?:a |an )?(?:chat|call|conversation|talk)\b|👍/,
  },
  {
    because: 'asks for details',
    pattern:
      /\bsend (?:me |over |across )?(?:the |a |some |more )?(?:job )?(?:spec|description|details|info|jd)\b|\btell me more\b|\bmore (?:details|info|information)\b|\bwhat(?:'s| is| are) the (?:comp|compensation|salary|pay|rate|budget|range|package|role|company|client|team|stack)\b|\bwho is the (?:client|company|hiring manager)\b|\bwhich (?:company|client|team)\b/,
  },
  {
    because: 'shares their availability',
    pattern:
      /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\btomorrow\b|\bnext week\b|\b\d{1,2}(?::\d{2})?\s?(?:am|pm)\b|\bworks for me\b|\b(?:i'm|i am) (?:free|available)\b|\bcalendar\b|\bcall me\b/,
  },
]

function firstMatch(rules: readonly Rule[], text: string): Rule | undefined {
  return rules.find((rule) => rule.pattern.test(text))
}

/** Reads a reply; curly apostrophes and case do not matter. */
export function classifyResponse(body: string): SentimentVerdict {
  const text = body.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'")
  const refusal = firstMatch(refusals, text)
  if (refusal) return { sentiment: 'negative', kind: 'decline', because: refusal.because }
  const complaint = firstMatch(complaints, text)
  if (complaint) return { sentiment: 'negative', kind: 'reply', because: complaint.because }
  const positive = firstMatch(positives, text)
  if (positive) return { sentiment: 'positive', kind: 'reply', because: positive.because }
  return { sentiment: 'neutral', kind: 'reply', because: null }
}
