// Code that runs inside the benchmarked page (Playwright serializes these functions, so each
// one is self-contained). Times are performance.now(): milliseconds since navigation start.

/**
 * Installed with page.addInitScript before any page script: buffered observers for long
 * tasks, long animation frames, layout shifts, Event Timing and the requests for the pack
 * (Resource Timing), input timestamps, and the times the first image card and the header
 * counts are in the document and then painted. The page's own code is not instrumented.
 * @param {{ total: number, packPath: string }} options total: images in the pack, to recognise
 *   the finished header counts; packPath: the path the pack is requested at
 */
export function installProbes({ total, packPath }) {
  /** @type {any} */
  const b = {
    packRequests: [],
    longtasks: [],
    frames: [],
    shifts: [],
    events: [],
    inputs: [],
    firstCardDom: null,
    firstCardMark: null,
    countsDom: null,
    countsMark: null,
    watch: null,
  }
  Object.assign(window, { __bench: b })

  /** @param {string} type @param {(entry: any) => void} onEntry @param {object} [options] */
  const observe = (type, onEntry, options = {}) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({
        type,
        buffered: true,
        ...options,
      })
    } catch {
      // Entry type not supported by this browser.
    }
  }
  // An observer rather than performance.getEntriesByType: the resource buffer holds only 250
  // entries, and scrolling a large pack fetches more thumbnails than that.
  observe('resource', (e) => {
    if (new URL(e.name).pathname === packPath)
      b.packRequests.push({ start: e.startTime, responseEnd: e.responseEnd })
  })
  observe('longtask', (e) => b.longtasks.push({ start: e.startTime, duration: e.duration }))
  observe('long-animation-frame', (e) =>
    b.frames.push({
      start: e.startTime,
      duration: e.duration,
      blocking: e.blockingDuration,
      renderStart: e.renderStart,
      styleAndLayoutStart: e.styleAndLayoutStart,
      scripts: e.scripts.map((/** @type {any} */ s) => ({
        invoker: s.invoker,
        fn: s.sourceFunctionName,
        url: s.sourceURL,
        start: s.startTime,
        duration: s.duration,
        forcedLayout: s.forcedStyleAndLayoutDuration,
      })),
    }),
  )
  const describe = (/** @type {Node | null} */ node) => {
    if (!(node instanceof Element)) return node ? node.nodeName : null
    const label = node.getAttribute('aria-label') ?? node.getAttribute('role') ?? node.id
    return `${node.tagName.toLowerCase()}${label ? `[${label}]` : ''}.${[...node.classList].slice(0, 3).join('.')}`
  }
  const rect = (/** @type {DOMRectReadOnly} */ r) => [r.x, r.y, r.width, r.height].map(Math.round)
  observe('layout-shift', (e) =>
    b.shifts.push({
      start: e.startTime,
      value: e.value,
      hadRecentInput: e.hadRecentInput,
      sources: e.sources.map((/** @type {any} */ s) => ({
        node: describe(s.node),
        from: rect(s.previousRect),
        to: rect(s.currentRect),
      })),
    }),
  )
  observe(
    'event',
    (e) => {
      if (e.interactionId > 0)
        b.events.push({
          name: e.name,
          id: e.interactionId,
          start: e.startTime,
          duration: e.duration,
          processingStart: e.processingStart,
          processingEnd: e.processingEnd,
        })
    },
    { durationThreshold: 16 },
  )
  for (const type of ['pointerdown', 'keydown']) {
    addEventListener(type, (event) => b.inputs.push({ type, t: event.timeStamp }), true)
  }

  // When a change is painted: the end of the rendering of the frame that shows it. Its rAF
  // callback runs as that rendering starts; the frame's long-animation-frame entry (if it
  // took 50 ms or more) tells when it ended, else the first task after it does, at most
  // 50 ms after the rAF (that task may wait behind other work, such as thumbnails being
  // parsed). Entries arrive a little after the frame, so `paintedAt` is read later.
  /** @param {(mark: { raf: number, task: number }) => void} done */
  b.markNextPaint = (done) =>
    requestAnimationFrame(() => {
      const raf = performance.now()
      setTimeout(() => done({ raf, task: performance.now() }), 0)
    })
  /** @param {{ raf: number, task: number } | null} mark */
  b.paintedAt = (mark) => {
    if (!mark) return null
    const frame = b.frames.find(
      (/** @type {any} */ f) => f.renderStart <= mark.raf && mark.raf <= f.start + f.duration,
    )
    return frame ? frame.start + frame.duration : Math.min(mark.task, mark.raf + 50)
  }

  const n = total.toLocaleString('en-US')
  const countsShown = () =>
    [...document.querySelectorAll('[role="status"]')].some((el) =>
      el.textContent?.includes(`of ${n} images have metadata`),
    ) &&
    [...document.querySelectorAll('p[aria-live="polite"]')].some((el) =>
      el.textContent?.includes(`Showing ${n} of ${n} images`),
    )
  // The observer only queries the DOM (no layout); the card's box is checked in the rAF
  // callback, where the layout it forces is the one the frame needs anyway.
  let cardPending = false
  const observer = new MutationObserver(() => {
    const now = performance.now()
    if (b.firstCardDom === null && !cardPending && document.querySelector('[data-image-id]')) {
      cardPending = true
      b.markNextPaint((/** @type {any} */ mark) => {
        cardPending = false
        const card = document.querySelector('[data-image-id]')
        const box = card?.getBoundingClientRect()
        if (!card || !box?.width || !box.height || getComputedStyle(card).visibility === 'hidden')
          return
        b.firstCardDom = now
        b.firstCardMark = mark
      })
    }
    if (b.countsDom === null && countsShown()) {
      b.countsDom = now
      b.markNextPaint((/** @type {any} */ mark) => (b.countsMark = mark))
    }
  })
  observer.observe(document, { childList: true, subtree: true, characterData: true })
}

/**
 * Starts watching the "Showing X of Y images" line; `__bench.watch` gets the time it changed
 * from `before` and the paint mark of that change (see `paintedAt`).
 * @param {string} before
 */
export function watchShowing(before) {
  const b = /** @type {any} */ (window).__bench
  /** @type {{ dom: number | null, mark: { raf: number, task: number } | null, text: string | null }} */
  const watch = (b.watch = { dom: null, mark: null, text: null })
  const check = () => {
    const line = [...document.querySelectorAll('p[aria-live="polite"]')].find((el) =>
      el.textContent?.startsWith('Showing'),
    )
    if (!line || line.textContent === before || watch.dom !== null) return
    observer.disconnect()
    watch.dom = performance.now()
    watch.text = line.textContent
    b.markNextPaint((/** @type {any} */ mark) => (watch.mark = mark))
  }
  const observer = new MutationObserver(check)
  observer.observe(document, { childList: true, subtree: true, characterData: true })
  check()
}

/**
 * Starts watching for a decision: `__bench.decision.mark` is the paint mark of the first frame
 * in which the tile of `imageId` shows the badge `label` and the focus is on the tile of
 * `nextImageId` (Auto-advance). Checked in each animation frame's callback, as the frame starts.
 * @param {{ imageId: string, nextImageId: string, label: string }} options
 */
export function watchDecision({ imageId, nextImageId, label }) {
  const b = /** @type {any} */ (window).__bench
  /** @type {{ mark: { raf: number, task: number } | null }} */
  const watch = (b.decision = { mark: null })
  const shown = () => {
    const tile = document.querySelector(`[data-image-id="${imageId}"]`)
    const badge = [...(tile?.querySelectorAll('span') ?? [])].some((s) => s.textContent === label)
    const focused = document.activeElement?.closest('[data-image-id]')
    return badge && focused?.getAttribute('data-image-id') === nextImageId
  }
  const check = () =>
    requestAnimationFrame(() => {
      if (!shown()) return check()
      const raf = performance.now()
      setTimeout(() => (watch.mark = { raf, task: performance.now() }), 0)
    })
  check()
}

/** From the last keydown to the frame that showed the watched decision (see watchDecision). */
export function paintedDecision() {
  const b = /** @type {any} */ (window).__bench
  const keydown = b.inputs.filter((/** @type {any} */ i) => i.type === 'keydown').at(-1)
  return b.paintedAt(b.decision.mark) - keydown.t
}

/**
 * Starts watching the progress bar `Images reviewed`: `__bench.reviewed.mark` is the paint
 * mark of the change that shows `reviewed` decisions.
 * @param {number} reviewed
 */
export function watchReviewed(reviewed) {
  const b = /** @type {any} */ (window).__bench
  /** @type {{ mark: { raf: number, task: number } | null }} */
  const watch = (b.reviewed = { mark: null })
  const check = () => {
    const bar = document.querySelector('[role="progressbar"][aria-label="Images reviewed"]')
    if (bar?.getAttribute('aria-valuenow') !== String(reviewed) || observer === null) return
    observer.disconnect()
    observer = null
    b.markNextPaint((/** @type {any} */ mark) => (watch.mark = mark))
  }
  /** @type {MutationObserver | null} */
  let observer = new MutationObserver(check)
  observer.observe(document, { childList: true, subtree: true, attributes: true })
  check()
}

/**
 * Starts watching a bulk decision of a whole pack: `__bench.bulk.paintedMark` is the paint
 * mark of the first frame whose progress bar says `total` reviewed and whose every mounted tile
 * shows the badge `label`; `savedMark` that of the first one after it with no `Saving…` left.
 * Checked in each animation frame's callback, as the frame starts.
 * @param {{ total: number, label: string }} options
 */
export function watchBulk({ total, label }) {
  const b = /** @type {any} */ (window).__bench
  /** @type {{ paintedMark: { raf: number, task: number } | null, savedMark: { raf: number, task: number } | null }} */
  const watch = (b.bulk = { paintedMark: null, savedMark: null })
  const painted = () => {
    const bar = document.querySelector('[role="progressbar"][aria-label="Images reviewed"]')
    if (bar?.getAttribute('aria-valuenow') !== String(total)) return false
    const tiles = [...document.querySelectorAll('[data-image-id]')]
    return (
      tiles.length > 0 &&
      tiles.every((tile) => [...tile.querySelectorAll('span')].some((s) => s.textContent === label))
    )
  }
  const saved = () =>
    ![...document.querySelectorAll('[data-image-id] span')].some((s) => s.textContent === 'Saving…')
  const mark = () => {
    const raf = performance.now()
    return new Promise((resolve) => setTimeout(() => resolve({ raf, task: performance.now() }), 0))
  }
  let seenPainted = false
  const check = () =>
    requestAnimationFrame(() => {
      if (!seenPainted) {
        if (!painted()) return check()
        seenPainted = true
        void mark().then((m) => (watch.paintedMark = /** @type {any} */ (m)))
      }
      if (!saved()) return check()
      void mark().then((m) => (watch.savedMark = /** @type {any} */ (m)))
    })
  check()
}

/** The "Showing X of Y images" line. */
export function showingText() {
  const line = [...document.querySelectorAll('p[aria-live="polite"]')].find((el) =>
    el.textContent?.startsWith('Showing'),
  )
  return line?.textContent ?? ''
}

/**
 * Scrolls the window to 0, half the scroll height or the bottom, waits two frames and a
 * settle, then counts elements and images in the document.
 * @param {{ where: string, settleMs: number }} options where: 'top', 'middle' or 'bottom'
 */
export async function domCountsAt({ where, settleMs }) {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve))
  const height = document.documentElement.scrollHeight
  window.scrollTo(0, where === 'top' ? 0 : where === 'middle' ? height / 2 : height)
  await frame()
  await frame()
  await new Promise((resolve) => setTimeout(resolve, settleMs))
  return {
    scrollY: Math.round(window.scrollY),
    scrollHeight: document.documentElement.scrollHeight,
    elements: document.getElementsByTagName('*').length,
    images: document.getElementsByTagName('img').length,
  }
}

/**
 * Scrolls from the top to the end, one step every animation frame: `stepFraction` of the
 * viewport, or longer steps when that would take more than `maxFrames` frames. Returns the
 * long tasks (and long animation frames) that started meanwhile.
 * @param {{ stepFraction: number, maxFrames: number, maxMs: number }} options
 */
export async function scrollToEnd({ stepFraction, maxFrames, maxMs }) {
  const b = /** @type {any} */ (window).__bench
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve))
  const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms))
  const root = document.documentElement
  window.scrollTo(0, 0)
  await frame()
  await frame()
  await sleep(300)
  const step = Math.ceil(
    Math.max(
      window.innerHeight * stepFraction,
      (root.scrollHeight - window.innerHeight) / maxFrames,
    ),
  )
  const start = performance.now()
  let steps = 0
  while (
    window.scrollY + window.innerHeight < root.scrollHeight - 1 &&
    steps < maxFrames + 10 &&
    performance.now() - start < maxMs
  ) {
    window.scrollBy(0, step)
    steps++
    await frame()
  }
  const end = performance.now()
  const reachedEnd = window.scrollY + window.innerHeight >= root.scrollHeight - 1
  await frame()
  await sleep(300) // observers deliver entries after the task
  /** @param {{ start: number }} entry */
  const during = (entry) => entry.start >= start && entry.start < end
  return {
    start,
    end,
    steps,
    step,
    reachedEnd,
    scrollHeight: root.scrollHeight,
    longtasks: b.longtasks.filter(during),
    frames: b.frames.filter(during).filter((/** @type {any} */ f) => f.blocking > 0),
  }
}
