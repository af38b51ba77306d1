import { useId } from 'react'
import { buttonStyles } from '@/components/button-styles'
import { useModalDialog } from '@/lib/use-modal-dialog'
import { SHORTCUTS } from '@/features/pack-review/lib/shortcuts'

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const dialogRef = useModalDialog()
  const titleId = useId()

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-[min(32rem,92vw)] rounded-2xl bg-white p-0 shadow-2xl backdrop:bg-slate-950/60"
    >
      <div className="p-5">
        <h2 id={titleId} className="text-lg font-semibold text-slate-900">
          Keyboard shortcuts
        </h2>
        <table className="mt-3 w-full text-sm">
          <thead className="sr-only">
            <tr>
              <th scope="col">Keys</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map(([keys, action]) => (
              <tr key={action} className="border-t border-slate-100">
                <td className="py-2 pr-4 whitespace-nowrap">
                  {keys.map((key) => (
                    <kbd
                      key={key}
                      className="mr-1 inline-block min-w-6 rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 text-center font-mono text-xs text-slate-800"
                    >
                      {key}
                    </kbd>
                  ))}
                </td>
                <td className="py-2 text-slate-700">{action}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <form method="dialog" className="mt-4 flex justify-end">
          <button type="submit" className={buttonStyles.primary}>
            Close
          </button>
        </form>
      </div>
    </dialog>
  )
}
