/**
 * The checkbox that puts one image in the selection: on hover or focus of its tile or row,
 * always while anything is selected (the gallery's `data-selecting`) and on touch screens,
 * which have no hover. A click toggles it; Shift+click selects the range from the last one.
 */
export function SelectCheckbox({
  imageId,
  position,
  selected,
  tabbable,
  onSelect,
  className = '',
}: {
  imageId: string
  position: number
  selected: boolean
  tabbable: boolean
  onSelect: (imageId: string, extend: boolean) => void
  className?: string
}) {
  return (
    <div
      className={`flex rounded-md bg-white/95 p-1.5 shadow-md ring-1 ring-slate-900/10 ${
        selected
          ? 'pointer-events-auto'
          : 'pointer-events-none opacity-0 group-focus-within:pointer-events-auto group-focus-within:opacity-100 group-hover:pointer-events-auto group-hover:opacity-100 group-data-selecting/gallery:pointer-events-auto group-data-selecting/gallery:opacity-100 pointer-coarse:pointer-events-auto pointer-coarse:opacity-100'
      } ${className}`}
    >
      <input
        type="checkbox"
        aria-label={`Select image #${position}`}
        checked={selected}
        tabIndex={tabbable ? 0 : -1}
        // React reports a checkbox's change on its click, which says whether Shift was held.
        onChange={(event) => onSelect(imageId, (event.nativeEvent as MouseEvent).shiftKey)}
        className="size-5 cursor-pointer accent-indigo-700"
      />
    </div>
  )
}
