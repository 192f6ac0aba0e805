import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { repairDoubleEncoding } from '../../../../src/main/imports/linkedin/mojibake'

/** What a UTF-8 text looks like after being decoded once more as Windows-1252. */
function doubleEncode(text: string): string {
  return new TextDecoder('windows-1252').decode(new TextEncoder().encode(text))
}

describe('repairDoubleEncoding', () => {
  it.each([
    ['JosÃ© MÃ¼ller', 'José Müller'],
    ['SÃ¸ren', 'Søren'],
    ['Å\u0081ukasz', 'Łukasz'],
    ['ZoÃ«, FranÃ§ois and Ã\u0089lodie', 'Zoë, François and Élodie'],
    ['Thatâ€™s great â€” thanks!', 'That’s great — thanks!'],
    ['Emoji ðŸ‘\u008d here', 'Emoji 👍 here'],
    ['Half Ã© and half é', 'Half é and half é'],
  ])('repairs %j', (broken, repaired) => {
    expect(repairDoubleEncoding(broken)).toBe(repaired)
  })

  it.each([
    'José Müller',
    'Łódź, Zoë, Søren, Ærø',
    'naïve «café» ¿qué tal? ©2026 ±5 °C ½',
    'ÀÁÂ ÃÄÅ', // capitals in a row that do not spell UTF-8
    'Ã alone, and Â then a space',
    'Plain ASCII, commas, "quotes"',
    '',
  ])('leaves ordinary text alone: %j', (text) => {
    expect(repairDoubleEncoding(text)).toBe(text)
  })

  it('undoes double encoding of any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(repairDoubleEncoding(doubleEncode(text))).toBe(text)
      }),
    )
  })
})
