/** Wide: one column per field. Compact (phones, narrow panes): the text stacked beside the image. */
export type ListLayout = 'wide' | 'compact'

/** Fixed, so the virtualized list knows every row's place before it renders. */
export const ROW_HEIGHT: Record<ListLayout, number> = { wide: 138, compact: 206 }

/** Header and rows share the columns, so each cell sits under its header. */
export const LIST_GRID: Record<ListLayout, string> = {
  wide: 'grid grid-cols-[7rem_3rem_8rem_minmax(0,1fr)_minmax(9rem,15rem)_9rem] gap-x-4 px-3',
  compact: 'grid grid-cols-[6rem_auto_minmax(0,1fr)] grid-rows-[auto_auto_auto_1fr] gap-x-3 px-3',
}
