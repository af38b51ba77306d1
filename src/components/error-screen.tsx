import { useId, type ReactNode } from 'react'

export interface ErrorDetail {
  label: string
  value: ReactNode
}

/**
 * A failure, explained: what happened, what to do, the facts from the server, and a
 * way forward. `role="alert"` so assistive technology announces it when it replaces content.
 */
export function ErrorScreen({
  title,
  children,
  details = [],
  actions,
  icon,
  level = 1,
}: {
  title: string
  children: ReactNode
  details?: ErrorDetail[]
  actions: ReactNode
  icon?: ReactNode
  /** 2 when the screen is a section of a page rather than the page. */
  level?: 1 | 2
}) {
  const headingId = useId()
  const Heading = level === 1 ? 'h1' : 'h2'
  return (
    <section
      role="alert"
      aria-labelledby={headingId}
      className="mx-auto my-8 max-w-2xl rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8"
    >
      {icon && (
        <div
          aria-hidden="true"
          className="mb-4 flex size-11 items-center justify-center rounded-full bg-red-50 text-red-700 ring-1 ring-red-600/20"
        >
          {icon}
        </div>
      )}
      <Heading id={headingId} className="text-2xl font-semibold tracking-tight text-slate-900">
        {title}
      </Heading>
      <div className="mt-3 space-y-2 text-base leading-relaxed text-slate-700">{children}</div>
      {details.length > 0 && (
        <dl className="mt-5 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1.5 rounded-lg bg-slate-50 p-4 text-sm">
          {details.map((detail) => (
            <div key={detail.label} className="contents">
              <dt className="font-medium text-slate-600">{detail.label}</dt>
              <dd className="min-w-0 font-mono break-words text-slate-900">{detail.value}</dd>
            </div>
          ))}
        </dl>
      )}
      <div className="mt-6 flex flex-wrap gap-3">{actions}</div>
    </section>
  )
}
