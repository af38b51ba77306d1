import { useEffect, useState } from 'react'

/**
 * A text field's own text, sent on as `onChange(text)` once typing pauses for `delayMs`, so
 * a word is one update (one history entry, one request), not one per keystroke. When
 * `value` changes by other means (Back, a reset), the field shows it.
 */
export function useDebouncedText(
  value: string,
  onChange: (value: string) => void,
  delayMs: number,
): [text: string, setText: (text: string) => void] {
  const [text, setText] = useState(value)
  const [sent, setSent] = useState(value)
  const [lastValue, setLastValue] = useState(value)
  if (value !== lastValue) {
    setLastValue(value)
    // Not what this field sent: another control set it (a reset, an error group, Back).
    // It replaces the text, and counts as sent, or a later reset would not reach the field.
    if (value !== sent) {
      setText(value)
      setSent(value)
    }
  }

  useEffect(() => {
    if (text === value) return
    const timer = window.setTimeout(() => {
      setSent(text)
      onChange(text)
    }, delayMs)
    return () => window.clearTimeout(timer)
  }, [text, value, onChange, delayMs])

  return [text, setText]
}
