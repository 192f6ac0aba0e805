// The A/B comparison against known values: closed forms, and numerical integration of the Beta
// posteriors (mpmath and scipy, 12 digits), to 1e-6.
import { describe, expect, it } from 'vitest'
import {
  about,
  compareArms,
  logGamma,
  probabilityBBeatsA,
  probabilityBeats,
  sendsToSettle,
} from '../../../src/main/analytics/compare'

const arm = (replies: number, delivered: number) => ({ replies, delivered })

describe('log Γ', () => {
  it('matches factorials and Γ(1/2) = √π', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12)
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12)
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12)
    // Stirling's territory: log 100! = 363.73937555556347.
    expect(logGamma(101)).toBeCloseTo(363.73937555556347, 9)
  })
})

describe('P(B beats A) under Beta(1 + replies, 1 + misses)', () => {
  it('closed forms', () => {
    expect(probabilityBBeatsA(arm(0, 0), arm(0, 0))).toBeCloseTo(0.5, 12)
    // Uniform against Beta(2, 1): ∫ 2x · x dx = 2/3.
    expect(probabilityBBeatsA(arm(0, 0), arm(1, 1))).toBeCloseTo(2 / 3, 12)
    expect(probabilityBBeatsA(arm(1, 1), arm(0, 0))).toBeCloseTo(1 / 3, 12)
    // n of n against nothing: (n + 1)/(n + 2).
    expect(probabilityBBeatsA(arm(0, 0), arm(7, 7))).toBeCloseTo(8 / 9, 12)
    expect(probabilityBBeatsA(arm(3, 30), arm(3, 30))).toBeCloseTo(0.5, 12)
  })

  it.each([
    [1, 10, 3, 10, 0.844611528822],
    [2, 12, 5, 9, 0.963319423879],
    [10, 100, 15, 100, 0.853283789934],
    [20, 200, 35, 210, 0.975601424993],
    [0, 5, 5, 5, 0.998917748918],
    [50, 400, 70, 410, 0.966153743946],
    [120, 1000, 150, 1000, 0.975067836812],
    [5, 12, 0, 9, 0.0169990192873],
    [2000, 10000, 2100, 10000, 0.9600635625840747],
    [20000, 100000, 20300, 100000, 0.9527725519292255],
  ])('%i of %i against %i of %i', (ra, na, rb, nb, expected) => {
    expect(Math.abs(probabilityBBeatsA(arm(ra, na), arm(rb, nb)) - expected)).toBeLessThan(1e-6)
  })

  it('uses the normal approximation past a million in every parameter, still within 1e-3', () => {
    const p = probabilityBeats(
      { alpha: 1 + 1_500_000, beta: 1 + 1_500_000 },
      { alpha: 1 + 1_502_000, beta: 1 + 1_498_000 },
    )
    expect(Math.abs(p - 0.9487647960856189)).toBeLessThan(1e-3)
  })
})

describe('more sends to settle it', () => {
  it('is null with equal rates or an empty arm, 0 when already significant', () => {
    expect(sendsToSettle(arm(3, 30), arm(6, 60))).toBeNull()
    expect(sendsToSettle(arm(0, 0), arm(6, 60))).toBeNull()
    expect(sendsToSettle(arm(10, 100), arm(30, 100))).toBe(0)
  })

  it('solves vA/(nA + k) + vB/(nB + k) = (pA − pB)²/z² for k', () => {
    // 10% and 16% of 50: (0.09 + 0.1344)/(50 + k) = 0.0036/1.6449² → 50 + k = 168.65.
    expect(sendsToSettle(arm(5, 50), arm(8, 50))).toBe(119)
    expect(about(119)).toBe(120)
    expect(about(64)).toBe(64)
    expect(about(1234)).toBe(1300)
  })
})

describe('the verdict', () => {
  it('names a clear winner with its probability', () => {
    const c = compareArms({ label: 'A', ...arm(2, 12) }, { label: 'B', ...arm(5, 9) })
    expect(c.verdict).toBe('B very likely beats A (96%)')
    expect(c.probabilityBBeatsA).toBeCloseTo(0.963319, 5)
    expect(c.moreSendsEach).toBeNull()
    expect(c.a.replyRate.value).toBeCloseTo(2 / 12, 12)
    const reverse = compareArms({ label: 'Hook', ...arm(5, 12) }, { label: 'Plain', ...arm(0, 9) })
    expect(reverse.verdict).toBe('Hook very likely beats Plain (98%)')
  })

  it('says when it is not yet meaningful, and how many more sends would settle it', () => {
    const c = compareArms({ label: 'A', ...arm(5, 50) }, { label: 'B', ...arm(8, 50) })
    expect(c.moreSendsEach).toBe(119)
    expect(c.verdict).toBe(
      'Not yet meaningful: 50 and 50 sends; about 120 more of each would settle it.',
    )
    const tiny = compareArms({ label: 'A', ...arm(1, 12) }, { label: 'B', ...arm(2, 9) })
    expect(tiny.verdict).toMatch(/^Not yet meaningful: 12 and 9 sends; about \d+ more of each/)
  })

  it('says "no difference" for equal rates, without a bare percentage of a few sends', () => {
    expect(compareArms({ label: 'A', ...arm(3, 30) }, { label: 'B', ...arm(6, 60) }).verdict).toBe(
      'No difference: both 10% of 30 and 60 sends.',
    )
    expect(compareArms({ label: 'A', ...arm(1, 5) }, { label: 'B', ...arm(2, 10) }).verdict).toBe(
      'No difference so far: 1 of 5 and 2 of 10 replied.',
    )
  })

  it('with nothing delivered on one side, there is nothing to compare', () => {
    const c = compareArms({ label: 'A', ...arm(0, 0) }, { label: 'B', ...arm(2, 10) })
    expect(c).toMatchObject({ probabilityBBeatsA: null, moreSendsEach: null })
    expect(c.verdict).toBe('Not yet meaningful: nothing of A was delivered in this period.')
    expect(c.a.replyRate).toEqual({ value: null, low: null, high: null, n: 0 })
  })
})
