// Ranking on APIs nobody tuned for or wrote a vocabulary for (corpus specs, generated without openapi/vocabulary/):
// what the engine itself knows of how people ask. The queries differ from the benchmark's tasks (bench/tasks/).
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { answerSearch } from '../../src/search/answer-search.ts'
import { SHARED_SPECS } from '../support/generate.ts'
import { rankingOver } from '../support/ranked-routes.ts'

const specs = ['slack__web-api.json', 'digitalocean__api.yaml', 'pagerduty__rest.json', 'spotify__web-api.yaml'].map((f) => join(SHARED_SPECS, 'corpus', f))
const ranking = rankingOver(specs, { vocabulary: false })
const { top } = ranking

describe('search ranking on an API without a vocabulary', () => {
  it.each([
    ['"thumbs up" is adding a reaction', { api: 'slackWebApi', query: 'thumbs up the last message', want: 'POST /reactions.add' }],
    ['"redeploy" finds deploying when the API has no word for the repeat', { api: 'digitaloceanApi', query: 'redeploy app 42', want: 'POST /v2/apps/{app_id}/deployments' }],
    ['"on call" is the one word APIs write ("/oncalls")', { api: 'pagerdutyRest', query: 'who is on call right now', want: 'GET /oncalls' }],
    [
      'running an action creates its invocation',
      { api: 'pagerdutyRest', query: 'run the restart-nginx automation action now', want: 'POST /automation_actions/actions/{id}/invocations' },
    ],
    ['"channel" finds what the API calls a conversation', { api: 'slackWebApi', query: 'archive a channel', want: 'POST /conversations.archive' }],
  ])('%s', (_label, { api, query, want }) => {
    expect(top(api, query)).toEqual([want])
  })

  it('reads quoted text and a #channel as values, not as what is asked; a hint verb left alone is the request', () => {
    expect(top('slackWebApi', 'post "list all new users" in #general', 2)).toContain('POST /chat.postMessage')
    expect(top('slackWebApi', "post 'who is on call tonight?' to #ops", 2)).toContain('POST /chat.postMessage')
  })

  it('reads an IP address and a host name as values, not as a version number and words', () => {
    expect(top('digitaloceanApi', 'make api.example.net resolve to 192.0.2.44', 2)).toContain('POST /v2/domains/{domain_name}/records')
  })

  it('keeps a query that is nothing but a quoted phrase', () => {
    expect(top('slackWebApi', '"set a reminder"', 3)).toContain('POST /reminders.add')
  })

  it("names a deprecated operation's successor that the description links by its title", () => {
    const lookup = answerSearch(ranking.catalog(), { query: 'spotifyWebApi.unfollowPlaylist' }).text
    // The spec's summary is "Unfollow Playlist\n": one line all the same.
    expect(lookup.split('\n')[0]).toBe('spotifyWebApi.unfollowPlaylist — DELETE /playlists/{playlist_id}/followers — Unfollow Playlist [writes, deprecated]')
    expect(lookup).toContain('Deprecated: the spec names spotifyWebApi.removeLibraryItems as its replacement.')
    const listed = answerSearch(ranking.catalog(), { query: 'stop following a playlist', api: 'spotifyWebApi' }).text
    expect(listed).toContain(
      'spotifyWebApi.unfollowPlaylist — DELETE /playlists/{playlist_id}/followers — Unfollow Playlist [writes, deprecated, use spotifyWebApi.removeLibraryItems]',
    )
  })
})
