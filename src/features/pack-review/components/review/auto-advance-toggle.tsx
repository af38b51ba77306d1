/** The `Auto-advance` switch: after a decision, go on to the next image that needs review. */
export function AutoAdvanceToggle({
  on,
  onChange,
}: {
  on: boolean
  onChange: (on: boolean) => void
}) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      onClick={() => onChange(!on)}
      title="After a decision, go to the next image that needs review"
      className="group inline-flex shrink-0 items-center gap-2 rounded-md px-1 py-0.5 text-sm font-medium text-slate-800 hover:bg-slate-100"
    >
      <span
        aria-hidden="true"
        className="relative h-5 w-9 rounded-full bg-slate-500 transition-colors group-aria-checked:bg-indigo-700 motion-reduce:transition-none"
      >
        <span className="absolute top-0.5 left-0.5 size-4 rounded-full bg-white shadow transition-transform group-aria-checked:translate-x-4 motion-reduce:transition-none" />
      </span>
      Auto-advance
    </button>
  )
}
