// Stands in for `mimetext` (and the 130 KiB MIME database it pulls in): agents imports it only to reply to email,
// which this server never does. wrangler.jsonc aliases it here to keep the script small.
export function createMimeMessage(): never {
  throw new Error('Email replies are not part of this server (mimetext is aliased to src/stubs/mimetext.ts).')
}
