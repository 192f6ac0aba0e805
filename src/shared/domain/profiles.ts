// A contact is identified by their LinkedIn profile URL, normalised so that the same person
// written differently (case, www., country subdomain, query string, trailing slash) is one key.

const profilePattern =
  /^(?:https?:\/\/)?(?:[a-z]{2,3}\.|www\.)?linkedin\.com\/in\/([^/?#\s]+)\/?(?:[?#].*)?$/i

/** `https://www.linkedin.com/in/<slug>` with a lower-case slug, or null if it is not a profile URL. */
export function normalizeProfileUrl(input: string): string | null {
  const match = profilePattern.exec(input.trim())
  if (!match?.[1]) return null
  let slug = match[1]
  try {
    slug = decodeURIComponent(slug)
  } catch {
    // A stray % is kept as typed.
  }
  return `https://www.linkedin.com/in/${encodeURIComponent(slug.toLowerCase())}`
}
