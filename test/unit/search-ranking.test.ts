// Ranking over the real Cloudflare, GitHub and Stripe specs (with this repository's openapi/vocabulary files): each
// query, phrased as an agent asks, must put the named operation first. The queries differ from the benchmark's tasks
// (bench/tasks/*.jsonl).
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { engineFor } from '../../src/search/answer-search.ts'
import { SHARED_SPECS } from '../support/generate.ts'
import { rankingOver } from '../support/ranked-routes.ts'

const ranking = rankingOver(['cloudflare.json', 'github.yaml', 'stripe.yaml'].map((f) => join(SHARED_SPECS, f)))
const { top } = ranking

describe('search ranking', () => {
  it.each([
    ['the words of a summary', { api: 'cloudflare', query: 'list dns records', want: 'GET /zones/{zone_id}/dns_records' }],
    ['a stemmed verb and noun ("purging cached")', { api: 'cloudflare', query: 'purging cached files', want: 'POST /zones/{zone_id}/purge_cache' }],
    ['synonyms of verb and noun ("remove" a DNS "entry")', { api: 'cloudflare', query: 'remove a dns entry', want: 'DELETE /zones/{zone_id}/dns_records/{dns_record_id}' }],
    ['"make a new" as create', { api: 'cloudflare', query: 'make a new KV namespace', want: 'POST /accounts/{account_id}/storage/kv/namespaces' }],
    ['"details" as a read of one item', { api: 'cloudflare', query: 'zone details', want: 'GET /zones/{zone_id}' }],
    ['a path segment ("verify") over a summary', { api: 'cloudflare', query: 'verify my api token', want: 'GET /user/tokens/verify' }],
    ['an upload verb on a PUT', { api: 'cloudflare', query: 'upload a worker script', want: 'PUT /accounts/{account_id}/workers/scripts/{script_name}' }],
    ['an abbreviation ("PR")', { api: 'github', query: 'merge a PR', want: 'PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge' }],
    ['a list verb picks the collection', { api: 'github', query: 'list pull requests', want: 'GET /repos/{owner}/{repo}/pulls' }],
    ['"repo" and "organization" in a create', { api: 'github', query: 'create a repo in an organization', want: 'POST /orgs/{org}/repos' }],
    ['a phrase ("who am I logged in as")', { api: 'github', query: 'who am I logged in as', want: 'GET /user' }],
    ['"latest" in a path segment', { api: 'github', query: 'what is the latest release', want: 'GET /repos/{owner}/{repo}/releases/latest' }],
    ['POST to a collection creates (no summaries in Stripe)', { api: 'stripe', query: 'create a customer', want: 'POST /v1/customers' }],
    ['POST to an item updates', { api: 'stripe', query: 'update customer', want: 'POST /v1/customers/{customer}' }],
    ['"show all" picks the top-level list', { api: 'stripe', query: 'show all subscriptions', want: 'GET /v1/subscriptions' }],
    ['an action segment', { api: 'stripe', query: 'cancel a payment intent', want: 'POST /v1/payment_intents/{intent}/cancel' }],
    [
      'a derived form the stemmer keeps apart ("contributed" / contributors)',
      { api: 'github', query: 'who has contributed to a repo', want: 'GET /repos/{owner}/{repo}/contributors' },
    ],
    ['"my" picks the caller\'s own endpoint', { api: 'github', query: 'list my followers', want: 'GET /user/followers' }],
    ['a phrasal verb ("get rid of")', { api: 'cloudflare', query: 'get rid of a DNS record', want: 'DELETE /zones/{zone_id}/dns_records/{dns_record_id}' }],
    ['a word from the shipped vocabulary (chargebacks are disputes)', { api: 'stripe', query: 'list chargebacks', want: 'GET /v1/disputes' }],
    ['a product described, not named (Turnstile)', { api: 'cloudflare', query: 'create a captcha widget', want: 'POST /accounts/{account_id}/challenges/widgets' }],
    ['a phrase from accounting ("write off")', { api: 'stripe', query: 'write off an invoice', want: 'POST /v1/invoices/{invoice}/mark_uncollectible' }],
  ])('ranks first for %s', (_name, { api, query, want }) => {
    expect(top(api, query)[0]).toBe(want)
  })

  it('finds a zone setting named by an enum value of the request body, past the first ones of a long schema', () => {
    // Editing one setting by its id and editing several at once both do it; the vocabulary names the settings on both.
    const edits = ['PATCH /zones/{zone_id}/settings/{setting_id}', 'PATCH /zones/{zone_id}/settings']
    for (const query of ['enable automatic https rewrites', 'turn off rocket loader']) expect(top('cloudflare', query, 2).sort()).toEqual([...edits].sort())
  })

  it('keeps the words of a pasted path that is not exact (a URL is a value only when it has a host or a wildcard)', () => {
    expect(top('cloudflare', '/zones/{zone_id}/dns_records', 5)).toContain('GET /zones/{zone_id}/dns_records')
    expect(top('github', 'GET /repos/{owner}/{repo}/pull', 5)).toContain('GET /repos/{owner}/{repo}/pulls')
  })

  it('puts a deprecated operation below its live replacement', () => {
    // The deprecated one's summary is the query word for word, which lifts it, but not past its replacement.
    expect(top('cloudflare', 'delete multiple key-value pairs', 2)).toEqual([
      'POST /accounts/{account_id}/storage/kv/namespaces/{namespace_id}/bulk/delete',
      'DELETE /accounts/{account_id}/storage/kv/namespaces/{namespace_id}/bulk',
    ])
  })

  it('ranks first the operation whose summary the query repeats', () => {
    expect(top('github', 'request reviewers for a pull request')).toEqual(['POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers'])
    expect(top('github', 'Get the authenticated user')).toEqual(['GET /user'])
  })

  it('searches only the named API, and every API without one', () => {
    const all = engineFor(ranking.catalog())
      .search('create a customer', { limit: 1000, offset: 0 })
      .hits.map((h) => h.api)
    const stripe = engineFor(ranking.catalog())
      .search('create a customer', { api: 'stripe', limit: 50, offset: 0 })
      .hits.map((h) => h.api)
    expect(new Set(stripe)).toEqual(new Set(['stripe']))
    expect(new Set(all)).toEqual(new Set(['cloudflare', 'github', 'stripe']))
  })

  it('pages through the same ranking', () => {
    const first = engineFor(ranking.catalog()).search('dns records', { api: 'cloudflare', limit: 12, offset: 0 }).hits
    const second = engineFor(ranking.catalog()).search('dns records', { api: 'cloudflare', limit: 6, offset: 6 }).hits
    expect(second).toEqual(first.slice(6, 12))
  })
})
