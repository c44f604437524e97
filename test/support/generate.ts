// Runs the real codegen CLI over a set of spec files into a fresh temporary directory.
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'

export const ROOT = resolve(import.meta.dirname, '../..')
/** The shared real specs: $SHARED_OPENAPI, else ../shared/openapi beside the checkout, else /work/shared/openapi. */
export const SHARED_SPECS =
  [process.env.SHARED_OPENAPI, resolve(ROOT, '../shared/openapi'), '/work/shared/openapi'].find((dir): dir is string => !!dir && existsSync(join(dir, 'petstore.yaml'))) ??
  resolve(ROOT, '../shared/openapi')

/**
 * Copies the specs into a temp folder (the file name becomes the namespace), with this repository's
 * openapi/vocabulary/<spec name>.txt for each unless `vocabulary` is false (what an API nobody wrote one for gets),
 * and returns the artifacts folder.
 */
export function generate(specFiles: string[], names?: string[], { vocabulary: withVocabulary = true } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'codemode-gen-'))
  const specs = join(dir, 'openapi')
  mkdirSync(join(specs, 'vocabulary'), { recursive: true })
  specFiles.forEach((file, i) => {
    const ext = file.match(/\.(json|ya?ml)$/i)?.[0] ?? '.json'
    const target = names?.[i] ? `${names[i]}${ext}` : basename(file)
    copyFileSync(file, join(specs, target))
    const vocabulary = join(ROOT, 'openapi/vocabulary', target.replace(/\.(json|ya?ml)$/i, '.txt'))
    if (withVocabulary && existsSync(vocabulary)) copyFileSync(vocabulary, join(specs, 'vocabulary', basename(vocabulary)))
  })
  const out = join(dir, 'generated')
  execFileSync(process.execPath, [join(ROOT, 'codegen/index.ts'), '--specs', specs, '--out', out, '--quiet'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  return out
}
