// The vocabulary of API requests. Verbs of a group are one term (indexed and queried as the group's first word), so
// a description saying "Retrieves" meets a query saying "show"; nouns expand at a lower weight; some words only
// hint at what the caller means to do. Every table is plain words; stems are computed once at load.
import { stemWord } from './stem-word.ts'

export type Intent = 'list' | 'get' | 'create' | 'update' | 'delete'

// [intent, words that mean the same verb, words that only hint at the intent]
const VERBS: [Intent | undefined, string, string][] = [
  ['list', 'list enumerate browse all every', 'which'],
  ['get', 'get read fetch retrieve view show see detail details describe inspect look grab', 'info information'],
  ['create', 'create add new make insert register setup', 'invite open start launch generate publish post submit share grant put'],
  [
    'update',
    'update edit modify change patch alter overwrite adjust',
    'set rename toggle turn replace close reopen archive enable disable bump raise increase lower extend retire upgrade downgrade activate deactivate mark',
  ],
  ['delete', 'delete remove destroy erase discard uninstall', 'drop kick unregister wipe strip'],
  [undefined, 'search find lookup grep', ''],
  [undefined, 'purge flush invalidate', ''],
  [undefined, 'cancel abort terminate stop', ''],
  [undefined, 'verify validate valid check', ''],
  [undefined, 'rollback revert restore undo', ''],
  [undefined, 'rotate roll regenerate renew', ''],
  [undefined, 'download export', ''],
  [undefined, 'upload import push', ''],
  [undefined, 'retry rerun redeliver resend redo', ''],
  [undefined, 'block ban deny blocklist blacklist', ''],
  [undefined, 'allow permit allowlist whitelist', ''],
  [undefined, 'run execute invoke invocation trigger dispatch', ''],
  [undefined, 'send deliver', ''],
  [undefined, 'pause suspend freeze', ''],
  [undefined, 'restart reboot', ''],
  [undefined, 'pin stick', ''],
  [undefined, 'resume unpause unfreeze', ''],
]

// Abbreviations are the same word as their full form.
const ABBREVIATIONS = [
  'repository repo',
  'organization org',
  'certificate cert',
  'configuration config',
  'environment env',
  'variable var',
  'application app',
  'database db',
  'message msg',
  'permission perm',
  'authentication auth',
  'statistics stats',
  'promotion promo',
  'minimum min',
  'maximum max',
  'password pwd',
  'account acct',
  'address addr',
  'image img',
  'document doc',
  'description desc',
  'production prod',
  'development dev',
  'notification notif',
  'administrator admin',
  'parameter param',
  'attribute attr',
  'temporary temp',
  'processor cpu',
]

// Nouns that often name the same thing; each finds the others at a lower weight.
const NOUNS = [
  'zone domain site website',
  'record entry',
  'member teammate colleague coworker collaborator people access',
  'issue bug ticket',
  'webhook hook',
  'schedule cron',
  'subscription subscribe',
  'user profile',
  'authenticated login',
  'statistics analytics metrics',
  'image picture photo',
  'payment pay charge',
  'purge clear',
  'latest newest recent last current',
  'firewall block waf',
  'credential token key secret password',
  'certificate ssl tls',
  'log logging logpush',
  'limit quota throttle',
  'redirect forward rewrite',
  'usage metered consumption',
  'team group',
  'email mail',
  // What people call things, against what APIs call them: general SaaS vocabulary, not one spec's.
  'member user',
  'refund reimburse reimbursement',
  'dispute chargeback',
  'invoice bill billing receipt',
  'branch ref',
  'database postgres postgresql mysql sql sqlite',
  'customer client buyer shopper',
  'coupon discount voucher',
  'comment reply note',
  'notification alert',
  'deployment deploy release',
  'folder directory',
  'hostname host',
  'star favorite bookmark',
  'fork clone',
  'label tag',
  'audit history trail activity',
  'rule policy',
  'country location geo region',
  'bot crawler spider',
  'video stream',
  'job task',
  'employee staff cardholder',
  'seller merchant vendor',
  'custom own vanity',
  'request req',
  'bulk batch',
  'device laptop phone computer machine',
  'ip range cidr subnet',
  'challenge captcha turnstile',
  'worker script function serverless lambda',
  'gist snippet',
  'review approve approval',
  'capture collect settle',
  'terminal pos',
  'product catalog merchandise',
  'url route path pattern',
  'health uptime',
  'live broadcast',
  'upcoming next preview',
  'traffic visit visitor',
  'channel conversation',
  'server instance machine vm',
  'duplicate copy clone',
  'presence online status',
  'snooze mute silence',
  'reaction emoji',
  'permalink link',
  'option choice',
  'vacation ooo holiday away',
  'column section',
]

/** Stem -> the stem that stands for its whole group, for verbs and abbreviations. */
export const CANONICAL = new Map<string, string>()
/** Stem -> the intent its verb (or hint) expresses. */
export const INTENT_BY_STEM = new Map<string, Intent>()
/** Stem -> other stems that count as finding it, each with a weight below 1. */
export const RELATED = new Map<string, string[]>()

const stemsOf = (words: string) => [...new Set(words.split(' ').filter(Boolean).map(stemWord))]
for (const [intent, same, hints] of VERBS) {
  const group = stemsOf(same)
  for (const stem of group) CANONICAL.set(stem, group[0] as string)
  if (intent) for (const stem of [...group, ...stemsOf(hints)]) INTENT_BY_STEM.set(stem, intent)
}
for (const words of ABBREVIATIONS) {
  const [full, ...short] = stemsOf(words)
  for (const stem of short) CANONICAL.set(stem, full as string)
}
for (const words of NOUNS) {
  const group = stemsOf(words).map((s) => CANONICAL.get(s) ?? s)
  for (const stem of group) RELATED.set(stem, [...new Set([...(RELATED.get(stem) ?? []), ...group.filter((s) => s !== stem)])])
}
