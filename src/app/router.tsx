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
          {
            path: 'packs/:packId',
            lazy: () => import('./routes/pack-route'),
            // The pack page stays mounted and shows the image in a dialog over the gallery.
            children: [{ path: 'images/:imageId' }],
          },
          { path: '*', lazy: () => import('./routes/not-found-route') },
        ],
      },
    ],
  },
])
