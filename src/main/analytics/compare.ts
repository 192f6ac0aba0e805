// Two templates compared, pure: how likely B's true reply rate beats A's, how many more sends
// would settle it, and a sentence saying so (DOMAIN.md §4: small samples, say when a
// difference is not yet meaningful).
import type { Comparison } from '../../shared/contract/analytics'
import { rateOf } from './funnel'

/** log Γ(x) for x > 0 (Lanczos, g = 7, 9 terms: about 15 significant digits). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x)
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ]
  const z = x - 1
  let series = c[0]!
  for (let i = 1; i < c.length; i++) series += c[i]! / (z + i)
  const t = z + 7.5
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(series)
}

export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b)
}

/**
 * P(X2 > X1) for X1 ~ Beta(a1, b1), X2 ~ Beta(a2, b2) with a whole-number a2: Evan Miller's
 * closed form, a sum of a2 terms, each term got from the one before by a ratio (no cancellation).
 */
function sumOverA2(a1: number, b1: number, a2: number, b2: number): number {
  let logTerm = logBeta(a1, b1 + b2) - logBeta(a1, b1)
  let total = 0
  for (let i = 0; i < a2; i++) {
    total += Math.exp(logTerm)
    logTerm += Math.log((a1 + i) * (b2 + i)) - Math.log((a1 + b1 + b2 + i) * (1 + i))
  }
  return total
}

/** Past this many terms the normal approximation is used (it is then exact to well below 1e-4). */
const exactTermLimit = 1_000_000

function normalCdf(z: number): number {
  // Abramowitz–Stegun 7.1.26 on erf is only good to 1e-7; plenty here.
  const t = 1 / (1 + (0.3275911 * Math.abs(z)) / Math.SQRT2)
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
  const erf = 1 - poly * Math.exp(-(z * z) / 2)
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2
}

function betaMoments(a: number, b: number): { mean: number; variance: number } {
  const s = a + b
  return { mean: a / s, variance: (a * b) / (s * s * (s + 1)) }
}

/**
 * The probability that B's true rate is higher than A's, with A's rate ~ Beta(aA, bA) and B's ~
 * Beta(aB, bB) (whole-number parameters). Sums over the smallest parameter, using
 * P(B > A) = 1 − P(A > B) and, on the failures' side, P(pB > pA) = P(1 − pA > 1 − pB).
 */
export function probabilityBeats(
  a: { alpha: number; beta: number },
  b: { alpha: number; beta: number },
): number {
  const smallest = Math.min(a.alpha, b.alpha, a.beta, b.beta)
  if (smallest > exactTermLimit) {
    const ma = betaMoments(a.alpha, a.beta)
    const mb = betaMoments(b.alpha, b.beta)
    return normalCdf((mb.mean - ma.mean) / Math.sqrt(ma.variance + mb.variance))
  }
  let p: number
  if (smallest === b.alpha) p = sumOverA2(a.alpha, a.beta, b.alpha, b.beta)
  else if (smallest === a.alpha) p = 1 - sumOverA2(b.alpha, b.beta, a.alpha, a.beta)
  else if (smallest === a.beta) p = sumOverA2(b.beta, b.alpha, a.beta, a.alpha)
  else p = 1 - sumOverA2(a.beta, a.alpha, b.beta, b.alpha)
  return Math.min(1, Math.max(0, p))
}

/** P(B's reply rate > A's) under Beta(1 + replies, 1 + misses) posteriors (flat priors). */
export function probabilityBBeatsA(
  a: { delivered: number; replies: number },
  b: { delivered: number; replies: number },
): number {
  return probabilityBeats(
    { alpha: 1 + a.replies, beta: 1 + a.delivered - a.replies },
    { alpha: 1 + b.replies, beta: 1 + b.delivered - b.replies },
  )
}

/** "Very likely": the probability the verdict needs to call a winner, either way. */
export const clearAt = 0.95

/**
 * One-sided z for 95%: the z-test and the probability above then agree (for large samples
 * P(B > A) ≈ Φ(z)), so "would settle it" means "would make the probability reach 95%".
 */
const z95OneSided = 1.6448536269514722

/**
 * More sends of each arm (at the current rates) after which the observed difference would be
 * significant: the smallest k with |pA − pB| / √(vA/(nA + k) + vB/(nB + k)) ≥ z. 0 when it
 * already is; null when the rates are equal or an arm has nothing delivered.
 */
export function sendsToSettle(
  a: { delivered: number; replies: number },
  b: { delivered: number; replies: number },
): number | null {
  if (a.delivered <= 0 || b.delivered <= 0) return null
  const pA = a.replies / a.delivered
  const pB = b.replies / b.delivered
  if (pA === pB) return null
  const vA = pA * (1 - pA)
  const vB = pB * (1 - pB)
  const c = (pA - pB) ** 2 / z95OneSided ** 2
  const nA = a.delivered
  const nB = b.delivered
  // Significant once vA/(nA + k) + vB/(nB + k) ≤ c, that is c·k² + B·k + C ≥ 0; C is k = 0.
  const B = c * (nA + nB) - vA - vB
  const C = c * nA * nB - vA * nB - vB * nA
  if (C >= 0) return 0
  const k = (-B + Math.sqrt(B * B - 4 * c * C)) / (2 * c)
  return Math.max(0, Math.ceil(k - 1e-9))
}

/** "about 140": two significant figures from 100 up, rounded up so it is enough. */
export function about(n: number): number {
  if (n < 100) return n
  const step = 10 ** (Math.floor(Math.log10(n)) - 1)
  return Math.ceil(n / step) * step
}

/** A probability for people: never "100%" or "0%", which would claim certainty. */
const percent = (p: number) =>
  p > 0.99 ? 'over 99%' : p < 0.01 ? 'under 1%' : `${Math.round(p * 100)}%`

export interface Arm {
  label: string
  delivered: number
  replies: number
}

function sends(n: number): string {
  return n === 1 ? '1 send' : `${n.toLocaleString('en-US')} sends`
}

/** The comparison of two arms, with a verdict in plain English. */
export function compareArms(a: Arm, b: Arm): Comparison {
  const side = (arm: Arm) => ({
    label: arm.label,
    delivered: arm.delivered,
    replies: arm.replies,
    replyRate: rateOf(arm.replies, arm.delivered),
  })
  const result = (
    probabilityBBeatsA: number | null,
    moreSendsEach: number | null,
    verdict: string,
  ): Comparison => ({ a: side(a), b: side(b), probabilityBBeatsA, moreSendsEach, verdict })

  if (a.delivered === 0 || b.delivered === 0) {
    const missing = [a, b].filter((arm) => arm.delivered === 0).map((arm) => arm.label)
    return result(
      null,
      null,
      `Not yet meaningful: nothing of ${missing.join(' or ')} was delivered in this period.`,
    )
  }
  const p = probabilityBBeatsA(a, b)
  if (p >= clearAt)
    return result(p, null, `${b.label} very likely beats ${a.label} (${percent(p)})`)
  if (1 - p >= clearAt)
    return result(p, null, `${a.label} very likely beats ${b.label} (${percent(1 - p)})`)
  const rateA = a.replies / a.delivered
  const rateB = b.replies / b.delivered
  if (rateA === rateB) {
    const small = Math.min(a.delivered, b.delivered) < 30
    return result(
      p,
      null,
      small
        ? `No difference so far: ${a.replies} of ${a.delivered} and ${b.replies} of ${b.delivered} replied.`
        : `No difference: both ${percent(rateA)} of ${a.delivered.toLocaleString('en-US')} and ${b.delivered.toLocaleString('en-US')} sends.`,
    )
  }
  const more = Math.max(1, sendsToSettle(a, b) ?? 1)
  return result(
    p,
    more,
    `Not yet meaningful: ${a.delivered.toLocaleString('en-US')} and ${sends(b.delivered)}; about ${about(more).toLocaleString('en-US')} more of each would settle it.`,
  )
}
