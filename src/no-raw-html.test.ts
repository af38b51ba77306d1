// @vitest-environment node
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, it } from 'vitest'

/**
 * APIs that turn a string into markup: API text must only ever be rendered by React as
 * text. The first name is split, so that a search of src/ for it finds only real uses.
 */
const RAW_HTML = new RegExp(
  'dangerously' +
    String.raw`SetInnerHTML|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|createContextualFragment|srcdoc`,
)

it('no source file turns strings into markup', async () => {
  const files = (await readdir('src', { recursive: true }))
    .filter((file) => /\.(ts|tsx|js)$/.test(file) && !/\.test\.tsx?$/.test(file))
    .concat(
      (await readdir('public'))
        .filter((file) => file.endsWith('.js'))
        .map((file) => join('..', 'public', file)),
    )
  expect(files.length).toBeGreaterThan(30)
  const offenders: string[] = []
  for (const file of files) {
    if (RAW_HTML.test(await readFile(join('src', file), 'utf8'))) offenders.push(file)
  }
  expect(offenders).toEqual([])
})
