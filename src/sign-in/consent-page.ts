// The consent page a user sees before the sign-in leaves for the identity provider: which app asks, where its
// access goes, and a warning for an app on this computer. Everything the client chose is escaped.
import type { ConsentDescription } from '@cloudflare/workers-oauth-provider'

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

export function consentPage(details: ConsentDescription, handle: string, serverName: string): string {
  const name = escapeHtml(details.clientName)
  const origin = details.clientDomain ? `Published by <strong>${escapeHtml(details.clientDomain)}</strong>.` : 'This app registered itself; its name is not verified.'
  return `<!doctype html>
<meta charset="utf-8">
<title>Allow ${name}?</title>
<h1>Allow ${name} to use ${escapeHtml(serverName)} as you?</h1>
<p>${origin} Access will be sent to <strong>${escapeHtml(details.redirectHost)}</strong>.</p>
${details.redirectIsLoopback ? '<p><strong>This sends access to an app on your computer.</strong> Continue only if you just started signing in from it.</p>' : ''}
<form method="post">
  <input type="hidden" name="handle" value="${escapeHtml(handle)}">
  <p><button name="decision" value="approve">Allow and sign in</button> <button name="decision" value="deny">Deny</button></p>
</form>`
}

/** A page for a sign-in that cannot continue: the message, escaped, and a way forward. */
export function problemPage(message: string, status = 400): Response {
  return new Response(`<!doctype html>\n<meta charset="utf-8">\n<title>Sign-in failed</title>\n<p>${escapeHtml(message)}</p>\n<p>Start signing in again from your app.</p>`, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8' },
  })
}
