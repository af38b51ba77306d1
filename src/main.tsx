import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import { packApiPath, isPackId } from './features/packs/lib/parse-pack-id'
import { startEarly } from './lib/api-client'
import './index.css'

// Opening a pack link: its request starts now, while the pack page's code downloads.
const linkedPack = /^\/packs\/([^/]+)/.exec(window.location.pathname)?.[1]
if (linkedPack && isPackId(linkedPack)) startEarly(packApiPath(linkedPack.toLowerCase()))

// No <StrictMode>: its simulated unmount cancels every in-flight query that honours its
// AbortSignal and fetches it again, so in development each pack would cost two calls
// against the key's rate limit, and the tests could not count requests.
createRoot(document.getElementById('root')!).render(<App />)
