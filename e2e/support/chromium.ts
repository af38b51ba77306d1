// One choice of browser for the e2e suite and `npm run bench`: it lives in bench/chromium.mjs
// (plain JavaScript, which the bench can import on Node 20).
export { chromiumLaunchOptions } from '../../bench/chromium.mjs'
