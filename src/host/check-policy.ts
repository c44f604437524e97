// The operator's per-API policy: read-only mode, allow and deny lists, and a budget of writes per execution.
import type { OperationSpec } from '../artifacts.ts'
import type { ApiConfig } from '../config.ts'

/** Whether the operation can change data: anything but GET and HEAD. */
export const isWrite = (op: OperationSpec): boolean => op.method !== 'GET' && op.method !== 'HEAD'

/** Returns why the call is refused, or undefined when policy allows it. `writesSoFar` counts this API's writes only. */
export function checkPolicy(config: ApiConfig, op: OperationSpec, writesSoFar: number): string | undefined {
  const writes = isWrite(op)
  if (config.deny?.includes(op.name)) return 'this operation is denied by the server policy'
  if (config.allow && !config.allow.includes(op.name)) return "this operation is not in the server policy's allow list"
  if (writes && config.readOnly) return `this server is read-only for this API; only GET and HEAD calls are allowed (this is ${op.method})`
  if (writes && config.maxWritesPerExecution !== undefined && writesSoFar >= config.maxWritesPerExecution) {
    return `the policy allows ${config.maxWritesPerExecution} write(s) per execution; split the writes across executions`
  }
  return undefined
}
