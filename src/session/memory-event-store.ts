// The session object's SSE event log (for Last-Event-ID resumption) and the request ids of each POST stream, kept in
// memory instead of in Durable Object storage. agents' default (DurableObjectEventStore) writes every response, and
// the ids of every POST, to storage and deletes them once the response is written: four storage operations per MCP
// request, each one holding the object's outgoing messages (the sandbox's RPC, the answer itself) until it is durable.
// In memory, a client that reconnects with Last-Event-ID while the object lives gets the same replay; an object
// that is evicted has lost its in-flight tool calls anyway, and a POST stream's events are dropped as soon as its
// last response is written, as agents does.
import type { EventId, EventStore, StreamId } from '@modelcontextprotocol/sdk/server/streamableHttp.js'
import type { JSONRPCMessage, RequestId } from '@modelcontextprotocol/sdk/types.js'

/** Events kept per stream (the standalone GET stream is never cleared): older ones are dropped first. */
const MAX_EVENTS_PER_STREAM = 100
/** Streams kept at once (POST streams end with their response; this bounds any that never do). */
const MAX_STREAMS = 100

interface Stream {
  seq: number
  events: { seq: number; message: JSONRPCMessage }[]
}

export class MemoryEventStore implements EventStore {
  readonly #streams = new Map<StreamId, Stream>()
  readonly #requestIds = new Map<string, RequestId[]>()

  async storeEvent(streamId: StreamId, message: JSONRPCMessage): Promise<EventId> {
    // agents' stream ids never hold ':', which separates the stream from the sequence number in an event id.
    if (streamId.includes(':')) throw new Error(`MemoryEventStore: streamId must not contain ':' (got ${JSON.stringify(streamId)})`)
    let stream = this.#streams.get(streamId)
    if (!stream) {
      stream = { seq: 0, events: [] }
      this.#streams.set(streamId, stream)
      dropOldest(this.#streams, MAX_STREAMS)
    }
    stream.seq++
    stream.events.push({ seq: stream.seq, message })
    if (stream.events.length > MAX_EVENTS_PER_STREAM) stream.events.shift()
    return `${streamId}:${stream.seq.toString(16).padStart(16, '0')}`
  }

  async getStreamIdForEventId(eventId: EventId): Promise<StreamId | undefined> {
    const at = eventId.lastIndexOf(':')
    return at > 0 ? eventId.slice(0, at) : undefined
  }

  async replayEventsAfter(lastEventId: EventId, { send }: { send: (eventId: EventId, message: JSONRPCMessage) => Promise<void> }): Promise<StreamId> {
    const streamId = await this.getStreamIdForEventId(lastEventId)
    if (!streamId) return ''
    const after = Number.parseInt(lastEventId.slice(streamId.length + 1), 16)
    for (const event of this.#streams.get(streamId)?.events ?? []) {
      if (event.seq > after) await send(`${streamId}:${event.seq.toString(16).padStart(16, '0')}`, event.message)
    }
    return streamId
  }

  /** Drops a stream's events once its last response is written (agents calls this; see ClearableEventStore). */
  async clearStream(streamId: StreamId): Promise<void> {
    this.#streams.delete(streamId)
  }

  /** The request ids a POST stream answers: what agents' McpAgent otherwise keeps in storage. */
  setRequestIds(streamId: string, requestIds: RequestId[]): void {
    this.#requestIds.set(streamId, requestIds)
    dropOldest(this.#requestIds, MAX_STREAMS)
  }

  getRequestIds(streamId: string): RequestId[] | undefined {
    return this.#requestIds.get(streamId)
  }

  deleteRequestIds(streamId: string): void {
    this.#requestIds.delete(streamId)
  }

  /** The POST stream answering `requestId`, with all of that stream's request ids. */
  streamForRequestId(requestId: RequestId): { streamId: string; requestIds: RequestId[] } | undefined {
    for (const [streamId, requestIds] of this.#requestIds) if (requestIds.includes(requestId)) return { streamId, requestIds }
    return undefined
  }
}

/** Drops the oldest entries (a Map iterates in insertion order) until `map` holds at most `max`. */
function dropOldest(map: Map<string, unknown>, max: number): void {
  for (const key of map.keys()) {
    if (map.size <= max) return
    map.delete(key)
  }
}
