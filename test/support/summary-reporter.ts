// Prints the closing line CI looks for: "N passed, N failed".
import type { Reporter, TestModule } from 'vitest/node'

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let passed = 0
    let failed = 0
    for (const mod of modules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state
        if (state === 'passed') passed++
        else if (state === 'failed') failed++
      }
      if (mod.state() === 'failed' && !mod.children.size) failed++
    }
    console.log(`\n${passed} passed, ${failed} failed`)
  }
}
