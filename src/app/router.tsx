import { lazy, type ComponentType } from 'react'
import { Route, Routes } from 'react-router'
import { RootLayout } from './root-layout'

// Declarative routes: the data router (createBrowserRouter) would add ~18 KB gzip of
// loaders and actions that this app does not use. Each page is its own chunk.
const page = (load: () => Promise<{ Component: ComponentType }>) =>
  lazy(() => load().then((module) => ({ default: module.Component })))

const LookupRoute = page(() => import('./routes/lookup-route'))
const PackRoute = page(() => import('./routes/pack-route'))
const NotFoundRoute = page(() => import('./routes/not-found-route'))

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<RootLayout />}>
        <Route index element={<LookupRoute />} />
        <Route path="packs/:packId" element={<PackRoute />}>
          {/* The pack page stays mounted and shows the image in a dialog over the gallery. */}
          <Route path="images/:imageId" element={null} />
        </Route>
        <Route path="*" element={<NotFoundRoute />} />
      </Route>
    </Routes>
  )
}
