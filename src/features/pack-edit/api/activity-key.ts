/**
 * The query key of a pack's activity log. Apart from the query itself so that code which
 * only invalidates it after a write (the pack page) does not load its schema.
 */
export const activityKey = (packId: string) => ['packs', 'activity', packId] as const
