import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import './index.css'

// No <StrictMode>: its simulated unmount cancels every in-flight query that honours its
// AbortSignal and fetches it again, so in development each pack would cost two calls
// against the key's rate limit, and the tests could not count requests.
createRoot(document.getElementById('root')!).render(<App />)
