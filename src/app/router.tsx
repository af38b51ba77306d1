import { Route, Routes } from 'react-router'
import { lazyNamed } from '@/lib/lazy-named'
import { RootLayout } from './root-layout'

// Declarative routes: the data router (createBrowserRouter) would add ~18 KB gzip of
// loaders and actions that this app does not use. Each page is its own chunk.
const LookupPage = lazyNamed(() => import('./routes/lookup-route'), 'LookupPage')
const PackPage = lazyNamed(() => import('./routes/pack-route'), 'PackPage')
// The report's charts are its own: the pack page never loads them.
const ReportPage = lazyNamed(() => import('./routes/report-route'), 'ReportPage')
const NotFoundPage = lazyNamed(() => import('./routes/not-found-route'), 'NotFoundPage')

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<RootLayout />}>
        <Route index element={<LookupPage />} />
        <Route path="packs/:packId" element={<PackPage />}>
          {/* The pack page stays mounted and shows the image in a dialog over the gallery. */}
          <Route path="images/:imageId" element={null} />
        </Route>
        <Route path="packs/:packId/report" element={<ReportPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  )
}
