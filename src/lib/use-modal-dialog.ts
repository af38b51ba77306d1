import { useEffect, useRef, type RefObject } from 'react'

/**
 * Opens a `<dialog>` as a modal once it is in the document: the page behind goes inert,
 * focus stays inside and Esc fires its `cancel` event. The component that renders the
 * dialog owns it: it mounts it to open it and unmounts it to close it.
 */
export function useModalDialog(): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])
  return ref
}
