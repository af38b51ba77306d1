import { z } from 'zod/mini'
import { PACKS_PATH, packPath } from '@contract/partner-api/paths'
import type { AddImageBody, CreatePackBody, UpdatePackBody } from '@contract/partner-api/writes'
import { INTENT_HEADER, REVIEWER_HEADER, type WriteIntent } from '@contract/review-api/reviewer'
import { apiSend } from '@/lib/api-client'

/**
 * The Partner API's writes, through the proxy. Each says who makes it (the signed-in user
 * wins at the server; else the name given in this browser) and what the person meant, for
 * the activity log. None is retried: the API has no idempotency, so a retried add could add
 * twice.
 */
export interface WriteBy {
  /** The name given in this browser; null with a signed-in user (the server knows). */
  reviewer: string | null
  intent: WriteIntent
}

/** The headers that say who makes a write and why (the upload sends them too). */
export const headersOf = ({ reviewer, intent }: WriteBy): Record<string, string> => ({
  [INTENT_HEADER]: intent,
  ...(reviewer === null ? {} : { [REVIEWER_HEADER]: encodeURIComponent(reviewer) }),
})

const packSchema = z.object({ id: z.string(), name: z.nullish(z.string()) })
const addedImageSchema = z.object({ id: z.string(), url: z.nullish(z.string()) })
const deletedSchema = z.unknown()

export type CreatedPack = z.infer<typeof packSchema>
export type AddedImage = z.infer<typeof addedImageSchema>

export function createPack(body: CreatePackBody, by: WriteBy): Promise<CreatedPack> {
  return apiSend('POST', PACKS_PATH, body, packSchema, { headers: headersOf(by) })
}

export async function updatePack(packId: string, body: UpdatePackBody, by: WriteBy): Promise<void> {
  await apiSend('PATCH', packPath(packId), body, deletedSchema, { headers: headersOf(by) })
}

export async function deletePack(packId: string, by: WriteBy): Promise<void> {
  await apiSend('DELETE', packPath(packId), undefined, deletedSchema, { headers: headersOf(by) })
}

export function addImage(packId: string, body: AddImageBody, by: WriteBy): Promise<AddedImage> {
  return apiSend('POST', `${packPath(packId)}/images`, body, addedImageSchema, {
    headers: headersOf(by),
  })
}

export async function deleteImage(packId: string, imageId: string, by: WriteBy): Promise<void> {
  await apiSend('DELETE', `${packPath(packId)}/images/${imageId}`, undefined, deletedSchema, {
    headers: headersOf(by),
  })
}

/** Where a file goes to be uploaded to a pack (our server relays it to the API). */
export const uploadPath = (packId: string) => `/api/uploads/${encodeURIComponent(packId)}`
