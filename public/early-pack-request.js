// Opening a pack link: start the pack's request before the app's code has even downloaded.
// The app's API client (src/lib/api-client.ts, takeEarlyRequest) uses this request instead of
// sending its own. Kept tiny and dependency-free; it must build the same path as
// packApiPath() in src/features/packs/lib/parse-pack-id.ts.
;(function () {
  var match =
    /^\/packs\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/|$)/i.exec(
      window.location.pathname,
    )
  if (!match || typeof AbortSignal.timeout !== 'function') return
  var path = '/api/partner/v1/packs/' + match[1].toLowerCase()
  var timeout = AbortSignal.timeout(15000)
  var response = fetch(path, { signal: timeout, headers: { accept: 'application/json' } })
  // Handled when the app takes it; never taken (the app changed its mind) is fine too.
  response.catch(function () {})
  window.packExplorerEarlyRequest = {
    path: path,
    response: response,
    timeout: timeout,
    started: performance.now(),
  }
})()
