import { ArrowRight } from 'lucide-react'
import { useId, useState, type FormEvent } from 'react'
import { useNavigate } from 'react-router'
import { buttonStyles } from '@/components/button-styles'
import { extractPackId } from '@/features/lookup/lib/parse-pack-id'

export function PackLookupForm() {
  const navigate = useNavigate()
  const [value, setValue] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const inputId = useId()
  const hintId = useId()
  const messageId = useId()

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (value.trim() === '') {
      setMessage('Enter a pack ID or paste a link to a pack.')
      return
    }
    const packId = extractPackId(value)
    if (!packId) {
      setMessage(
        'No pack ID found. A pack ID is a UUID like 11111111-1111-1111-1111-111111111111; paste the ID or any link that contains it.',
      )
      return
    }
    setMessage(null)
    void navigate(`/packs/${packId}`)
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-2">
      <label htmlFor={inputId} className="text-sm font-semibold text-slate-900">
        Pack ID
      </label>
      <p id={hintId} className="text-sm text-slate-600">
        Paste a pack ID, a Pack Explorer link or a Genviral URL that contains one.
      </p>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id={inputId}
          name="packId"
          value={value}
          onChange={(event) => {
            setValue(event.target.value)
            setMessage(null)
          }}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          placeholder="11111111-1111-1111-1111-111111111111"
          aria-invalid={message !== null}
          aria-describedby={message ? `${hintId} ${messageId}` : hintId}
          className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-sm text-slate-900 shadow-sm placeholder:text-slate-400 aria-invalid:border-red-600"
        />
        <button type="submit" className={buttonStyles.primary}>
          Open pack
          <ArrowRight aria-hidden="true" className="size-4" />
        </button>
      </div>
      {message && (
        <p id={messageId} role="alert" className="text-sm font-medium text-red-700">
          {message}
        </p>
      )}
    </form>
  )
}
