import { z } from 'zod/mini'
import { apiSend } from '@/lib/api-client'
import { reviewSignOffPath } from '@contract/review-api/paths'
import { signOffSchema, type SignOff, type SignOffBody } from '@contract/review-api/sign-off'

const signedSchema = z.looseObject({ sign_off: signOffSchema })
const withdrawnSchema = z.looseObject({ sign_off: z.null() })

/**
 * Signs the pack off: the server checks that every image is Approved or Rejected (409
 * `not_fully_reviewed` otherwise) and records who, when and the counts. A PUT: sending it
 * again only replaces the sign-off.
 */
export async function signOffPack(packId: string, body: SignOffBody): Promise<SignOff> {
  return (await apiSend('PUT', reviewSignOffPath(packId), body, signedSchema)).sign_off
}

/**
 * Withdraws the pack's sign-off (harmless when there is none), recorded in the pack's history
 * under `body.reviewer` as for a sign-off (the server's own user when it has one).
 */
export async function withdrawSignOff(packId: string, body: SignOffBody): Promise<null> {
  return (await apiSend('DELETE', reviewSignOffPath(packId), body, withdrawnSchema)).sign_off
}
