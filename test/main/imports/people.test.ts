// The people an import remembers are the most recently met, and no more than it may hold.
import { describe, expect, it } from 'vitest'
import { RecentPeople } from '../../../src/main/imports/people'

const ref = (id: number) => ({ id, profileUrl: `https://www.linkedin.com/in/p${id}`, name: null })

describe('the people an import remembers', () => {
  it('forgets the least recently met first, and meeting someone again keeps them', () => {
    const people = new RecentPeople(2)
    people.remember('a', ref(1))
    people.remember('b', ref(2))
    expect(people.get('a')).toEqual(ref(1))
    people.remember('c', ref(3))
    expect(people.get('b')).toBeUndefined()
    expect(people.get('a')).toEqual(ref(1))
    expect(people.get('c')).toEqual(ref(3))
  })

  it('remembers no one when it may hold no one', () => {
    const people = new RecentPeople(0)
    people.remember('a', ref(1))
    expect(people.get('a')).toBeUndefined()
  })
})
