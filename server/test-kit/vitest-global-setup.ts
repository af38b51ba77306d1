import { ensurePgliteTemplate } from './review-data.ts'

/** Once per `vitest run`, before the server tests: the PGlite database they copy. */
export default async function setup(): Promise<void> {
  await ensurePgliteTemplate()
}
