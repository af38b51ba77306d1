import { createBrowserRouter } from 'react-router'
import { RootLayout } from './root-layout'
import { RouteErrorBoundary } from './route-error-boundary'

export const router = createBrowserRouter([
  {
    path: '/',
    Component: RootLayout,
    ErrorBoundary: RouteErrorBoundary,
    HydrateFallback: () => null,
    children: [
      {
        // Keeps the header and demo banner on screen when a page crashes.
        ErrorBoundary: RouteErrorBoundary,
        children: [
          { index: true, lazy: () => import('./routes/lookup-route') },
          { path: 'packs/:packId', lazy: () => import('./routes/pack-route') },
          // The image detail view comes later; until then the link opens the pack.
          { path: 'packs/:packId/images/:imageId', lazy: () => import('./routes/pack-route') },
          { path: '*', lazy: () => import('./routes/not-found-route') },
        ],
      },
    ],
  },
])
