import { describe, expect, it } from 'vitest'
import { classifyResponse } from '../../../../src/main/imports/linkedin/sentiment'

describe('classifyResponse', () => {
  it.each([
    ['Sure, happy to chat Tuesday.', 'agrees to talk'],
    ["Yes, let's talk.", 'agrees to talk'],
    ['I’d love to hear more, sounds interesting', 'agrees to talk'],
    ["Interested. What's the comp range?", 'agrees to talk'],
    ['Could you send me the job description?', 'asks for details'],
    ['Can you tell me more about the team?', 'asks for details'],
    ['Who is the client?', 'asks for details'],
    ['Thursday 10am works for me.', 'shares their availability'],
    ['Free tomorrow after 3pm', 'shares their availability'],
  ])('reads %j as positive (%s)', (reply, because) => {
    expect(classifyResponse(reply)).toEqual({ sentiment: 'positive', kind: 'reply', because })
  })

  it.each([
    ['Not interested, thanks.', 'says they are not interested'],
    ['NOT INTERESTED', 'says they are not interested'],
    ['No thanks.', 'says no thanks'],
    ['Thanks but no, I’ll pass', 'says no thanks'],
    ['Please remove me from your list.', 'asks to be removed or left alone'],
    ["Don't contact me again", 'asks to be removed or left alone'],
    ["I'm happy where I am.", 'says they are not looking'],
    ['Not looking right now, but happy to chat next year', 'says they are not looking'],
  ])('reads %j as a decline (%s)', (reply, because) => {
    expect(classifyResponse(reply)).toEqual({ sentiment: 'negative', kind: 'decline', because })
  })

  it('reads a complaint as negative without calling it a decline', () => {
    expect(classifyResponse('This is spam.')).toEqual({
      sentiment: 'negative',
      kind: 'reply',
      because: 'complains about the message',
    })
  })

  it.each([
    'Maybe later this year.',
    'Thanks for reaching out!',
    'Not sure yet',
    'Hi Jordan',
    'ok',
    '',
  ])('reads %j as neutral', (reply) => {
    expect(classifyResponse(reply)).toEqual({ sentiment: 'neutral', kind: 'reply', because: null })
  })
})
