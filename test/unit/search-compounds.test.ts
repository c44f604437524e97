// Closed compounds in paths split into words only where the API's own prose writes them apart.
import { describe, expect, it } from 'vitest'
import { createCompoundSplitter } from '../../src/search/create-compound-splitter.ts'

const prose = ['Lists the page rules of a zone.', 'Creates a health check for an origin.', 'Returns your profile and the files you uploaded.']
const split = createCompoundSplitter(prose)

describe('createCompoundSplitter', () => {
  it.each([
    ['a compound the prose writes apart', '/zones/{zone_id}/pagerules', '/zones/{zone_id}/pagerules page rules'],
    ['a plural compound, by stems', '/zones/{zone_id}/healthchecks', '/zones/{zone_id}/healthchecks health checks'],
    ['a word whose halves are words but never adjacent ("pro file")', '/user/profile', '/user/profile'],
    ['a snake_case segment, split elsewhere', '/zones/{zone_id}/page_rules', '/zones/{zone_id}/page_rules'],
  ])('handles %s', (_name, given, want) => {
    expect(split(given)).toBe(want)
  })
})
