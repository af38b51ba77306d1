import { Link } from 'react-router'
import { buttonStyles } from '@/components/button-styles'
import { useDocumentTitle } from '@/lib/use-document-title'

export function NotFoundPage() {
  useDocumentTitle('Page not found')
  return (
    <section className="mx-auto my-8 max-w-2xl rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <p className="font-mono text-sm font-semibold text-indigo-700">404</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">Page not found</h1>
      <p className="mt-3 text-slate-700">
        There is nothing at this address. Pack links look like{' '}
        <span className="font-mono break-all">/packs/11111111-1111-1111-1111-111111111111</span>.
      </p>
      <Link to="/" className={`${buttonStyles.primary} mt-6`}>
        Go to pack lookup
      </Link>
    </section>
  )
}
