// Prints the closing line CI looks for: "N passed, N failed". A test file that fails to load counts as a failure.
import type { Reporter, TestModule } from 'vitest/node'

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>): void {
    let passed = 0
    let failed = errors.length
    for (const mod of modules) {
      const tests = [...mod.children.allTests()]
      for (const test of tests) {
        const state = test.result().state
        if (state === 'passed') passed++
        else if (state === 'failed') failed++
      }
      if (tests.length === 0 && mod.state() === 'failed') failed++
    }
    console.log(`\n${passed} passed, ${failed} failed`)
  }
}
