// Repairs UTF-8 text that was decoded once too often as Windows-1252/Latin-1 ("JosÃ©" for
// "José", "Å\u0081ukasz" for "Łukasz"). Only runs of characters that spell out a valid UTF-8
// byte sequence are rewritten, so ordinary accented text is left as it is.

/** Windows-1252 characters for the bytes 0x80–0x9F (the ones Latin-1 leaves as controls). */
const windows1252High: Readonly<Record<string, number>> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
}

const continuation = `[\\u0080-\\u00BF${Object.keys(windows1252High).join('')}]`
const sequence = new RegExp(
  `(?:[\\u00C2-\\u00DF]${continuation}|[\\u00E0-\\u00EF]${continuation}{2}|[\\u00F0-\\u00F4]${continuation}{3})+`,
  'g',
)
const possibleLead = /[\u00C2-\u00F4]/
const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

function asByte(char: string): number {
  const code = char.charCodeAt(0)
  return code <= 0xff ? code : (windows1252High[char] ?? -1)
}

function decodeRun(run: string): string {
  const bytes = Uint8Array.from(Array.from(run, asByte))
  try {
    return strictUtf8.decode(bytes)
  } catch {
    // Not a UTF-8 sequence after all (say "Ã" before a real "©"): keep what was written.
    return run
  }
}

/** The text with double-encoded UTF-8 repaired; text without such runs comes back unchanged. */
export function repairDoubleEncoding(text: string): string {
  if (!possibleLead.test(text)) return text
  return text.replace(sequence, decodeRun)
}
