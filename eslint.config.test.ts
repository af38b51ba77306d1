// The import boundaries and the raw-HTML ban of eslint.config.js, checked through ESLint
// itself on code of the test's own, placed where the rule applies.
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: import.meta.dirname })

async function errorsOf(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.message)
}

const uses = (specifier: string) => `import * as used from '${specifier}'\nexport { used }\n`

describe('import boundaries', () => {
  it.each([
    ['src/features/lookup/x.ts', '@/features/browse/api/pack-list-queries', 'another feature'],
    ['src/features/browse/x.ts', '../pack-review/lib/qa-flags', "through '@/...'"],
    ['src/lib/x.ts', '@/features/pack-review/lib/qa-flags', 'never imports a feature'],
    ['src/components/x.ts', '@/app/query-client', 'Only src/app imports src/app'],
    ['src/lib/x.ts', '../../server/config.ts', "through '@/...'"],
    ['server/x.ts', '../src/lib/api-error', 'Only src imports src'],
    ['server/demo/x.ts', '@/lib/api-error', 'Only src imports src'],
    ['contract/partner-api/x.ts', '../../src/lib/api-error', 'Only src imports src'],
    ['contract/partner-api/x.ts', '../../server/config.ts', 'never imports server'],
    ['contract/partner-api/x.ts', 'react', 'no React'],
    ['contract/partner-api/x.ts', 'node:fs', 'no Node APIs'],
    ['contract/partner-api/x.ts', 'path', 'no Node APIs'],
    ['src/lib/x.ts', '@/testing/msw', 'never imports test support'],
    ['src/features/pack-review/x.ts', '@/testing/render', 'never imports test support'],
    ['server/x.ts', './test-kit/fake-upstream.ts', 'never imports test support'],
    ['server/proxy/x.ts', '../../e2e/support/ports', 'never imports test support'],
  ])('%s may not import %s', async (file, specifier, reason) => {
    const errors = await errorsOf(file, uses(specifier))
    expect(errors.join('\n')).toContain(reason)
  })

  it('sees dynamic imports too', async () => {
    const code = `export const load = () => import('@/features/browse/api/pack-list-queries')\n`
    expect((await errorsOf('src/features/lookup/x.ts', code)).join('\n')).toContain(
      'another feature',
    )
  })

  it.each([
    ['src/features/lookup/x.ts', '@/lib/api-client'],
    ['src/features/lookup/x.ts', '@/features/lookup/lib/parse-pack-id'],
    ['src/features/lookup/x.ts', './y'],
    ['src/app/x.ts', '@/features/browse/components/browse-packs'],
    ['src/lib/x.ts', '@contract/partner-api/paths'],
    ['server/x.ts', '../contract/partner-api/paths.ts'],
    ['src/lib/x.test.ts', '@/testing/msw'],
    ['server/x.test.ts', './test-kit/fake-upstream.ts'],
    ['e2e/upstream/x.spec.ts', '../../server/test-kit/fake-upstream'],
  ])('%s may import %s', async (file, specifier) => {
    expect(await errorsOf(file, uses(specifier))).toEqual([])
  })
})

describe('no API that turns strings into markup', () => {
  it.each([
    ['src/lib/x.tsx', 'export const C = () => <div dangerouslySetInnerHTML={{ __html: "x" }} />'],
    ['src/lib/x.tsx', 'export const C = () => <iframe srcDoc="<b>x</b>" />'],
    ['src/lib/x.ts', 'export const f = (e: Element) => { e.innerHTML = "x" }'],
    ['src/lib/x.ts', 'export const f = (e: Element) => e.outerHTML'],
    ['src/lib/x.ts', 'export const f = (e: Element) => e.insertAdjacentHTML("afterend", "x")'],
    ['src/lib/x.ts', 'export const f = (r: Range) => r.createContextualFragment("x")'],
    ['src/lib/x.ts', 'export const f = () => document.write("x")'],
    ['public/x.js', 'document.body.innerHTML = "x"'],
  ])('%s: %s', async (file, code) => {
    expect(await errorsOf(file, `${code}\n`)).toContain(
      'Render API text as text: no API that turns strings into markup.',
    )
  })
})
