// What one run of the model's code gives back, before it is formatted for the model (format-answer.ts). Its own
// module so that Node code can format answers without importing the Worker-only runner.
/** `undefinedPaths`: where the returned value held `undefined`, which its JSON drops (`result` for the value itself). */
export type RunCodeResult = { ok: true; json: string; logs: string[]; calls: number; undefinedPaths?: string[] } | { ok: false; error: string; logs: string[]; calls: number }
