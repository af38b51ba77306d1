import { z } from 'zod/mini'
import type { ScriptedResponse } from './fake-upstream.ts'

/**
 * A rule that makes the fake upstream answer `answer` instead of doing what it would do: for
 * requests with `method` whose path (with its query) contains `pathIncludes` and, when given,
 * whose raw body contains `bodyIncludes`, `times` times (1 unless told).
 */
export interface FaultRule {
  method: string
  pathIncludes: string
  bodyIncludes?: string
  times?: number
  answer: ScriptedResponse
}

const scriptedResponseSchema = z.object({
  status: z.int().check(z.gte(100), z.lte(599)),
  body: z.optional(z.unknown()),
  raw: z.optional(z.string()),
  headers: z.optional(z.record(z.string(), z.string())),
  delayMs: z.optional(z.number().check(z.gte(0))),
  reset: z.optional(z.boolean()),
})

/** What `PUT /__control/faults` takes: rules arrive as JSON from the tests' processes. */
export const faultRulesSchema = z.array(
  z.object({
    method: z.string(),
    pathIncludes: z.string(),
    bodyIncludes: z.optional(z.string()),
    times: z.optional(z.int().check(z.gte(1))),
    answer: scriptedResponseSchema,
  }),
)

export interface Faults {
  add: (rules: FaultRule[]) => void
  /** The answer of the first rule that matches, using up one of its times; else undefined. */
  take: (method: string, url: string, body: string) => ScriptedResponse | undefined
  clear: () => void
}

export function createFaults(): Faults {
  let rules: { rule: FaultRule; left: number }[] = []
  return {
    add: (next) => {
      for (const rule of next) rules.push({ rule, left: rule.times ?? 1 })
    },
    take: (method, url, body) => {
      const found = rules.find(
        ({ rule }) =>
          rule.method.toUpperCase() === method.toUpperCase() &&
          url.includes(rule.pathIncludes) &&
          (rule.bodyIncludes === undefined || body.includes(rule.bodyIncludes)),
      )
      if (!found) return undefined
      found.left -= 1
      if (found.left <= 0) rules = rules.filter((entry) => entry !== found)
      return found.rule.answer
    },
    clear: () => void (rules = []),
  }
}
