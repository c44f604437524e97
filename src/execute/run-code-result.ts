// What one run of the model's code gives back, before it is formatted for the model (format-answer.ts). Its own
// module so that Node code can format answers without importing the Worker-only runner.
export type RunCodeResult = { ok: true; json: string; logs: string[]; calls: number } | { ok: false; error: string; logs: string[]; calls: number }
