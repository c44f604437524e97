// Literal values in a query (ids, addresses, host names) are taken out, and only their kind is kept as a word.
import { describe, expect, it } from 'vitest'
import { queryWords } from '../../src/search/analyze-text.ts'
import { findLiteralValues } from '../../src/search/find-literal-values.ts'

const words = (query: string) => queryWords(findLiteralValues(query).rest)

describe('findLiteralValues', () => {
  it.each([
    ['point blog.example.com at 203.0.113.10', ['point'], ['ip', 'domain']],
    ['allow 10.0.0.0/8 and 2001:db8::/32', ['allow'], ['ip']],
    ['invite jane.doe+ops@example.co.uk to the team', ['invite', 'team'], ['email']],
    ['add https://hooks.example.com/github as a webhook', ['add', 'webhook'], ['url']],
    ['refund ch_3MmlLrLkdIwHu7ix0snN0B15 in full', ['refund', 'full'], []],
    ['kick U024BE7LH from the channel', ['kick', 'channel'], []],
    ['show deployment 7f2c1a of policy f174e90a-2b3c-4d5e-8f90-1a2b3c4d5e6f', ['show', 'deployment', 'policy'], []],
  ])('%s', (query, rest, kinds) => {
    expect(words(query)).toEqual(rest)
    expect(findLiteralValues(query).kinds.sort()).toEqual(kinds.sort())
  })

  it('leaves words, file names, versions, API paths and short alphanumerics alone', () => {
    for (const query of [
      'rotate the oauth2 secret',
      'sha256 of the base64 body',
      'check the sha256sum, then decode base64url',
      'edit index.php and deploy.sh',
      'read package.json',
      'upgrade to v2.0.1',
      'GET https://api.example.com/zones/{zone_id}/dns_records',
      'a decade of ipv6 traffic',
    ])
      expect(findLiteralValues(query)).toEqual({ rest: query, kinds: [] })
  })
})
