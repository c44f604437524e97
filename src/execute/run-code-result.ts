// What one run of the model's code gives back, before it is formatted for the model (format-answer.ts). Its own
// module so that Node code can format answers without importing the Worker-only runner.
import type { RequestPreview } from '../host/preview-request.ts'

/**
 * `undefinedPaths`: where the returned value held `undefined`, which its JSON drops (`result` for the value itself).
 * `planned`: in a dry run, the requests the calls would have sent, in order.
 */
export type RunCodeResult =
  | { ok: true; json: string; logs: string[]; calls: number; undefinedPaths?: string[]; planned?: RequestPreview[] }
  | { ok: false; error: string; logs: string[]; calls: number; planned?: RequestPreview[] }
