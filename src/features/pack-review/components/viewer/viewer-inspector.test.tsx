import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { packImageSchema } from '@contract/partner-api/pack'
import {
  createImage,
  createMetadata,
  failedMetadata,
  type WireImage,
} from '@contract/partner-api/wire'
import { flagsOf, reviewImage, type QaFlag } from '@/features/pack-review/lib/qa-flags'
import { ViewerInspector } from './viewer-inspector'

function renderInspector(wire: WireImage, brokenUrls: ReadonlySet<string> = new Set()) {
  const item = reviewImage(packImageSchema.parse(wire), 4, new Map())
  const flags: readonly QaFlag[] = flagsOf(item, brokenUrls)
  function Harness({ showRaw = false }: { showRaw?: boolean }) {
    return (
      <ViewerInspector
        item={item}
        flags={flags}
        showRaw={showRaw}
        onToggleRaw={() => {}}
        rawToggleRef={{ current: null }}
      />
    )
  }
  const result = render(<Harness />)
  const inspector = screen.getByRole('complementary', { name: 'Image details' })
  return { ...result, inspector, Harness }
}

const URL = 'https://cdn.example/5.jpg'

describe('ViewerInspector', () => {
  it('leads with the error message, before the badge and the description', () => {
    const { inspector } = renderInspector(
      createImage({ url: URL, metadata: failedMetadata('Model timed out') }),
    )
    expect(inspector.textContent).toMatch(/^Metadata generation failedModel timed outError/)
  })

  it('leads with "Image does not load" for a broken image, under a Completed badge', () => {
    const { inspector } = renderInspector(createImage({ url: URL }), new Set([URL]))
    expect(inspector.textContent).toMatch(/^Image does not loadThe browser could not load/)
    expect(within(inspector).getByText('Completed')).toBeVisible()
  })

  it('leads with "Image does not load" for a URL that is never used', () => {
    const { inspector } = renderInspector(createImage({ url: 'javascript:alert(1)' }))
    expect(inspector.textContent).toMatch(/^Image does not loadIts URL is not an http\(s\) address/)
    expect(within(inspector).queryByRole('link', { name: /Open original/ })).toBeNull()
  })

  it('says both when an image failed and does not load', () => {
    const { inspector } = renderInspector(
      createImage({ url: null, metadata: failedMetadata('Quota exceeded') }),
    )
    expect(inspector.textContent).toMatch(
      /^Metadata generation failedQuota exceededImage does not loadThe API sent no URL/,
    )
  })

  it('starts with the badge when nothing is wrong, then the whole description and every keyword', () => {
    const description = `${'A long description. '.repeat(30)}The end.`
    const keywords = Array.from({ length: 14 }, (_, index) => `keyword-${index + 1}`)
    const { inspector } = renderInspector(
      createImage({ url: URL, metadata: createMetadata({ description, keywords }) }),
    )
    expect(inspector.textContent).toMatch(/^CompletedDescription/)
    expect(within(inspector).getByText(description.trim())).toBeVisible()
    expect(
      within(within(inspector).getByRole('list', { name: 'Keywords' })).getAllByRole('listitem'),
    ).toHaveLength(14)
    expect(within(inspector).getByText('#5')).toBeVisible()
  })

  it('opens raw JSON in a drawer and keeps the covered content out of reach', () => {
    const { inspector, rerender, Harness } = renderInspector(createImage({ id: 'abc', url: URL }))
    expect(within(inspector).getByRole('button', { name: 'Show raw JSON' })).toHaveAttribute(
      'aria-expanded',
      'false',
    )
    rerender(<Harness showRaw />)
    const drawer = within(inspector).getByRole('region', { name: 'Raw JSON' })
    expect(drawer.querySelector('pre')?.textContent).toContain('"id": "abc"')
    expect(within(drawer).getByRole('button', { name: 'Close raw JSON' })).toHaveFocus()
    expect(within(inspector).getByText('Details').closest('[inert]')).not.toBeNull()
  })
})
