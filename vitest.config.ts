import { defineConfig } from 'vitest/config'

// Two projects by runtime: Node-only units (codegen, scripts, pure modules) and end-to-end suites that start the
// real Worker in workerd, Prism upstreams and the official MCP client.
export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 60_000 } },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          maxWorkers: 2,
        },
      },
    ],
  },
})
