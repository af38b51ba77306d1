// Starts a pack link's request before the app loads; see takeEarlyRequest in
// src/features/pack-review/api/early-pack-request.ts (its test checks this script's path).
;(function () {
  var id = /^\/packs\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/|$)/i.exec(
    location.pathname,
  )
  if (!id || !AbortSignal.timeout) return
  var path = '/api/partner/v1/packs/' + id[1].toLowerCase()
  var timeout = AbortSignal.timeout(15000)
  // The body is read at once too: left unread, it waits in the browser's network pipe until
  // the app asks for it, and a 10,000-image pack then takes a few hundred ms more to arrive.
  var response = fetch(path, { signal: timeout, headers: { accept: 'application/json' } }).then(
    function (r) {
      return r.blob().then(function (body) {
        return new Response(body, {
          status: r.status,
          statusText: r.statusText,
          headers: r.headers,
        })
      })
    },
  )
  response.catch(function () {})
  window.packExplorerEarlyRequest = {
    path: path,
    response: response,
    timeout: timeout,
  }
})()
