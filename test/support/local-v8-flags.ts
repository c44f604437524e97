// V8 flags for every local workerd this project starts (tests, benchmarks, `npm run dev`, which repeats them).
// miniflare passes MINIFLARE_WORKERD_V8_FLAGS (space-separated) to workerd. Local workerd enforces no CPU limit,
// so a catastrophic regular expression such as /(a+)+$/ would stall every session; with these flags V8 switches
// such a regex to its linear-time engine after a number of backtracks. Production enforces cpuMs instead.
export const LOCAL_V8_FLAGS = '--enable-experimental-regexp-engine-on-excessive-backtracks --regexp-backtracks-before-fallback=50000'
