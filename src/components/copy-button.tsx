import { Check, Copy } from 'lucide-react'
import { useEffect, useState, type ReactNode } from 'react'
import { buttonStyles } from './button-styles'

/** Copies `text()` to the clipboard and says so in words, announced politely. */
export function CopyButton({
  text,
  label,
  icon,
  variant = 'secondary',
}: {
  text: () => string
  label: string
  icon?: ReactNode
  /** `primary` when copying is the screen's main way forward. */
  variant?: 'primary' | 'secondary'
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  useEffect(() => {
    if (state === 'idle') return
    const timer = window.setTimeout(() => setState('idle'), 2000)
    return () => window.clearTimeout(timer)
  }, [state])

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text())
      setState('copied')
    } catch {
      setState('failed')
    }
  }
  return (
    <button type="button" className={buttonStyles[variant]} onClick={() => void copy()}>
      {state === 'copied' ? (
        <Check
          aria-hidden="true"
          className={`size-4 ${variant === 'secondary' ? 'text-emerald-700' : ''}`}
        />
      ) : (
        (icon ?? <Copy aria-hidden="true" className="size-4" />)
      )}
      <span aria-live="polite">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label}
      </span>
    </button>
  )
}
