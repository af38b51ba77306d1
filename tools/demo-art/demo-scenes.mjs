// Generates the hand-crafted SVG illustrations used as demo "photos" by the built-in demo API.
// Usage: node tools/demo-art/demo-scenes.mjs  (writes into public/demo-images/). The captions
// and keywords of each scene are kept by hand in server/demo/scenes.ts.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public', 'demo-images')

// ---------- tiny SVG helpers ----------
const r = (v) => Math.round(v * 10) / 10
const pt = (p) => `${r(p[0])},${r(p[1])}`
const kebab = (k) => k.replace(/[A-Z]/g, (m) => '-' + m.toLowerCase())
const attrs = (o) =>
  Object.entries(o)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${kebab(k)}="${typeof v === 'number' ? r(v) : v}"`)
    .join(' ')
const el = (tag, o) => `<${tag} ${attrs(o)}/>`
const g = (o, ...kids) => `<g ${attrs(o)}>${kids.join('')}</g>`
const rect = (x, y, width, height, fill, o = {}) => el('rect', { x, y, width, height, fill, ...o })
const circ = (cx, cy, rr, fill, o = {}) => el('circle', { cx, cy, r: rr, fill, ...o })
const ell = (cx, cy, rx, ry, fill, o = {}) => el('ellipse', { cx, cy, rx, ry, fill, ...o })
const path = (d, fill, o = {}) => el('path', { d, fill, ...o })
const poly = (pts, fill, o = {}) => el('polygon', { points: pts.map(pt).join(' '), fill, ...o })
const line = (pts, stroke, w, o = {}) =>
  el('polyline', {
    points: pts.map(pt).join(' '),
    fill: 'none',
    stroke,
    strokeWidth: w,
    strokeLinecap: 'round',
    strokeLinejoin: 'round',
    ...o,
  })
const stroke = (d, color, w, o = {}) =>
  path(d, 'none', { stroke: color, strokeWidth: w, strokeLinecap: 'round', ...o })
const stops = (arr) =>
  arr
    .map(
      ([o, c, a]) =>
        `<stop offset="${o}" stop-color="${c}"${a === undefined ? '' : ` stop-opacity="${a}"`}/>`,
    )
    .join('')
const lin = (id, arr, x1 = 0, y1 = 0, x2 = 0, y2 = 1) =>
  `<linearGradient id="${id}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}">${stops(arr)}</linearGradient>`
const rad = (id, arr, cx = 0.5, cy = 0.5, rr = 0.5, fx, fy) =>
  `<radialGradient id="${id}" ${attrs({ cx, cy, r: rr, fx, fy })}>${stops(arr)}</radialGradient>`
const blur = (id, sd) =>
  `<filter id="${id}" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="${sd}"/></filter>`
const glow = (id, color, a = 0.8) =>
  rad(id, [
    [0, color, a],
    [0.35, color, a * 0.45],
    [1, color, 0],
  ])

// Every scene is drawn on an 800x600 canvas; `frame` is the window of it that the file shows
// (see FRAMES below), so one drawing can be a 9:16 story, a 4:5 post or a 16:9 banner.
const svg =
  (defs, body, vignette = 0.32) =>
  (frame) => {
    const { x, y, w, h, width, height } = frame
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${r(x)} ${r(y)} ${r(w)} ${r(h)}">` +
      `<defs>${defs}${
        vignette
          ? rad(
              'vig',
              [
                [0.6, '#000', 0],
                [1, '#000', vignette],
              ],
              0.5,
              0.5,
              0.78,
            )
          : ''
      }</defs>` +
      body +
      // The vignette darkens the edges of the window shown, not of the whole canvas.
      (vignette ? rect(x, y, w, h, 'url(#vig)') : '') +
      '</svg>'
    )
  }

// deterministic PRNG so output is stable between runs
const rng = (seed) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const range = (n, f) => Array.from({ length: n }, (_, i) => f(i))

// smooth curve through points (Catmull-Rom -> cubic Bezier)
const smooth = (pts) => {
  let d = `M${pt(pts[0])}`
  for (let i = 0; i < pts.length - 1; i++) {
    const p0 = pts[i - 1] || pts[i]
    const p1 = pts[i]
    const p2 = pts[i + 1]
    const p3 = pts[i + 2] || p2
    const c1 = [p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6]
    const c2 = [p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6]
    d += `C${pt(c1)} ${pt(c2)} ${pt(p2)}`
  }
  return d
}
const land = (pts, b = 600) => `${smooth(pts)}L${pts.at(-1)[0]},${b}L${pts[0][0]},${b}Z`
const jag = (pts, b = 600) => `M${pts.map(pt).join('L')}L${pts.at(-1)[0]},${b}L${pts[0][0]},${b}Z`

// quadratic bezier sampling + tapered stroke shapes (trunks, leaves, bananas...)
const qpt = (a, c, b, t) => [
  (1 - t) ** 2 * a[0] + 2 * (1 - t) * t * c[0] + t * t * b[0],
  (1 - t) ** 2 * a[1] + 2 * (1 - t) * t * c[1] + t * t * b[1],
]
const qnorm = (a, c, b, t) => {
  const dx = 2 * (1 - t) * (c[0] - a[0]) + 2 * t * (b[0] - c[0])
  const dy = 2 * (1 - t) * (c[1] - a[1]) + 2 * t * (b[1] - c[1])
  const l = Math.hypot(dx, dy) || 1
  return [-dy / l, dx / l, dx / l, dy / l]
}
const taper = (a, c, b, w0, w1, n = 14, bulge = 0) => {
  const L = []
  const R = []
  for (let i = 0; i <= n; i++) {
    const t = i / n
    const p = qpt(a, c, b, t)
    const [nx, ny] = qnorm(a, c, b, t)
    const w = (w0 + (w1 - w0) * t + bulge * Math.sin(Math.PI * t)) / 2
    L.push([p[0] + nx * w, p[1] + ny * w])
    R.push([p[0] - nx * w, p[1] - ny * w])
  }
  return `M${[...L, ...R.reverse()].map(pt).join('L')}Z`
}

// ---------- reusable motifs ----------
const pine = (x, y, h, w = h * 0.42) => {
  const P = [
    [0, -1],
    [0.36, -0.66],
    [0.2, -0.66],
    [0.44, -0.34],
    [0.28, -0.34],
    [0.5, -0.04],
    [0.06, -0.04],
    [0.06, 0],
    [-0.06, 0],
    [-0.06, -0.04],
    [-0.5, -0.04],
    [-0.28, -0.34],
    [-0.44, -0.34],
    [-0.2, -0.66],
    [-0.36, -0.66],
  ]
  return `M${P.map(([u, v]) => pt([x + u * w, y + v * h])).join('L')}Z`
}
const cloud = (x, y, s, fill = '#fff', o = {}) =>
  g(
    { fill, ...o },
    ell(x, y, 60 * s, 22 * s, undefined),
    circ(x - 28 * s, y - 12 * s, 26 * s, undefined),
    circ(x + 8 * s, y - 24 * s, 34 * s, undefined),
    circ(x + 38 * s, y - 8 * s, 24 * s, undefined),
  )
const stars = (seed, n, h, w = 800, maxR = 1.6, y0 = 0, spread = 1.4) => {
  const rand = rng(seed)
  const tiers = ['', '', '']
  for (let i = 0; i < n; i++)
    tiers[Math.floor(rand() ** 1.6 * 3)] += `M${r(rand() * w)} ${r(y0 + rand() ** spread * h)}h0`
  return tiers
    .map((d, i) => stroke(d, '#fff', maxR * [1, 1.6, 2.4][i], { opacity: [0.55, 0.8, 1][i] }))
    .join('')
}
const heart = (cx, cy, s) =>
  `M${pt([cx, cy + s * 0.9])}C${pt([cx - s * 1.5, cy])} ${pt([cx - s * 0.8, cy - s * 1.05])} ${pt([cx, cy - s * 0.38])}C${pt([cx + s * 0.8, cy - s * 1.05])} ${pt([cx + s * 1.5, cy])} ${pt([cx, cy + s * 0.9])}Z`
// flower made of petals around a centre, as one path
const petals = (cx, cy, n, len, wid, rot = 0) => {
  let d = ''
  for (let i = 0; i < n; i++) {
    const a = rot + (i / n) * Math.PI * 2
    const ux = Math.cos(a)
    const uy = Math.sin(a)
    const tip = [cx + ux * len, cy + uy * len]
    const m = [cx + ux * len * 0.5, cy + uy * len * 0.5]
    d += `M${pt([cx, cy])}Q${pt([m[0] - uy * wid, m[1] + ux * wid])} ${pt(tip)}Q${pt([m[0] + uy * wid, m[1] - ux * wid])} ${pt([cx, cy])}Z`
  }
  return d
}

// ---------- scenes ----------
const scenes = {}

scenes['gym-dumbbells'] = () => {
  const skin = '#c58a63'
  const tights = '#2c3442'
  const top = '#ff6b5e'
  const plates = (x, y, c = '#2a2f37') =>
    rect(x - 27, y - 3, 54, 6, '#8d949c', { rx: 3 }) +
    rect(x - 30, y - 15, 10, 30, c, { rx: 3 }) +
    rect(x + 20, y - 15, 10, 30, c, { rx: 3 }) +
    rect(x - 21, y - 11, 5, 22, c, { rx: 2 }) +
    rect(x + 16, y - 11, 5, 22, c, { rx: 2 })
  const rackBell = (x, y, c, s = 1) =>
    rect(x - 16 * s, y - 2, 32 * s, 4, '#9aa1a8') +
    rect(x - 18 * s, y - 9 * s, 8 * s, 18 * s, c, { rx: 2 }) +
    rect(x + 10 * s, y - 9 * s, 8 * s, 18 * s, c, { rx: 2 })
  const defs =
    lin('wall', [
      [0, '#fbfbfc'],
      [1, '#e6e9ed'],
    ]) +
    lin('floor', [
      [0, '#e9d3b2'],
      [1, '#c59c6c'],
    ]) +
    lin('win', [
      [0, '#ffffff'],
      [0.7, '#e4f0f8'],
      [1, '#cfe3d2'],
    ]) +
    lin(
      'beam',
      [
        [0, '#fff', 0.85],
        [1, '#fff', 0],
      ],
      0,
      0,
      0.4,
      1,
    ) +
    rad('sh', [
      [0, '#3b2a1a', 0.35],
      [1, '#3b2a1a', 0],
    ]) +
    lin(
      'skin',
      [
        [0, '#d39a72'],
        [1, skin],
      ],
      0,
      0,
      1,
      0,
    ) +
    '<clipPath id="wc"><rect x="46" y="50" width="260" height="310"/></clipPath>'
  return svg(
    defs,
    rect(0, 0, 800, 430, 'url(#wall)') +
      // tall window with soft daylight
      rect(36, 40, 280, 330, '#d5dbe0', { rx: 4 }) +
      rect(46, 50, 260, 310, 'url(#win)') +
      g(
        { fill: '#a9cda5', opacity: 0.7, clipPath: 'url(#wc)' },
        circ(90, 350, 50),
        circ(160, 335, 40),
        circ(250, 348, 55),
        circ(300, 330, 30),
      ) +
      rect(172, 50, 8, 310, '#d5dbe0') +
      rect(46, 200, 260, 8, '#d5dbe0') +
      rect(0, 424, 800, 8, '#d7dbdf') +
      rect(0, 432, 800, 168, 'url(#floor)') +
      g(
        { stroke: '#b48a5c', strokeWidth: 1.5, opacity: 0.5 },
        ...[456, 486, 522, 566].map((y) => el('line', { x1: 0, y1: y, x2: 800, y2: y })),
      ) +
      poly(
        [
          [46, 432],
          [306, 432],
          [520, 600],
          [80, 600],
        ],
        '#fff',
        { opacity: 0.35 },
      ) +
      poly(
        [
          [46, 50],
          [306, 50],
          [560, 600],
          [120, 600],
        ],
        'url(#beam)',
        { opacity: 0.35 },
      ) +
      // plant in the corner
      path('M40 470 L100 470 L92 530 L48 530 Z', '#e8e2d8') +
      g(
        { fill: '#3f7a4a' },
        path(taper([70, 470], [30, 400], [20, 330], 12, 0, 10, 22)),
        path(taper([70, 470], [80, 390], [60, 300], 12, 0, 10, 26), { fill: '#4f9159' }),
        path(taper([70, 470], [120, 410], [135, 340], 12, 0, 10, 24)),
        path(taper([70, 470], [100, 420], [110, 370], 10, 0, 10, 20), { fill: '#5ea866' }),
      ) +
      // dumbbell rack
      rect(600, 270, 10, 160, '#3b4048') +
      rect(754, 270, 10, 160, '#3b4048') +
      rect(592, 320, 180, 8, '#4a5058', { rx: 3 }) +
      rect(592, 388, 180, 8, '#4a5058', { rx: 3 }) +
      [635, 682, 729]
        .map((x, i) => rackBell(x, 308, ['#2a2f37', '#2a2f37', '#2a2f37'][i]))
        .join('') +
      [635, 682, 729]
        .map((x, i) => rackBell(x, 376, ['#4fb3a9', '#f29e8e', '#e8c36a'][i], 0.8))
        .join('') +
      // kettlebell
      circ(566, 508, 24, '#2f343c') +
      stroke('M550 500 Q566 462 582 500', '#2f343c', 7, { fill: 'none' }) +
      ell(558, 500, 6, 9, '#fff', { opacity: 0.15 }) +
      // mat + shadow
      poly(
        [
          [292, 506],
          [508, 506],
          [540, 546],
          [260, 546],
        ],
        '#47525e',
      ) +
      ell(400, 526, 90, 12, 'url(#sh)') +
      // woman, overhead press
      path(taper([386, 360], [376, 440], [372, 512], 34, 17, 10), tights) +
      path(taper([414, 360], [426, 440], [431, 512], 34, 17, 10), tights) +
      ell(368, 517, 18, 8, '#fff', { stroke: '#c9ced3', strokeWidth: 2 }) +
      ell(436, 517, 18, 8, '#fff', { stroke: '#c9ced3', strokeWidth: 2 }) +
      rect(368, 338, 64, 54, tights, { rx: 16 }) +
      path(
        'M370 262 Q400 252 430 262 L424 302 Q419 324 422 346 L378 346 Q381 324 376 302 Z',
        'url(#skin)',
      ) +
      path('M371 264 Q400 254 429 264 L425 304 Q400 311 375 304 Z', top) +
      rect(368, 338, 64, 10, '#3d4758', { rx: 5 }) +
      line(
        [
          [376, 270],
          [333, 276],
          [327, 206],
        ],
        skin,
        15,
      ) +
      line(
        [
          [424, 270],
          [467, 276],
          [473, 206],
        ],
        skin,
        15,
      ) +
      plates(327, 200) +
      plates(473, 200) +
      circ(327, 203, 8, skin) +
      circ(473, 203, 8, skin) +
      rect(393, 234, 14, 28, skin) +
      ell(400, 220, 18, 22, 'url(#skin)') +
      path(
        'M381 222 Q378 194 400 193 Q422 194 419 222 Q416 205 400 204 Q384 205 381 222 Z',
        '#3a2418',
      ) +
      circ(400, 187, 11, '#3a2418'),
  )
}

scenes['mountain-lake-sunset'] = () => {
  const far = [
    [0, 300],
    [60, 262],
    [120, 282],
    [200, 196],
    [262, 242],
    [330, 214],
    [420, 150],
    [480, 222],
    [520, 250],
    [600, 204],
    [680, 252],
    [740, 230],
    [800, 262],
  ]
  const mid = [
    [0, 332],
    [80, 292],
    [150, 322],
    [230, 272],
    [300, 336],
    [380, 302],
    [440, 342],
    [520, 322],
    [580, 342],
    [650, 292],
    [720, 322],
    [800, 302],
  ]
  const mtns =
    path(jag(far, 362), '#8c4f7e') +
    poly(
      [
        [420, 150],
        [441, 178],
        [430, 174],
        [421, 186],
        [409, 172],
        [398, 180],
      ],
      '#f7c3bf',
    ) +
    poly(
      [
        [200, 196],
        [218, 212],
        [208, 212],
        [199, 220],
        [190, 206],
      ],
      '#f0b4b4',
    ) +
    path(jag(mid, 362), '#56335f')
  return svg(
    lin('sky', [
      [0, '#1f2350'],
      [0.42, '#7a3f73'],
      [0.75, '#e3666b'],
      [1, '#ffb66b'],
    ]) +
      lin('lake', [
        [0, '#f29b6a'],
        [0.25, '#9c4d6d'],
        [1, '#211c3c'],
      ]) +
      glow('sun', '#ffd9a0', 0.9),
    rect(0, 0, 800, 362, 'url(#sky)') +
      circ(540, 330, 170, 'url(#sun)') +
      circ(540, 334, 34, '#fff1c9') +
      mtns +
      rect(0, 360, 800, 240, 'url(#lake)') +
      g({ transform: 'translate(0 722) scale(1 -1)', opacity: 0.35 }, mtns) +
      g(
        { fill: '#ffe1a8' },
        ...range(9, (i) =>
          rect(
            540 - (60 - i * 5) + ((i * 37) % 13),
            372 + i * 13,
            (60 - i * 5) * 2,
            2.5,
            undefined,
            {
              opacity: r(0.8 - i * 0.07),
              rx: 1,
            },
          ),
        ),
      ) +
      g(
        { stroke: '#fff', strokeWidth: 1, opacity: 0.15 },
        ...range(7, (i) =>
          el('line', { x1: 40 + i * 90, y1: 420 + i * 22, x2: 120 + i * 90, y2: 420 + i * 22 }),
        ),
      ) +
      path('M0 600 L0 468 Q120 452 220 500 Q300 540 350 600 Z', '#1a1226') +
      path('M800 600 L800 446 Q700 458 620 518 Q580 556 560 600 Z', '#1a1226') +
      g(
        { fill: '#1a1226' },
        path(pine(34, 482, 150)),
        path(pine(86, 476, 116)),
        path(pine(136, 490, 88)),
        path(pine(180, 498, 64)),
        path(pine(766, 460, 160)),
        path(pine(712, 470, 120)),
        path(pine(668, 500, 86)),
      ),
  )
}

scenes['city-skyline-night'] = () => {
  const rand = rng(7)
  let back = ''
  let front = ''
  const lit = { '#ffd36b': '', '#ffe9b0': '', '#ffb45c': '', '#a9dcff': '' }
  const colors = Object.keys(lit)
  for (let x = -10; x < 800;) {
    const w = 40 + rand() * 50
    const h = 150 + rand() * 170
    back += rect(x, 420 - h, w, h + 2, '#222b5c')
    x += w + 2
  }
  for (let x = -20; x < 800;) {
    const w = 56 + rand() * 50
    const h = 90 + rand() * 210
    const top = 420 - h
    front += rect(x, top, w, h + 2, rand() > 0.5 ? '#121838' : '#161d42')
    if (rand() > 0.7) front += rect(x + w / 2 - 2, top - 40, 4, 40, '#121838')
    for (let wy = top + 14; wy < 410; wy += 18)
      for (let wx = x + 8; wx < x + w - 12; wx += 14)
        if (rand() < 0.34)
          lit[colors[Math.floor(rand() * rand() * 4)]] += `M${r(wx)} ${wy}h7v10h-7z`
    x += w + 3
  }
  const windows = Object.entries(lit)
    .map(([c, d]) => path(d, c))
    .join('')
  const city =
    back +
    // landmark tower
    path('M560 420 L568 150 L576 120 L584 150 L592 420 Z', '#1a2150') +
    rect(574, 60, 4, 62, '#1a2150') +
    circ(576, 60, 4, '#ff4d4d') +
    front +
    windows
  return svg(
    lin('sky', [
      [0, '#060a22'],
      [0.6, '#1b2456'],
      [1, '#4b3f80'],
    ]) +
      lin('water', [
        [0, '#1a1d48'],
        [1, '#04061a'],
      ]) +
      glow('moon', '#dfe6ff', 0.5) +
      blur('b', 3),
    rect(0, 0, 800, 420, 'url(#sky)') +
      stars(3, 60, 260) +
      circ(170, 110, 90, 'url(#moon)') +
      circ(170, 110, 28, '#f3f0dc') +
      circ(178, 104, 6, '#e2ddc4') +
      circ(162, 118, 4, '#e2ddc4') +
      `<g id="city">${city}</g>` +
      rect(0, 418, 800, 182, 'url(#water)') +
      `<use href="#city" transform="translate(0 838) scale(1 -1)" opacity="0.32" filter="url(#b)"/>` +
      g(
        { stroke: '#ffd36b', strokeWidth: 1.5, opacity: 0.35 },
        ...range(26, (i) => {
          const y = 430 + ((i * 29) % 160)
          const x = (i * 137) % 780
          return el('line', { x1: x, y1: y, x2: x + 20 + (i % 4) * 10, y2: y })
        }),
      ) +
      rect(0, 416, 800, 4, '#0b0f2a'),
  )
}

scenes['lighthouse-ocean-waves'] = () => {
  const band = (y1, y2, c) => {
    const w = (y) => 30 - ((360 - y) / 180) * 10
    return poly(
      [
        [680 - w(y1), y1],
        [680 + w(y1), y1],
        [680 + w(y2), y2],
        [680 - w(y2), y2],
      ],
      c,
    )
  }
  const wave = (y, amp, len, c, o, wgt) => {
    let d = `M-20 ${y}`
    for (let x = -20; x < 820; x += len) d += `q${len / 4} ${-amp} ${len / 2} 0t${len / 2} 0`
    return stroke(d, c, wgt, { opacity: o, fill: 'none' })
  }
  return svg(
    lin('sky', [
      [0, '#17244d'],
      [0.5, '#4a5a92'],
      [0.85, '#e4a08a'],
      [1, '#f7c99a'],
    ]) +
      lin('sea', [
        [0, '#3d5f8a'],
        [0.4, '#1f4468'],
        [1, '#0c2038'],
      ]) +
      lin(
        'beam',
        [
          [0, '#fff6c8', 0],
          [1, '#fff6c8', 0.55],
        ],
        0,
        0,
        1,
        0,
      ) +
      glow('lamp', '#ffe9a0', 0.9) +
      lin('rock', [
        [0, '#3b4254'],
        [1, '#1c202b'],
      ]),
    rect(0, 0, 800, 332, 'url(#sky)') +
      stars(11, 25, 120, 800, 1) +
      ell(180, 250, 160, 10, '#f2b9a0', { opacity: 0.45 }) +
      ell(330, 280, 200, 7, '#f7c7a6', { opacity: 0.4 }) +
      rect(0, 330, 800, 270, 'url(#sea)') +
      rect(120, 334, 260, 3, '#f8cfa6', { opacity: 0.5 }) +
      rect(170, 342, 160, 2, '#f8cfa6', { opacity: 0.35 }) +
      wave(360, 3, 60, '#9fc1e0', 0.35, 2) +
      wave(395, 5, 90, '#b8d4ec', 0.35, 2.5) +
      wave(440, 8, 130, '#cfe3f5', 0.4, 3) +
      wave(500, 12, 180, '#e6f1fb', 0.45, 4) +
      poly(
        [
          [680, 148],
          [0, 40],
          [0, 250],
          [680, 160],
        ],
        'url(#beam)',
      ) +
      // cliff
      path(
        'M440 600 L470 480 L505 440 L540 410 L580 372 L640 356 L800 350 L800 600 Z',
        'url(#rock)',
      ) +
      path('M505 440 L540 410 L560 430 L530 470 Z M580 372 L640 356 L620 392 Z', '#4a5266') +
      path('M580 372 L640 354 L800 348 L800 358 L640 362 L590 376 Z', '#2f4036') +
      // keeper house
      rect(716, 312, 64, 44, '#e8e4dc') +
      poly(
        [
          [710, 314],
          [786, 314],
          [764, 290],
          [732, 290],
        ],
        '#a8322d',
      ) +
      rect(738, 326, 14, 16, '#ffcf6b') +
      // tower
      band(180, 360, '#f4f1ea') +
      band(205, 235, '#c0392b') +
      band(265, 295, '#c0392b') +
      band(325, 355, '#c0392b') +
      circ(680, 152, 80, 'url(#lamp)') +
      rect(650, 170, 60, 9, '#23262e') +
      rect(664, 134, 32, 36, '#ffe59a') +
      path('M674 134 v36 M686 134 v36', 'none', { stroke: '#3a3a3a', strokeWidth: 2 }) +
      poly(
        [
          [658, 136],
          [702, 136],
          [680, 110],
        ],
        '#a8322d',
      ) +
      circ(680, 108, 4, '#23262e') +
      // foam on the rocks + foreground swell
      path('M0 600 L0 540 Q120 500 260 520 Q380 540 470 500 L480 600 Z', '#123252') +
      g(
        { fill: '#f4f8fc' },
        circ(470, 498, 22, undefined, { opacity: 0.9 }),
        circ(445, 510, 16, undefined, { opacity: 0.8 }),
        circ(492, 482, 14, undefined, { opacity: 0.85 }),
        circ(510, 462, 10, undefined, { opacity: 0.7 }),
        circ(425, 522, 10, undefined, { opacity: 0.7 }),
      ) +
      stroke('M0 542 Q120 502 260 522 Q380 542 470 502', '#e6f1fb', 5, { opacity: 0.7 }),
  )
}

scenes['autumn-forest-path'] = () => {
  const rand = rng(21)
  const leafCols = ['#e8702a', '#c9412b', '#f2b33d', '#a6331f']
  const leaves = Object.fromEntries(leafCols.map((c) => [c, '']))
  for (let i = 0; i < 170; i++) {
    const y = 400 + rand() ** 0.8 * 200
    const x = rand() * 800
    const s = 2 + ((y - 400) / 200) * 5
    leaves[leafCols[i % 4]] +=
      `M${r(x)} ${r(y)}l${r(s)} ${r(-s * 0.6)}l${r(s)} ${r(s * 0.6)}l${r(-s)} ${r(s * 0.6)}z`
  }
  const canopy = (cx, cy, s, cols, o = 1) =>
    g(
      { opacity: o },
      circ(cx, cy, 60 * s, cols[0]),
      circ(cx - 50 * s, cy + 25 * s, 45 * s, cols[1]),
      circ(cx + 50 * s, cy + 20 * s, 48 * s, cols[2]),
      circ(cx + 10 * s, cy + 45 * s, 42 * s, cols[1]),
    )
  return svg(
    lin('bg', [
      [0, '#ffe6ad'],
      [0.5, '#f6b36c'],
      [1, '#c9774a'],
    ]) +
      lin('ground', [
        [0, '#b9713a'],
        [1, '#6b3d1e'],
      ]) +
      lin('path', [
        [0, '#f1c88f'],
        [1, '#b98650'],
      ]) +
      lin(
        'ray',
        [
          [0, '#fff8dc', 0.6],
          [1, '#fff8dc', 0],
        ],
        0,
        0,
        0.3,
        1,
      ) +
      blur('b', 4),
    rect(0, 0, 800, 600, 'url(#bg)') +
      // misty far trees
      g(
        { filter: 'url(#b)' },
        g(
          { fill: '#d9a27a', opacity: 0.7 },
          ...[120, 230, 300, 480, 560, 660].map((x) => rect(x, 150, 8, 250)),
        ),
        canopy(150, 120, 0.9, ['#f4c07a', '#f0a968', '#f7cf86'], 0.8),
        canopy(470, 110, 1, ['#f4b76e', '#f7cf86', '#eea460'], 0.8),
        canopy(640, 140, 0.8, ['#f7cf86', '#f0a968', '#f4c07a'], 0.8),
      ) +
      g(
        { fill: '#7a4a32' },
        rect(200, 100, 16, 320),
        rect(330, 160, 12, 240),
        rect(450, 170, 12, 230),
        rect(560, 120, 18, 300),
      ) +
      canopy(210, 110, 1, ['#e0732f', '#c94a2a', '#f2a93b']) +
      canopy(570, 100, 1.1, ['#f2a93b', '#e0732f', '#c94a2a']) +
      canopy(390, 90, 0.8, ['#d65a2c', '#f2a93b', '#e88535']) +
      path(
        land([
          [0, 392],
          [200, 402],
          [400, 392],
          [600, 404],
          [800, 394],
        ]),
        'url(#ground)',
      ) +
      path('M300 600 C350 520 420 470 396 396 L414 396 C450 470 530 520 620 600 Z', 'url(#path)') +
      Object.entries(leaves)
        .map(([c, d]) => path(d, c))
        .join('') +
      poly(
        [
          [480, 0],
          [560, 0],
          [380, 600],
          [240, 600],
        ],
        'url(#ray)',
        { opacity: 0.5 },
      ) +
      poly(
        [
          [600, 0],
          [650, 0],
          [520, 600],
          [440, 600],
        ],
        'url(#ray)',
        { opacity: 0.35 },
      ) +
      // framing trees
      path('M20 600 L34 0 L78 0 L90 600 Z', '#3e2418') +
      path('M700 600 L716 0 L766 0 L782 600 Z', '#3e2418') +
      canopy(60, 10, 1.4, ['#b8361f', '#d65a2c', '#e88535']) +
      canopy(750, 0, 1.5, ['#e88535', '#b8361f', '#f2a93b']),
  )
}

scenes['desert-dunes-camel'] = () => {
  const camel = (x, y, s) =>
    g(
      { transform: `translate(${x} ${y}) scale(${s})`, fill: '#3b2418' },
      line(
        [
          [-22, -48],
          [-24, -24],
          [-22, 0],
        ],
        '#3b2418',
        5,
      ),
      line(
        [
          [-12, -48],
          [-10, -24],
          [-14, 0],
        ],
        '#3b2418',
        5,
      ),
      line(
        [
          [14, -48],
          [16, -24],
          [14, 0],
        ],
        '#3b2418',
        5,
      ),
      line(
        [
          [24, -48],
          [26, -24],
          [30, 0],
        ],
        '#3b2418',
        5,
      ),
      ell(0, -54, 32, 14),
      ell(-4, -66, 17, 13),
      line(
        [
          [26, -56],
          [42, -52],
          [50, -74],
        ],
        '#3b2418',
        10,
      ),
      ell(56, -77, 10, 6),
      line(
        [
          [-31, -56],
          [-36, -40],
        ],
        '#3b2418',
        2,
      ),
      // rider
      path('M-10 -78 L2 -78 L0 -98 L-8 -98 Z', '#5a2c1c'),
      circ(-4, -103, 6, '#3b2418'),
    )
  const ripples = range(9, (i) => {
    const y = 500 + i * 12
    return `M${-20 + (i % 3) * 40} ${y} q120 -14 240 0 t240 0 t240 0 t240 0`
  }).join('')
  return svg(
    lin('sky', [
      [0, '#4f9bd6'],
      [0.6, '#bfe0ee'],
      [1, '#fbe2b4'],
    ]) +
      glow('sun', '#fff4d0', 0.9) +
      lin('d1', [
        [0, '#f2c48e'],
        [1, '#e8a96a'],
      ]) +
      lin('d2', [
        [0, '#eeaa62'],
        [1, '#d98a47'],
      ]) +
      lin('d3', [
        [0, '#dc8c48'],
        [1, '#c06d33'],
      ]),
    rect(0, 0, 800, 600, 'url(#sky)') +
      circ(640, 140, 140, 'url(#sun)') +
      circ(640, 140, 30, '#fffbe9') +
      path(
        'M0 330 C150 300 250 322 400 310 C550 298 650 282 800 300 L800 600 L0 600 Z',
        'url(#d1)',
      ) +
      path(
        'M430 305 C520 300 600 320 700 360 L800 380 L800 300 C650 282 550 298 430 305 Z',
        '#d99a5d',
        {
          opacity: 0.6,
        },
      ) +
      path(
        'M0 430 C200 400 380 360 520 350 C640 345 720 380 800 395 L800 600 L0 600 Z',
        'url(#d2)',
      ) +
      path('M520 350 C600 380 640 450 800 470 L800 395 C720 380 640 345 520 350 Z', '#b86a33') +
      path(
        'M0 522 C150 482 300 472 420 500 C520 524 650 562 800 540 L800 600 L0 600 Z',
        'url(#d3)',
      ) +
      path(
        'M420 500 C300 520 180 560 60 600 L800 600 L800 540 C650 562 520 524 420 500 Z',
        '#a55a28',
        {
          opacity: 0.55,
        },
      ) +
      stroke(ripples, '#f3b878', 1.5, { fill: 'none', opacity: 0.35 }) +
      // caravan on the ridge, with long shadows
      g(
        { fill: '#8f4e22', opacity: 0.45 },
        ell(300, 392, 40, 4, undefined, { transform: 'skewX(-40)' }),
      ) +
      camel(330, 384, 0.95) +
      camel(410, 368, 0.85) +
      camel(478, 356, 0.75),
  )
}

scenes['fruit-bowl-table'] = () => {
  const fruit = (id, c) =>
    rad(
      id,
      [
        [0, c[0]],
        [0.55, c[1]],
        [1, c[2]],
      ],
      0.38,
      0.35,
      0.65,
    )
  const apple = (x, y, s, f) =>
    path(
      `M${x} ${y - 40 * s}C${x + 30 * s} ${y - 58 * s} ${x + 62 * s} ${y - 30 * s} ${x + 54 * s} ${y + 8 * s}C${x + 48 * s} ${y + 40 * s} ${x + 20 * s} ${y + 52 * s} ${x} ${y + 44 * s}C${x - 20 * s} ${y + 52 * s} ${x - 48 * s} ${y + 40 * s} ${x - 54 * s} ${y + 8 * s}C${x - 62 * s} ${y - 30 * s} ${x - 30 * s} ${y - 58 * s} ${x} ${y - 40 * s}Z`,
      f,
    ) +
    stroke(`M${x} ${y - 38 * s}q2 ${-18 * s} ${8 * s} ${-24 * s}`, '#5a3a1e', 4 * s) +
    path(
      taper(
        [x + 6 * s, y - 54 * s],
        [x + 22 * s, y - 74 * s],
        [x + 40 * s, y - 62 * s],
        2,
        0,
        8,
        12 * s,
      ),
      '#5d9b3a',
    )
  const grapes = range(14, (i) => {
    const row = Math.floor(Math.sqrt(i * 2))
    const col = i - (row * (row + 1)) / 2
    return circ(
      560 + (col - row / 2) * 18 + (row % 2) * 2,
      404 + (4 - row) * 14 + 10,
      10,
      'url(#grape)',
    )
  })
  return svg(
    lin(
      'wall',
      [
        [0, '#f3e7d3'],
        [1, '#dcc6a6'],
      ],
      0,
      0,
      1,
      1,
    ) +
      lin('table', [
        [0, '#a8693d'],
        [1, '#6f3e22'],
      ]) +
      lin(
        'bowl',
        [
          [0, '#3c85a6'],
          [1, '#1b4a63'],
        ],
        0,
        0,
        1,
        0.4,
      ) +
      fruit('orange', ['#ffd27a', '#f5901f', '#c4600b']) +
      fruit('red', ['#ff8a7a', '#d7261e', '#7e120e']) +
      fruit('green', ['#e8f29a', '#a9c94a', '#5f7d22']) +
      fruit('grape', ['#b58ad1', '#5c2d80', '#2d1242']) +
      lin('banana', [
        [0, '#fbe27a'],
        [1, '#e8b927'],
      ]) +
      blur('b', 8),
    rect(0, 0, 800, 392, 'url(#wall)') +
      poly(
        [
          [520, 0],
          [760, 0],
          [640, 392],
          [420, 392],
        ],
        '#fff',
        { opacity: 0.25, filter: 'url(#b)' },
      ) +
      rect(0, 390, 800, 210, 'url(#table)') +
      stroke(
        'M0 430 C200 424 400 440 800 428 M0 480 C240 470 500 492 800 476 M0 548 C260 540 520 560 800 544',
        '#5a311a',
        2,
        { fill: 'none', opacity: 0.45 },
      ) +
      ell(410, 532, 220, 26, '#2a160a', { opacity: 0.45, filter: 'url(#b)' }) +
      ell(400, 420, 190, 40, '#163a4f') +
      // fruit heap
      path(taper([250, 386], [330, 250], [462, 318], 4, 6, 16, 46), 'url(#banana)') +
      path(taper([262, 396], [350, 282], [470, 332], 4, 6, 16, 40), '#f2cc48') +
      circ(462, 318, 5, '#5a3a1e') +
      circ(470, 332, 5, '#5a3a1e') +
      apple(470, 346, 0.85, 'url(#green)') +
      circ(300, 392, 50, 'url(#orange)') +
      apple(402, 380, 1, 'url(#red)') +
      circ(506, 396, 46, 'url(#orange)') +
      // bowl front
      path(
        'M210 420 C214 500 300 532 400 532 C500 532 586 500 590 420 C560 446 480 460 400 460 C320 460 240 446 210 420 Z',
        'url(#bowl)',
      ) +
      stroke('M210 420 C240 446 320 460 400 460 C480 460 560 446 590 420', '#e9f1f4', 4, {
        fill: 'none',
      }) +
      stroke('M240 470 C300 506 380 514 440 512', '#fff', 6, { fill: 'none', opacity: 0.25 }) +
      stroke('M558 388 q6 14 0 26', '#5a3a1e', 4, { fill: 'none' }) +
      grapes.join('') +
      // fruit on the table
      ell(680, 552, 44, 10, '#2a160a', { opacity: 0.4, filter: 'url(#b)' }) +
      ell(676, 530, 42, 28, '#f5d540') +
      ell(664, 520, 16, 8, '#fff6b0', { opacity: 0.6 }) +
      ell(140, 548, 44, 10, '#2a160a', { opacity: 0.4, filter: 'url(#b)' }) +
      apple(140, 512, 0.72, 'url(#red)'),
  )
}

scenes['latte-art-coffee'] = () => {
  const rand = rng(5)
  const planks = range(6, (i) =>
    rect(
      i * 140 - 20,
      0,
      138,
      600,
      ['#8a5a3b', '#7d4f33', '#94613f', '#845537', '#7a4c30', '#8f5c3b'][i],
    ),
  ).join('')
  const grain = range(22, (i) => {
    const x = (i * 37) % 800
    return `M${x} 0 C${x + 10} 150 ${x - 8} 300 ${x + 6} 450 S${x - 4} 600 ${x + 2} 620`
  }).join('')
  const beans = range(9, (i) => {
    const x = [120, 160, 96, 650, 690, 720, 640, 110, 700][i]
    const y = [470, 500, 520, 90, 70, 120, 520, 90, 480][i]
    const a = Math.round(rand() * 180)
    return g(
      { transform: `translate(${x} ${y}) rotate(${a})` },
      ell(0, 0, 14, 10, '#3a1f10'),
      stroke('M-10 0 Q0 -4 10 0', '#1e0e06', 2, { fill: 'none' }),
    )
  }).join('')
  return svg(
    rad('coffee', [
      [0, '#c48a55'],
      [0.7, '#8a4f2a'],
      [1, '#4a2714'],
    ]) +
      rad('saucer', [
        [0.7, '#f6f3ee'],
        [1, '#dcd5ca'],
      ]) +
      lin(
        'spoon',
        [
          [0, '#f2f4f6'],
          [1, '#9aa3ab'],
        ],
        0,
        0,
        1,
        1,
      ) +
      blur('b', 10),
    planks +
      stroke(grain, '#4a2a16', 1.2, { fill: 'none', opacity: 0.35 }) +
      range(6, (i) => rect(i * 140 - 22, 0, 2, 600, '#3a2010', { opacity: 0.6 })).join('') +
      // linen napkin
      poly(
        [
          [560, -20],
          [820, -20],
          [820, 200],
          [700, 240],
        ],
        '#e9e2d6',
      ) +
      stroke('M600 -20 L730 230 M640 -20 L760 222', '#cfc6b6', 3, { opacity: 0.7 }) +
      beans +
      circ(420, 322, 186, '#1c0d04', { opacity: 0.5, filter: 'url(#b)' }) +
      circ(400, 300, 182, 'url(#saucer)') +
      circ(400, 300, 132, 'none', { stroke: '#e3dcd1', strokeWidth: 3 }) +
      // spoon
      g(
        { transform: 'rotate(-35 400 300)' },
        rect(392, 440, 14, 130, 'url(#spoon)', { rx: 7 }),
        ell(399, 440, 22, 34, 'url(#spoon)'),
      ) +
      rect(515, 278, 86, 44, '#f4f1ec', { rx: 22 }) +
      rect(530, 290, 56, 20, '#dcd5ca', { rx: 10 }) +
      circ(404, 306, 128, '#1c0d04', { opacity: 0.25, filter: 'url(#b)' }) +
      circ(400, 300, 126, '#fbfaf7') +
      circ(400, 300, 108, '#ebe5dc') +
      circ(400, 300, 100, 'url(#coffee)') +
      // latte art: layered tulip
      path(heart(400, 318, 60), '#f5e6cf') +
      path(heart(400, 300, 46), '#a96a3c') +
      path(heart(400, 292, 38), '#f5e6cf') +
      path(heart(400, 276, 26), '#a96a3c') +
      path(heart(400, 270, 20), '#f5e6cf') +
      stroke('M400 232 L400 360', '#b97a48', 3) +
      circ(354, 254, 10, '#fff', { opacity: 0.35 }),
    0.4,
  )
}

scenes['runner-track-sunrise'] = () => {
  const vp = [640, 332]
  const lanes = range(9, (i) => `M${vp[0]} ${vp[1]}L${-600 + i * 190} 600`).join('')
  const runner = '#2a1c30'
  return svg(
    lin('sky', [
      [0, '#5d6fb8'],
      [0.45, '#e88c7a'],
      [0.8, '#ffc985'],
      [1, '#ffe7b0'],
    ]) +
      lin('track', [
        [0, '#d8714a'],
        [1, '#9c3a28'],
      ]) +
      glow('sun', '#fff1c0', 1) +
      lin(
        'shadow',
        [
          [0, runner, 0.5],
          [1, runner, 0],
        ],
        0,
        0,
        1,
        1,
      ),
    rect(0, 0, 800, 334, 'url(#sky)') +
      ell(200, 120, 180, 10, '#ffb49a', { opacity: 0.5 }) +
      ell(560, 80, 160, 8, '#ffc3a8', { opacity: 0.45 }) +
      circ(640, 326, 220, 'url(#sun)') +
      circ(640, 328, 42, '#fffbe8') +
      // stands + trees silhouette
      path(
        land(
          [
            [0, 312],
            [80, 298],
            [160, 310],
            [240, 292],
            [330, 306],
            [420, 300],
            [520, 312],
            [600, 318],
            [700, 310],
            [800, 300],
          ],
          336,
        ),
        '#5e3f5c',
      ) +
      rect(60, 262, 200, 50, '#4f3552') +
      g(
        { stroke: '#4f3552', strokeWidth: 3 },
        el('line', { x1: 90, y1: 262, x2: 90, y2: 220 }),
        el('line', { x1: 230, y1: 262, x2: 230, y2: 220 }),
      ) +
      rect(78, 210, 24, 12, '#fff3cf') +
      rect(218, 210, 24, 12, '#fff3cf') +
      poly(
        [
          [0, 334],
          [800, 334],
          [800, 600],
          [0, 600],
        ],
        'url(#track)',
      ) +
      // infield grass
      path(`M${vp[0]} ${vp[1]}L${-600 + 190 * 0} 600 L0 600 L0 334 Z`, '#557a3e', {
        opacity: 0.9,
      }) +
      stroke(lanes, '#fff', 3, { opacity: 0.85 }) +
      rect(0, 332, 800, 3, '#f8d7a8', { opacity: 0.6 }) +
      // long shadow toward viewer
      poly(
        [
          [360, 470],
          [420, 470],
          [300, 600],
          [160, 600],
        ],
        'url(#shadow)',
      ) +
      // runner (backlit)
      g(
        {},
        line(
          [
            [392, 380],
            [432, 404],
            [424, 458],
          ],
          runner,
          17,
        ),
        line(
          [
            [388, 384],
            [366, 430],
            [328, 446],
          ],
          runner,
          16,
        ),
        path('M420 462 l20 4 l-2 8 l-22 -3Z M322 440 l-6 16 l8 3 l8 -14Z', runner),
        line(
          [
            [404, 318],
            [390, 384],
          ],
          runner,
          26,
        ),
        line(
          [
            [404, 322],
            [430, 350],
            [450, 330],
          ],
          runner,
          11,
        ),
        line(
          [
            [400, 324],
            [376, 350],
            [362, 370],
          ],
          runner,
          11,
        ),
        circ(414, 296, 15, runner),
        path('M402 290 q-14 -4 -20 10 q10 -2 16 2Z', runner),
      ) +
      // rim light
      stroke('M426 286 a15 15 0 0 1 2 18', '#ffd9a0', 2, { fill: 'none' }) +
      stroke('M416 322 L404 384', '#ffd9a0', 2, { opacity: 0.6 }),
  )
}

scenes['beach-yoga'] = () => {
  const skin = '#8d5a3b'
  const legs = '#5b4b8a'
  return svg(
    lin('sky', [
      [0, '#9fd0e8'],
      [0.65, '#f9d7c4'],
      [1, '#ffe9c9'],
    ]) +
      lin('sea', [
        [0, '#7fc3cf'],
        [1, '#3f9aae'],
      ]) +
      lin('sand', [
        [0, '#f1d7ac'],
        [1, '#dfb57d'],
      ]) +
      glow('sun', '#fff4d6', 1),
    rect(0, 0, 800, 332, 'url(#sky)') +
      circ(610, 290, 140, 'url(#sun)') +
      circ(610, 292, 30, '#fffaf0') +
      cloud(180, 120, 1, '#fff', { opacity: 0.7 }) +
      cloud(470, 80, 0.6, '#fff', { opacity: 0.6 }) +
      stroke('M120 70 q8 -8 16 0 q8 -8 16 0 M170 96 q6 -6 12 0 q6 -6 12 0', '#6b6f80', 2.5, {
        fill: 'none',
      }) +
      rect(0, 330, 800, 100, 'url(#sea)') +
      rect(520, 334, 180, 4, '#fff', { opacity: 0.5 }) +
      rect(560, 346, 110, 3, '#fff', { opacity: 0.35 }) +
      path(
        land(
          [
            [0, 418],
            [140, 424],
            [300, 414],
            [460, 426],
            [620, 416],
            [800, 424],
          ],
          600,
        ),
        '#c9ad82',
      ) +
      path(
        land(
          [
            [0, 432],
            [160, 438],
            [320, 430],
            [480, 440],
            [640, 430],
            [800, 438],
          ],
          600,
        ),
        'url(#sand)',
      ) +
      stroke('M0 420 Q140 426 300 416 T620 418 T800 426', '#fff', 5, {
        fill: 'none',
        opacity: 0.8,
      }) +
      // mat and towel
      poly(
        [
          [250, 492],
          [560, 492],
          [596, 524],
          [214, 524],
        ],
        '#2a9d8f',
      ) +
      poly(
        [
          [214, 524],
          [596, 524],
          [596, 530],
          [214, 530],
        ],
        '#1d7168',
      ) +
      poly(
        [
          [640, 470],
          [760, 470],
          [790, 500],
          [620, 500],
        ],
        '#f08a6c',
      ) +
      stroke('M660 470 L650 500 M690 470 L690 500 M720 470 L730 500', '#fff', 5) +
      rect(116, 440, 16, 44, '#7cc4e8', { rx: 5 }) +
      rect(119, 432, 10, 10, '#2d5f7a', { rx: 2 }) +
      ell(400, 512, 130, 8, '#1d4d48', { opacity: 0.35 }) +
      // woman in warrior II
      line(
        [
          [398, 392],
          [322, 410],
          [316, 500],
        ],
        legs,
        20,
      ) +
      line(
        [
          [408, 392],
          [462, 448],
          [520, 504],
        ],
        legs,
        20,
      ) +
      ell(306, 505, 16, 6, skin) +
      ell(528, 506, 14, 6, skin) +
      ell(403, 392, 24, 16, legs) +
      line(
        [
          [390, 308],
          [280, 300],
        ],
        skin,
        11,
      ) +
      line(
        [
          [414, 308],
          [526, 300],
        ],
        skin,
        11,
      ) +
      path('M384 300 Q402 294 420 300 L416 384 L389 384 Z', '#f7f3ea') +
      rect(396, 276, 12, 26, skin) +
      circ(399, 272, 16, skin) +
      path('M386 268 Q392 252 408 256 Q418 262 414 272 Q404 262 386 268Z', '#2a1a12') +
      circ(416, 258, 9, '#2a1a12') +
      // footprints
      g(
        { fill: '#c79c66', opacity: 0.55 },
        ...range(6, (i) => ell(80 + i * 26 + (i % 2) * 6, 560 - i * 12 + (i % 2) * 8, 6, 3)),
      ),
  )
}

scenes['bicycle-flower-wall'] = () => {
  const rand = rng(9)
  const frame = '#c0392b'
  const wheel = (cx, cy) =>
    circ(cx, cy, 66, 'none', { stroke: '#1f1f24', strokeWidth: 9 }) +
    circ(cx, cy, 60, 'none', { stroke: '#bfc4c9', strokeWidth: 2 }) +
    stroke(
      range(12, (i) => {
        const a = (i / 12) * Math.PI * 2
        return `M${cx} ${cy}L${r(cx + Math.cos(a) * 60)} ${r(cy + Math.sin(a) * 60)}`
      }).join(''),
      '#c9ced3',
      1.2,
    ) +
    circ(cx, cy, 6, '#8a9097')
  const bloom = (cx, cy, n, cols) =>
    range(n, () => {
      const x = cx + (rand() - 0.5) * 120
      const y = cy + (rand() - 0.5) * 90
      return circ(x, y, 7 + rand() * 9, cols[Math.floor(rand() * cols.length)])
    }).join('')
  const leaves = (cx, cy, n, w) =>
    range(n, () =>
      ell(cx + (rand() - 0.5) * w, cy + (rand() - 0.5) * 50, 12, 6, '#3f7f3a', {
        transform: `rotate(${Math.round(rand() * 180)} ${r(cx)} ${r(cy)})`,
      }),
    ).join('')
  const pot = (x, y, w, c) =>
    leaves(x, y - 30, 8, w) +
    bloom(x, y - 44, 10, c) +
    path(
      `M${x - w / 2} ${y - 20}L${x + w / 2} ${y - 20}L${x + w * 0.38} ${y + 40}L${x - w * 0.38} ${y + 40}Z`,
      '#c96a3c',
    ) +
    rect(x - w / 2 - 4, y - 24, w + 8, 12, '#b55a30')
  return svg(
    lin(
      'wall',
      [
        [0, '#f6cf7a'],
        [1, '#e8ac52'],
      ],
      0,
      0,
      1,
      1,
    ) +
      lin('door', [
        [0, '#3d79b0'],
        [1, '#2a5683'],
      ]) +
      lin('street', [
        [0, '#c9bfb2'],
        [1, '#9d9285'],
      ]) +
      blur('b', 6),
    rect(0, 0, 800, 520, 'url(#wall)') +
      g(
        { fill: '#fff', opacity: 0.08 },
        ell(300, 200, 120, 60),
        ell(620, 420, 140, 50),
        ell(120, 420, 90, 40),
      ) +
      // arched door
      path('M60 520 L60 200 A80 80 0 0 1 220 200 L220 520 Z', '#d4954a') +
      path('M74 520 L74 204 A66 66 0 0 1 206 204 L206 520 Z', 'url(#door)') +
      stroke(
        'M140 140 L140 520 M88 260 L128 260 M152 260 L192 260 M88 380 L128 380 M152 380 L192 380',
        '#21476d',
        4,
      ) +
      circ(128, 390, 4, '#e9c36a') +
      // window with shutters + flower box
      rect(560, 120, 160, 190, '#d4954a') +
      rect(576, 136, 128, 158, '#30404f') +
      rect(576, 136, 128, 158, '#9cc9e8', { opacity: 0.4 }) +
      path('M640 136 V294 M576 215 H704', 'none', { stroke: '#f4efe6', strokeWidth: 6 }) +
      rect(516, 126, 52, 178, '#4e9a76') +
      rect(712, 126, 52, 178, '#4e9a76') +
      stroke(
        range(9, (i) => `M522 ${146 + i * 18}h40M718 ${146 + i * 18}h40`).join(''),
        '#3b7d5e',
        4,
      ) +
      leaves(640, 300, 10, 150) +
      bloom(640, 296, 16, ['#e63b5a', '#ff6f8a', '#f4f1ea']) +
      rect(568, 304, 144, 24, '#b55a30') +
      // bougainvillea in top-left corner
      leaves(60, 40, 14, 240) +
      bloom(40, 40, 26, ['#d6247a', '#e8418f', '#b51c66', '#f06aa6']) +
      bloom(250, 20, 10, ['#d6247a', '#e8418f', '#f06aa6']) +
      rect(0, 520, 800, 80, 'url(#street)') +
      stroke(
        range(9, (i) => `M${i * 100} 520 L${i * 100 - 30} 600`).join('') + 'M0 556 H800',
        '#8a8074',
        2,
        {
          opacity: 0.6,
        },
      ) +
      rect(0, 516, 800, 6, '#b8ad9f') +
      // bike shadow
      ell(400, 540, 200, 10, '#3b3025', { opacity: 0.35, filter: 'url(#b)' }) +
      pot(270, 480, 70, ['#e63b5a', '#ff8a5c', '#fff']) +
      // bicycle
      wheel(280, 470) +
      wheel(520, 470) +
      line(
        [
          [280, 470],
          [384, 470],
          [362, 364],
          [280, 470],
        ],
        frame,
        8,
      ) +
      line(
        [
          [384, 470],
          [478, 380],
        ],
        frame,
        9,
      ) +
      line(
        [
          [366, 384],
          [474, 372],
        ],
        frame,
        7,
      ) +
      line(
        [
          [478, 368],
          [486, 400],
          [520, 470],
        ],
        frame,
        8,
      ) +
      line(
        [
          [362, 364],
          [358, 344],
        ],
        '#2a2a2a',
        6,
      ) +
      path('M336 340 Q360 330 380 342 Q360 350 336 340Z', '#3a2a22') +
      line(
        [
          [478, 368],
          [472, 340],
          [446, 332],
        ],
        '#2a2a2a',
        6,
      ) +
      circ(384, 470, 16, 'none', { stroke: '#5a5f66', strokeWidth: 4 }) +
      line(
        [
          [384, 470],
          [398, 492],
        ],
        '#2a2a2a',
        5,
      ) +
      // basket with flowers
      bloom(505, 330, 12, ['#ff6f8a', '#fff4f0', '#ffd25a', '#e63b5a']) +
      path('M470 338 L546 338 L538 386 L478 386 Z', '#c99a5b') +
      stroke(
        'M474 352 H542 M476 368 H540 M490 338 V386 M508 338 V386 M526 338 V386',
        '#a87a40',
        2.5,
      ) +
      pot(640, 480, 80, ['#e63b5a', '#ffb347', '#f4f1ea']),
  )
}

scenes['snowy-cabin-night'] = () => {
  const flakes = stars(12, 80, 600, 800, 2.2, 0, 1)
  return svg(
    lin('sky', [
      [0, '#040817'],
      [0.6, '#14224d'],
      [1, '#35497d'],
    ]) +
      lin('snow', [
        [0, '#e8effa'],
        [1, '#a9b9d8'],
      ]) +
      lin('snow2', [
        [0, '#c5d2ea'],
        [1, '#8196c0'],
      ]) +
      glow('win', '#ffc86b', 0.75) +
      glow('moon', '#e8eeff', 0.45) +
      blur('b', 5),
    rect(0, 0, 800, 600, 'url(#sky)') +
      stars(4, 110, 380, 800, 1.4) +
      circ(640, 100, 110, 'url(#moon)') +
      circ(640, 100, 30, '#f6f4e6') +
      path(
        land([
          [0, 330],
          [150, 290],
          [300, 320],
          [470, 270],
          [640, 300],
          [800, 280],
        ]),
        '#556a9c',
      ) +
      g(
        { fill: '#0f1c33' },
        ...range(18, (i) =>
          path(pine(i * 46 + ((i * 17) % 20), 330 - ((i * 29) % 30), 50 + ((i * 13) % 30))),
        ),
      ) +
      path(
        land([
          [0, 400],
          [200, 370],
          [420, 392],
          [620, 360],
          [800, 380],
        ]),
        'url(#snow2)',
      ) +
      path(
        land([
          [0, 450],
          [250, 430],
          [500, 450],
          [800, 430],
        ]),
        'url(#snow)',
      ) +
      // pines left & right
      g(
        { fill: '#0c1a2e' },
        path(pine(60, 470, 220)),
        path(pine(140, 450, 160)),
        path(pine(730, 460, 240)),
        path(pine(660, 440, 150)),
      ) +
      stroke(
        'M30 340 l30 -20 l30 20 M40 400 l20 -14 l24 14 M704 310 l26 -20 l30 20 M710 380 l20 -12 l30 12',
        '#dfe8f6',
        4,
        {
          fill: 'none',
          opacity: 0.8,
        },
      ) +
      // window glow on snow
      ell(400, 470, 200, 50, 'url(#win)') +
      // cabin
      rect(300, 330, 200, 120, '#5a3522') +
      stroke(range(7, (i) => `M300 ${344 + i * 16}H500`).join(''), '#3e2416', 3) +
      rect(440, 260, 24, 60, '#4a2a1a') +
      poly(
        [
          [278, 340],
          [400, 250],
          [522, 340],
        ],
        '#3a2416',
      ) +
      path('M270 344 L400 244 L530 344 L516 350 L400 262 L284 350 Z', '#f4f8ff') +
      path('M436 258 h32 v8 h-32z', '#f4f8ff') +
      rect(322, 370, 46, 40, '#ffcf6b') +
      rect(432, 370, 46, 40, '#ffcf6b') +
      stroke('M345 370 V410 M322 390 H368 M455 370 V410 M432 390 H478', '#5a3522', 4) +
      rect(378, 384, 44, 66, '#2e1a10') +
      circ(414, 418, 3, '#ffcf6b') +
      path('M250 452 Q330 440 400 452 Q470 440 560 452 L560 470 L250 470 Z', '#eef3fb') +
      g(
        { fill: '#c9d1e0', opacity: 0.5, filter: 'url(#b)' },
        circ(458, 236, 12),
        circ(470, 210, 16),
        circ(488, 180, 20),
        circ(512, 150, 24),
      ) +
      path('M400 470 C380 520 330 560 300 600 L380 600 C400 560 420 520 410 470 Z', '#b9c6de', {
        opacity: 0.7,
      }) +
      flakes,
  )
}

scenes['tropical-palm-beach'] = () => {
  const frond = (base, ang, len, droop) => {
    const a = (ang * Math.PI) / 180
    const tip = [base[0] + Math.cos(a) * len, base[1] + Math.sin(a) * len + droop]
    const c = [base[0] + Math.cos(a) * len * 0.55, base[1] + Math.sin(a) * len * 0.55 - droop * 0.5]
    let d = ''
    for (let i = 1; i < 12; i++) {
      const t = i / 12
      const p = qpt(base, c, tip, t)
      const [nx, ny, tx, ty] = qnorm(base, c, tip, t)
      const l = 46 * (1 - t * 0.75)
      for (const s of [1, -1])
        d += `M${pt(p)}L${pt([p[0] + (nx * s + tx * 0.6) * l, p[1] + (ny * s + ty * 0.6) * l + 12])}`
    }
    return (
      stroke(d, '#2f7d3b', 7, { fill: 'none' }) + path(taper(base, c, tip, 7, 1, 12), '#245f2c')
    )
  }
  const top = [330, 170]
  const palm =
    path(taper([130, 600], [170, 330], top, 34, 16, 18), '#8b6a45') +
    stroke(
      range(14, (i) => {
        const p = qpt([130, 600], [170, 330], top, i / 14)
        return `M${pt([p[0] - 12, p[1]])}q12 6 24 0`
      }).join(''),
      '#6e5236',
      2.5,
      { fill: 'none' },
    ) +
    [200, 240, 280, 320, 350, 20, 60, 120, 160]
      .map((a, i) => frond(top, a, 150 + (i % 3) * 20, 40 + (i % 2) * 20))
      .join('') +
    circ(322, 186, 10, '#5a3e22') +
    circ(338, 188, 10, '#6b4a28') +
    circ(330, 200, 10, '#5a3e22')
  return svg(
    lin('sky', [
      [0, '#2186d4'],
      [1, '#a9dcf5'],
    ]) +
      lin('sea', [
        [0, '#127fb0'],
        [0.5, '#2cbcc4'],
        [1, '#7fe3d2'],
      ]) +
      lin('sand', [
        [0, '#f9e8bd'],
        [1, '#eccf91'],
      ]) +
      `<g id="palm">${palm}</g>`,
    rect(0, 0, 800, 340, 'url(#sky)') +
      cloud(560, 110, 1.3) +
      cloud(210, 200, 0.7, '#fff', { opacity: 0.85 }) +
      cloud(720, 230, 0.5, '#fff', { opacity: 0.8 }) +
      rect(0, 338, 800, 110, 'url(#sea)') +
      path('M620 338 L640 326 L660 338 Z', '#fff') +
      rect(640, 326, 1.5, 12, '#333') +
      path(
        land([
          [0, 440],
          [200, 430],
          [420, 446],
          [620, 428],
          [800, 440],
        ]),
        '#9ee6da',
      ) +
      path(
        land([
          [0, 452],
          [200, 444],
          [420, 458],
          [620, 442],
          [800, 452],
        ]),
        'url(#sand)',
      ) +
      stroke('M0 446 Q200 434 420 450 T800 444', '#fff', 4, { fill: 'none', opacity: 0.9 }) +
      // palm shadow on sand
      path('M150 600 C260 560 420 540 560 540 L600 552 C440 560 300 580 220 600 Z', '#c7a464', {
        opacity: 0.5,
      }) +
      // small palm on right
      '<use href="#palm" transform="translate(770 270) scale(-0.55 0.55) translate(-130 0)"/>' +
      '<use href="#palm"/>' +
      // beach chairs
      poly(
        [
          [520, 500],
          [600, 500],
          [630, 470],
          [616, 466],
        ],
        '#f26b4f',
      ) +
      stroke('M526 500 L522 520 M596 500 L604 520', '#fff', 4) +
      path('M560 430 A40 14 0 0 1 640 430 Z', '#f2b233') +
      stroke('M600 428 L590 510', '#fff', 3),
  )
}

scenes['hot-air-balloons'] = () => {
  const balloon = (x, y, rr, c) => {
    const env = (s) =>
      `M${-rr * s} 0A${rr * s} ${rr} 0 0 1 ${rr * s} 0C${rr * s} ${rr * 0.6} ${rr * 0.35 * s} ${rr} ${rr * 0.22 * s} ${rr * 1.22}L${-rr * 0.22 * s} ${rr * 1.22}C${-rr * 0.35 * s} ${rr} ${-rr * s} ${rr * 0.6} ${-rr * s} 0Z`
    return g(
      { transform: `translate(${x} ${y})` },
      path(env(1), c[0]),
      path(env(0.7), c[1]),
      path(env(0.38), c[0]),
      path(env(0.12), c[1]),
      path(env(1), 'url(#shade)'),
      stroke(
        `M${-rr * 0.22} ${rr * 1.22}L${-rr * 0.13} ${rr * 1.45}M${rr * 0.22} ${rr * 1.22}L${rr * 0.13} ${rr * 1.45}`,
        '#4a3a2a',
        Math.max(1, rr / 40),
      ),
      rect(-rr * 0.15, rr * 1.45, rr * 0.3, rr * 0.2, '#7a5230', { rx: rr * 0.03 }),
    )
  }
  const trees = (seed, y0, n, rr, col) => {
    const rand = rng(seed)
    return g(
      { fill: col },
      ...range(n, () => circ(rand() * 800, y0 + rand() * 30, rr * (0.6 + rand() * 0.6))),
    )
  }
  return svg(
    lin('sky', [
      [0, '#7fb0de'],
      [0.55, '#f5d1bb'],
      [1, '#fde4c4'],
    ]) +
      lin(
        'shade',
        [
          [0, '#fff', 0.3],
          [0.45, '#fff', 0],
          [1, '#000', 0.35],
        ],
        0,
        0,
        1,
        0,
      ) +
      glow('sun', '#fff3d6', 0.9) +
      lin('mist', [
        [0, '#fff', 0],
        [0.5, '#fff', 0.55],
        [1, '#fff', 0],
      ]),
    rect(0, 0, 800, 600, 'url(#sky)') +
      circ(120, 330, 160, 'url(#sun)') +
      path(
        land([
          [0, 340],
          [160, 320],
          [330, 346],
          [520, 318],
          [680, 338],
          [800, 326],
        ]),
        '#b4b8cc',
      ) +
      rect(0, 330, 800, 40, 'url(#mist)') +
      path(
        land([
          [0, 392],
          [180, 366],
          [360, 396],
          [560, 364],
          [800, 388],
        ]),
        '#94ae8e',
      ) +
      trees(3, 370, 20, 6, '#7d9a78') +
      rect(0, 380, 800, 40, 'url(#mist)') +
      path(
        land([
          [0, 452],
          [220, 420],
          [460, 452],
          [640, 424],
          [800, 440],
        ]),
        '#6f9a5f',
      ) +
      trees(8, 430, 26, 9, '#55804a') +
      path(
        land([
          [0, 530],
          [260, 494],
          [520, 520],
          [800, 488],
        ]),
        '#4f7d43',
      ) +
      stroke('M0 560 Q300 520 800 540 M0 590 Q320 548 800 572', '#6a9a55', 3, {
        fill: 'none',
        opacity: 0.6,
      }) +
      balloon(150, 290, 16, ['#7b4fa8', '#f3e6ff']) +
      balloon(380, 322, 20, ['#2f9e8f', '#ffd25a']) +
      balloon(680, 90, 28, ['#3aa05a', '#ff8c42']) +
      balloon(240, 150, 46, ['#2b6cb0', '#f4f6f8']) +
      balloon(520, 180, 84, ['#d63a2f', '#ffc83d']),
  )
}

scenes['reading-nook'] = () => {
  const rand = rng(33)
  const cols = [
    '#b8432f',
    '#2f6f73',
    '#e0b14a',
    '#4a5a8a',
    '#7a3b5a',
    '#d7cfc0',
    '#3c6e47',
    '#c76b3a',
  ]
  let books = ''
  for (const sy of [150, 250, 350, 450]) {
    for (let x = 56; x < 282;) {
      const w = 10 + rand() * 12
      const h = 54 + rand() * 30
      if (rand() < 0.08) {
        x += 16
        continue
      }
      books += rect(x, sy - h, w - 1.5, h, cols[Math.floor(rand() * cols.length)])
      books += rect(x + 2, sy - h + 10, w - 5.5, 3, '#f3e6c8', { opacity: 0.5 })
      x += w
    }
  }
  return svg(
    lin('wall', [
      [0, '#22393f'],
      [1, '#2f4a4f'],
    ]) +
      lin('floor', [
        [0, '#7a5238'],
        [1, '#4a2f1e'],
      ]) +
      glow('lamp', '#ffd58a', 0.6) +
      lin('chair', [
        [0, '#e2ad48'],
        [1, '#b07d22'],
      ]) +
      blur('b', 6),
    rect(0, 0, 800, 470, 'url(#wall)') +
      rect(0, 470, 800, 130, 'url(#floor)') +
      // frames
      rect(360, 80, 90, 110, '#c9a46a') +
      rect(368, 88, 74, 94, '#e8dcc4') +
      path('M368 182 L400 130 L420 160 L430 146 L442 182 Z', '#5f8a72') +
      circ(424, 110, 8, '#e59a5a') +
      rect(470, 110, 60, 60, '#c9a46a') +
      rect(476, 116, 48, 48, '#3d5a7a') +
      // bookshelf
      rect(40, 40, 256, 440, '#5a3a24') +
      rect(50, 50, 236, 420, '#2a1a10') +
      books +
      range(4, (i) => rect(46, 150 + i * 100, 244, 10, '#6b4830')).join('') +
      // trailing plant
      path('M240 50 h36 l-4 -30 h-28 z', '#d9cbb3') +
      stroke('M250 30 C230 60 250 100 236 140 M266 30 C290 70 270 110 282 170', '#3f7f3a', 2.5, {
        fill: 'none',
      }) +
      g(
        { fill: '#4f9a4a' },
        ...range(12, (i) => ell(i % 2 ? 240 + (i % 3) * 4 : 276 + (i % 3) * 4, 20 + i * 12, 8, 5)),
      ) +
      // rug
      ell(500, 540, 290, 46, '#9c3f3a') +
      ell(500, 540, 260, 36, 'none', {
        stroke: '#e9c89a',
        strokeWidth: 3,
        strokeDasharray: '10 8',
      }) +
      // lamp glow
      circ(700, 220, 300, 'url(#lamp)') +
      // armchair
      ell(500, 512, 170, 16, '#1a0f08', { opacity: 0.4, filter: 'url(#b)' }) +
      rect(380, 250, 240, 190, 'url(#chair)', { rx: 60 }) +
      rect(360, 360, 60, 140, '#c08a2e', { rx: 28 }) +
      rect(580, 360, 60, 140, '#c08a2e', { rx: 28 }) +
      rect(410, 390, 180, 80, '#d9a23e', { rx: 20 }) +
      rect(400, 470, 200, 36, '#b07d22', { rx: 12 }) +
      stroke('M380 506 l-6 14 M620 506 l6 14', '#3a2416', 6) +
      rect(430, 330, 80, 64, '#c7566a', { rx: 18, transform: 'rotate(-12 470 362)' }) +
      // throw blanket
      path(
        'M520 300 C560 300 600 330 600 380 L600 470 L560 480 C560 420 540 360 520 330 Z',
        '#efe6d6',
      ) +
      stroke('M540 310 C570 340 585 400 582 470 M528 330 C552 370 566 420 566 476', '#c9553e', 3, {
        fill: 'none',
      }) +
      // floor lamp
      stroke('M700 220 L700 500', '#2b2218', 5) +
      ell(700, 502, 34, 8, '#2b2218') +
      path('M660 220 L740 220 L724 160 L676 160 Z', '#f7e3b8') +
      path('M660 220 L740 220 L724 160 L676 160 Z', '#ffcf7a', { opacity: 0.35 }) +
      // side table with books & mug
      rect(260, 420, 90, 10, '#6b4830') +
      stroke('M270 430 L266 500 M340 430 L344 500', '#6b4830', 7) +
      rect(270, 398, 70, 12, '#2f6f73') +
      rect(275, 386, 60, 12, '#e0b14a') +
      rect(284, 358, 26, 28, '#f2ede4', { rx: 4 }) +
      stroke('M310 364 q12 6 0 16', '#f2ede4', 4, { fill: 'none' }) +
      stroke('M292 348 q-6 -10 0 -20 M302 346 q6 -10 0 -22', '#fff', 2, {
        fill: 'none',
        opacity: 0.45,
      }),
  )
}

scenes['cat-windowsill'] = () => {
  const fur = '#e58b33'
  const dark = '#b35f1c'
  return svg(
    lin('wall', [
      [0, '#f3ebdf'],
      [1, '#dfd2c0'],
    ]) +
      lin('out', [
        [0, '#9fd1f2'],
        [1, '#e3f2fb'],
      ]) +
      lin('sill', [
        [0, '#fbf8f3'],
        [1, '#e3ddd3'],
      ]) +
      rad(
        'body',
        [
          [0, '#f7a94e'],
          [0.7, fur],
          [1, '#c9711f'],
        ],
        0.45,
        0.35,
        0.7,
      ) +
      blur('b', 9) +
      blur('s', 4),
    rect(0, 0, 800, 600, 'url(#wall)') +
      rect(110, 30, 580, 380, '#fbfaf7') +
      rect(126, 46, 548, 354, 'url(#out)') +
      g(
        { filter: 'url(#b)' },
        circ(180, 300, 90, '#7fb069'),
        circ(300, 330, 80, '#95c27a'),
        circ(600, 260, 110, '#6aa25a'),
        circ(470, 340, 70, '#a7cf86'),
        rect(380, 250, 60, 150, '#e9c7a6'),
        poly(
          [
            [370, 252],
            [410, 220],
            [450, 252],
          ],
          '#c4694a',
        ),
      ) +
      rect(392, 46, 16, 354, '#fbfaf7') +
      rect(126, 214, 548, 14, '#fbfaf7') +
      // sheer curtains
      path('M70 0 L190 0 C170 200 200 380 160 440 L70 440 Z', '#fffaf0', { opacity: 0.85 }) +
      path('M730 0 L610 0 C630 200 600 380 640 440 L730 440 Z', '#fffaf0', { opacity: 0.85 }) +
      stroke(
        'M110 0 C100 200 120 360 110 440 M150 0 C140 160 160 320 140 440 M690 0 C700 200 680 360 690 440 M650 0 C660 160 640 320 660 440',
        '#e8dfcf',
        3,
        { fill: 'none' },
      ) +
      // sill
      rect(80, 400, 640, 24, 'url(#sill)') +
      rect(80, 424, 640, 14, '#d6cec2') +
      poly(
        [
          [300, 400],
          [560, 400],
          [520, 424],
          [260, 424],
        ],
        '#fff7d8',
        { opacity: 0.7 },
      ) +
      // plant
      path('M600 350 L660 350 L652 402 L608 402 Z', '#d97c55') +
      g(
        { fill: '#4f9159' },
        path(taper([630, 352], [600, 300], [590, 270], 10, 0, 8, 14)),
        path(taper([630, 352], [640, 290], [630, 250], 10, 0, 8, 16)),
        path(taper([630, 352], [670, 310], [690, 280], 10, 0, 8, 14)),
      ) +
      // sleeping cat
      ell(440, 404, 160, 10, '#6b5a44', { opacity: 0.35, filter: 'url(#s)' }) +
      ell(450, 356, 118, 50, 'url(#body)') +
      stroke(range(5, (i) => `M${420 + i * 28} 310 q14 36 -2 84`).join(''), dark, 7, {
        fill: 'none',
        opacity: 0.55,
      }) +
      path(
        'M560 370 C590 410 520 418 420 408 C380 404 350 402 334 400 L336 390 C380 396 450 400 520 396 C556 392 566 384 560 370 Z',
        '#d97a26',
      ) +
      stroke('M520 404 l10 -10 M480 406 l8 -12 M440 406 l8 -12', dark, 4, { opacity: 0.5 }) +
      ell(372, 398, 26, 10, '#f6c58a') +
      // head
      poly(
        [
          [296, 346],
          [302, 306],
          [330, 334],
        ],
        fur,
      ) +
      poly(
        [
          [340, 332],
          [362, 304],
          [372, 346],
        ],
        fur,
      ) +
      poly(
        [
          [302, 340],
          [305, 316],
          [322, 334],
        ],
        '#f2a7a0',
      ) +
      poly(
        [
          [346, 334],
          [360, 314],
          [366, 342],
        ],
        '#f2a7a0',
      ) +
      ell(334, 370, 46, 38, 'url(#body)') +
      ell(334, 388, 22, 14, '#f8d7a8') +
      stroke('M318 340 l2 10 M334 336 v12 M350 340 l-2 10', dark, 4) +
      stroke('M306 372 q8 6 16 0 M346 372 q8 6 16 0', '#5a2e10', 3, { fill: 'none' }) +
      path('M329 384 h10 l-5 6 z', '#d9776f') +
      stroke('M318 390 l-30 -4 M318 394 l-28 4 M350 390 l30 -4 M350 394 l28 4', '#fff', 1.2, {
        opacity: 0.8,
      }),
  )
}

scenes['dog-park'] = () => {
  const c = '#d99a3e'
  const d = '#b0742a'
  const dog = g(
    { transform: 'translate(400 420) scale(1.25) translate(-420 -400)' },
    // far legs
    line(
      [
        [452, 410],
        [478, 440],
        [496, 460],
      ],
      d,
      12,
    ),
    line(
      [
        [362, 412],
        [334, 446],
        [308, 458],
      ],
      d,
      13,
    ),
    stroke('M340 388 C310 370 300 350 284 344', c, 12, { fill: 'none' }),
    ell(400, 396, 72, 30, c, { transform: 'rotate(-6 400 396)' }),
    ell(352, 400, 30, 26, c),
    ell(458, 394, 32, 31, c),
    ell(460, 404, 24, 18, '#f0c27a'),
    line(
      [
        [462, 382],
        [490, 350],
      ],
      c,
      30,
    ),
    ell(502, 338, 26, 21, c),
    ell(528, 348, 19, 11, c),
    circ(546, 344, 5, '#2a1a10'),
    path('M520 356 q10 16 20 2 z', '#e06a7a'),
    circ(508, 330, 3.5, '#2a1a10'),
    path('M488 330 C470 336 470 364 484 372 C492 360 496 344 494 332 Z', d),
    // near legs
    line(
      [
        [462, 414],
        [500, 436],
        [532, 440],
      ],
      c,
      13,
    ),
    line(
      [
        [344, 404],
        [318, 424],
        [286, 432],
      ],
      c,
      14,
    ),
    ell(536, 440, 9, 6, d),
    ell(282, 433, 9, 6, d),
    ell(499, 462, 8, 5, d),
    ell(305, 459, 8, 5, d),
  )
  return svg(
    lin('sky', [
      [0, '#5eaeea'],
      [1, '#d6ecfb'],
    ]) +
      lin('grass', [
        [0, '#93d162'],
        [1, '#4c9433'],
      ]) +
      blur('b', 5),
    rect(0, 0, 800, 360, 'url(#sky)') +
      cloud(200, 90, 1) +
      cloud(600, 130, 0.8, '#fff', { opacity: 0.9 }) +
      g(
        { fill: '#7a5a3a' },
        rect(90, 270, 10, 90),
        rect(250, 280, 10, 80),
        rect(560, 260, 12, 100),
        rect(700, 280, 10, 80),
      ) +
      g(
        { fill: '#4f8f45' },
        circ(95, 250, 50),
        circ(60, 280, 36),
        circ(130, 280, 40),
        circ(255, 262, 40),
        circ(566, 230, 64),
        circ(520, 270, 42),
        circ(612, 270, 44),
        circ(705, 262, 40),
      ) +
      g(
        { fill: '#6aab55' },
        circ(80, 240, 26),
        circ(550, 214, 30),
        circ(240, 250, 18),
        circ(690, 250, 18),
      ) +
      path(
        land([
          [0, 356],
          [200, 350],
          [400, 360],
          [600, 350],
          [800, 356],
        ]),
        'url(#grass)',
      ) +
      path('M-20 600 C100 480 300 420 800 390 L800 410 C360 440 200 500 110 600 Z', '#e6d4a8') +
      // bench
      rect(320, 330, 80, 6, '#7a4f2a') +
      rect(320, 318, 80, 5, '#7a4f2a') +
      stroke('M326 336 v14 M394 336 v14', '#3a3a3a', 3) +
      ell(400, 548, 100, 12, '#2f5f22', { opacity: 0.35, filter: 'url(#b)' }) +
      dog +
      circ(640, 540, 16, '#d7f25b') +
      stroke('M626 534 q14 10 28 0', '#fff', 2.5, { fill: 'none' }) +
      ell(646, 560, 16, 4, '#2f5f22', { opacity: 0.35 }) +
      stroke(
        range(40, (i) => `M${(i * 53) % 800} ${470 + ((i * 37) % 130)}l-3 -10m3 10l4 -9`).join(''),
        '#3f7f2a',
        2.5,
        {
          fill: 'none',
        },
      ),
  )
}

scenes['northern-lights-fjord'] = () => {
  const left = 'M0 402 L0 170 L60 196 L130 146 L200 226 L262 262 L330 332 L390 402 Z'
  const right = 'M800 402 L800 150 L740 186 L680 136 L610 216 L560 280 L500 340 L440 402 Z'
  const mid = 'M300 402 L380 332 L430 350 L500 318 L560 362 L600 402 Z'
  // glowing ribbon + vertical curtain rays that fade out towards the top (via a soft mask)
  const ribbon = (id, pts, h, fill, o) => {
    const top = pts.map(([x, y], i) => [x, y - h * (0.7 + 0.3 * Math.sin(i * 1.7))]).reverse()
    const d = `${smooth(pts)}L${smooth(top).slice(1)}Z`
    return (
      `<mask id="${id}">${path(d, 'url(#mk)', { filter: 'url(#b)' })}</mask>` +
      path(d, fill, { filter: 'url(#b)', opacity: o }) +
      rect(0, 0, 800, 402, 'url(#rays)', { mask: `url(#${id})`, opacity: o })
    )
  }
  const aurora =
    ribbon(
      'm1',
      [
        [-40, 250],
        [120, 190],
        [260, 232],
        [420, 160],
        [560, 120],
        [700, 170],
        [840, 110],
      ],
      170,
      'url(#aur)',
      1,
    ) +
    ribbon(
      'm2',
      [
        [200, 300],
        [340, 262],
        [480, 286],
        [620, 236],
        [760, 250],
        [860, 220],
      ],
      110,
      'url(#aur2)',
      0.75,
    )
  const land2 =
    path(mid, '#1c2c46') +
    path(left, '#0d1829') +
    path(right, '#0d1829') +
    path(
      'M130 146 L150 168 L138 166 L126 180 L116 160 Z M680 136 L700 160 L688 158 L678 172 L668 152 Z',
      '#9fb7cf',
      { opacity: 0.6 },
    )
  return svg(
    lin('sky', [
      [0, '#040a1c'],
      [0.6, '#0b2440'],
      [1, '#12385a'],
    ]) +
      lin('aur', [
        [0, '#3cffb0', 0],
        [0.55, '#2ef0a0', 0.5],
        [0.9, '#8dffd2', 0.95],
        [1, '#d8fff0', 1],
      ]) +
      lin('aur2', [
        [0, '#c07cff', 0],
        [0.6, '#8a7cff', 0.35],
        [1, '#5ff2c8', 0.8],
      ]) +
      lin('mk', [
        [0, '#fff', 0],
        [0.7, '#fff', 0.6],
        [1, '#fff', 1],
      ]) +
      `<pattern id="rays" width="9" height="600" patternUnits="userSpaceOnUse"><rect x="2" width="2" height="600" fill="#e0fff4" opacity="0.45"/><rect x="6" width="1" height="600" fill="#e0fff4" opacity="0.3"/></pattern>` +
      lin('water', [
        [0, '#12385a'],
        [1, '#030814'],
      ]) +
      blur('b', 9) +
      blur('b2', 2),
    rect(0, 0, 800, 402, 'url(#sky)') +
      stars(17, 90, 360, 800, 1.3) +
      aurora +
      land2 +
      rect(0, 400, 800, 200, 'url(#water)') +
      g({ transform: 'translate(0 804) scale(1 -1)', opacity: 0.45 }, aurora, land2) +
      g(
        { stroke: '#9fe8d0', strokeWidth: 1.5, opacity: 0.25 },
        ...range(14, (i) =>
          el('line', {
            x1: (i * 113) % 760,
            y1: 420 + i * 12,
            x2: ((i * 113) % 760) + 40,
            y2: 420 + i * 12,
          }),
        ),
      ) +
      // red cabin on shore
      rect(520, 382, 30, 20, '#9b2a22') +
      poly(
        [
          [516, 384],
          [554, 384],
          [535, 368],
        ],
        '#3a1a16',
      ) +
      rect(530, 388, 8, 7, '#ffd36b') +
      rect(529, 406, 10, 10, '#ffd36b', { opacity: 0.25, filter: 'url(#b2)' }) +
      // foreground rocks with snow
      path('M0 600 L0 520 Q50 490 110 506 Q170 520 220 560 L260 600 Z', '#070c18') +
      path('M0 521 Q50 491 110 507 L96 510 Q50 500 0 528 Z', '#c9d8ea', { opacity: 0.5 }) +
      path('M800 600 L800 540 Q740 530 690 560 L650 600 Z', '#070c18'),
    0.4,
  )
}

scenes['farmers-market'] = () => {
  const rand = rng(44)
  const heap = (x, y, w, rr, fill, rows = 3) =>
    range(rows, (row) => {
      const n = Math.floor((w - rr) / (rr * 1.7)) - row
      return range(n, (i) =>
        circ(
          x + rr + row * rr * 0.85 + i * rr * 1.7 + (rand() - 0.5) * 4,
          y - row * rr * 1.1 + (rand() - 0.5) * 4,
          rr,
          fill,
        ),
      ).join('')
    }).join('')
  const crate = (x, y, w, h) =>
    rect(x, y, w, h, '#b8834f') +
    stroke(`M${x} ${y + h / 3}H${x + w}M${x} ${y + (2 * h) / 3}H${x + w}`, '#8a5a2f', 3) +
    rect(x, y, 6, h, '#9a6a3a') +
    rect(x + w - 6, y, 6, h, '#9a6a3a')
  const carrots = (x, y) =>
    range(7, (i) => {
      const cx = x + 12 + i * 22
      return (
        path(`M${cx - 8} ${y}L${cx + 8} ${y}L${cx + 2} ${y + 60}Z`, '#f07a1e', {
          transform: `rotate(${-20 + i * 6} ${cx} ${y})`,
        }) + stroke(`M${cx} ${y}l-6 -20M${cx} ${y}l2 -22M${cx} ${y}l8 -18`, '#4f9a3a', 4)
      )
    }).join('')
  const sign = (x, y) =>
    stroke(`M${x + 30} ${y + 40}v40`, '#6b4a2a', 4) +
    rect(x, y, 60, 42, '#2b2f2e', { rx: 4, stroke: '#8a5a2f', strokeWidth: 3 }) +
    stroke(
      `M${x + 10} ${y + 14}h30M${x + 10} ${y + 26}h20M${x + 34} ${y + 28}l6 -8`,
      '#f4f1ea',
      2.5,
    )
  const scallops = range(10, (i) => `${i === 0 ? 'M0 150' : ''}a40 22 0 0 0 80 0`).join('')
  return svg(
    lin('bg', [
      [0, '#cfe1c4'],
      [1, '#e8d9bd'],
    ]) +
      rad(
        'tom',
        [
          [0, '#ff8a6a'],
          [0.6, '#e0301e'],
          [1, '#9a1a10'],
        ],
        0.35,
        0.3,
        0.7,
      ) +
      rad(
        'let',
        [
          [0, '#c6ef8a'],
          [0.6, '#6fb83e'],
          [1, '#3d7a22'],
        ],
        0.35,
        0.3,
        0.7,
      ) +
      rad(
        'egg',
        [
          [0, '#9a6ad0'],
          [0.6, '#51237a'],
          [1, '#2a0d44'],
        ],
        0.35,
        0.3,
        0.7,
      ) +
      rad(
        'pep',
        [
          [0, '#fff1a0'],
          [0.6, '#f7c21e'],
          [1, '#c48a0a'],
        ],
        0.35,
        0.3,
        0.7,
      ) +
      rad(
        'ora',
        [
          [0, '#ffd08a'],
          [0.6, '#f2891e'],
          [1, '#b5560a'],
        ],
        0.35,
        0.3,
        0.7,
      ) +
      blur('b', 10),
    rect(0, 0, 800, 600, 'url(#bg)') +
      g(
        { filter: 'url(#b)', opacity: 0.8 },
        circ(120, 220, 80, '#8fbf7a'),
        circ(650, 200, 100, '#9fc98a'),
        rect(300, 160, 200, 140, '#e8c9a0'),
        circ(420, 240, 40, '#f2a35a'),
      ) +
      // awning
      rect(0, 0, 800, 150, '#fff8ee') +
      stroke(range(10, (i) => `M${i * 80 + 20} 0V150`).join(''), '#d8342c', 40) +
      path(`${scallops}V130H0Z`, '#fff8ee') +
      path(`${scallops}`, 'none', { stroke: '#b82a22', strokeWidth: 3 }) +
      stroke(range(10, (i) => `M${i * 80 + 20} 128V160`).join(''), '#d8342c', 40, {
        strokeLinecap: 'butt',
        opacity: 0,
      }) +
      rect(0, 150, 800, 14, '#000', { opacity: 0.12 }) +
      rect(30, 150, 14, 450, '#8a5a2f') +
      rect(756, 150, 14, 450, '#8a5a2f') +
      // back tier
      rect(40, 300, 720, 20, '#7a4f2a') +
      heap(60, 282, 160, 18, 'url(#let)') +
      heap(240, 286, 160, 14, 'url(#tom)') +
      heap(420, 288, 150, 13, 'url(#ora)') +
      heap(590, 282, 160, 17, 'url(#let)') +
      crate(50, 282, 170, 70) +
      crate(230, 282, 170, 70) +
      crate(410, 282, 160, 70) +
      crate(580, 282, 170, 70) +
      // front tier
      heap(60, 420, 220, 22, 'url(#tom)') +
      range(6, (i) =>
        ell(330 + (i % 3) * 48, 420 - Math.floor(i / 3) * 22, 26, 14, 'url(#egg)', {
          transform: `rotate(${-15 + i * 7} ${330 + (i % 3) * 48} ${420 - Math.floor(i / 3) * 22})`,
        }),
      ).join('') +
      heap(470, 420, 140, 18, 'url(#pep)') +
      carrots(600, 400) +
      crate(50, 420, 240, 100) +
      crate(300, 420, 150, 100) +
      crate(460, 420, 140, 100) +
      crate(610, 420, 150, 100) +
      sign(120, 360) +
      sign(500, 350) +
      rect(0, 520, 800, 80, '#9b9384') +
      rect(0, 520, 800, 10, '#000', { opacity: 0.15 }) +
      // pumpkins on the ground
      ell(150, 560, 46, 30, 'url(#ora)') +
      stroke('M150 530 v60 M126 534 q-10 26 0 52 M174 534 q10 26 0 52', '#b5560a', 2, {
        fill: 'none',
      }) +
      rect(146, 522, 8, 12, '#4f6a2a') +
      ell(232, 572, 30, 20, 'url(#ora)'),
  )
}

scenes['sailboat-golden-hour'] = () => {
  const boat =
    path('M500 420 L640 420 Q630 442 600 446 L530 446 Q510 440 500 420 Z', '#1d1628') +
    rect(566, 230, 4, 192, '#1d1628') +
    path('M572 236 Q620 320 636 412 L572 412 Z', '#2a2036') +
    path('M564 244 Q520 330 508 412 L564 412 Z', '#2a2036')
  return svg(
    lin('sky', [
      [0, '#463873'],
      [0.38, '#c25f7a'],
      [0.72, '#f39c5a'],
      [1, '#ffd27a'],
    ]) +
      lin('sea', [
        [0, '#f2a65e'],
        [0.15, '#c0706a'],
        [1, '#251f3f'],
      ]) +
      glow('sun', '#fff0c0', 1),
    rect(0, 0, 800, 392, 'url(#sky)') +
      circ(400, 350, 240, 'url(#sun)') +
      circ(400, 352, 48, '#fff4cf') +
      g(
        { fill: '#f7a377', opacity: 0.55 },
        ell(160, 180, 150, 9),
        ell(260, 210, 110, 6),
        ell(620, 150, 170, 10),
        ell(560, 190, 90, 6),
      ) +
      path('M0 392 L0 360 Q60 340 110 352 Q170 338 230 370 L260 392 Z', '#6a3f5f') +
      rect(0, 390, 800, 210, 'url(#sea)') +
      g(
        { fill: '#ffe0a0' },
        ...range(16, (i) => {
          const w = 20 + i * 9 + ((i * 31) % 17)
          return rect(400 - w / 2 + ((i * 53) % 30) - 15, 398 + i * 12, w, 2.6, undefined, {
            opacity: r(0.9 - i * 0.045),
            rx: 1.3,
          })
        }),
      ) +
      g({ transform: 'translate(0 866) scale(1 -1)', opacity: 0.3 }, boat) +
      boat +
      stroke('M572 236 Q620 320 636 412', '#ffc98a', 2, { fill: 'none', opacity: 0.7 }) +
      stroke('M600 446 L530 446', '#ffc98a', 1.5, { opacity: 0.5 }) +
      stroke(
        'M250 140 q8 -8 16 0 q8 -8 16 0 M300 110 q6 -6 12 0 q6 -6 12 0 M220 100 q5 -5 10 0 q5 -5 10 0',
        '#3a2640',
        2.5,
        { fill: 'none' },
      ),
  )
}

scenes['rainy-street-umbrellas'] = () => {
  const rand = rng(77)
  const top = (u) => 20 + 160 * u
  const bot = (u) => 500 - 160 * u
  const fx = (u, side) => (side < 0 ? 320 * u : 800 - 320 * u)
  const quad = (side, u1, u2, v1, v2, fill, o = {}) => {
    const P = (u, v) => [fx(u, side), bot(u) - v * (bot(u) - top(u))]
    return poly([P(u1, v1), P(u2, v1), P(u2, v2), P(u1, v2)], fill, o)
  }
  const us = [0, 0.22, 0.4, 0.55, 0.67, 0.77, 0.85, 0.91, 0.96]
  let facade = ''
  for (const side of [-1, 1]) {
    for (let i = 0; i < us.length - 1; i++) {
      const [a, b] = [us[i] + (us[i + 1] - us[i]) * 0.12, us[i + 1] - (us[i + 1] - us[i]) * 0.12]
      facade += quad(side, a, b, 0.05, 0.32, i % 3 === 1 ? '#ffcf80' : '#ffb865', { opacity: 0.9 })
      for (const v of [0.45, 0.66, 0.86])
        facade += quad(side, a, b, v, v + 0.12, rand() < 0.35 ? '#ffd98f' : '#3b4656', {
          opacity: 0.9,
        })
    }
  }
  const walker = (x, y, s, umb, coat) =>
    g(
      { transform: `translate(${x} ${y}) scale(${s})` },
      line(
        [
          [-8, -60],
          [-12, 0],
        ],
        '#1e222b',
        10,
      ),
      line(
        [
          [8, -60],
          [14, -4],
        ],
        '#1e222b',
        10,
      ),
      path('M-20 -124 L20 -124 L28 -52 L-28 -52 Z', coat),
      circ(0, -136, 11, '#e3b48e'),
      line(
        [
          [14, -118],
          [18, -140],
        ],
        coat,
        8,
      ),
      stroke('M16 -140 L0 -186', '#222', 2.5),
      path(
        'M-74 -180 Q0 -258 74 -180 Q55 -192 37 -180 Q18 -192 0 -180 Q-18 -192 -37 -180 Q-55 -192 -74 -180 Z',
        umb,
      ),
      path('M-74 -180 Q-40 -240 0 -219 Q-30 -210 -37 -180 Q-55 -192 -74 -180Z', '#fff', {
        opacity: 0.15,
      }),
    )
  const lamp = (x, y, h, s) =>
    stroke(`M${x} ${y}v${-h}`, '#2a2f38', 4 * s) +
    circ(x, y - h, 9 * s, '#ffe7b0') +
    circ(x, y - h, 30 * s, 'url(#lampg)')
  const rain = range(90, () => {
    const x = rand() * 840
    const y = rand() * 600
    const l = 12 + rand() * 16
    return `M${r(x)} ${r(y)}l${r(-l * 0.25)} ${r(l)}`
  }).join('')
  const people =
    walker(180, 566, 1.25, '#d8342c', '#2d3a4a') +
    walker(610, 520, 0.95, '#f2c230', '#4a3a36') +
    walker(430, 392, 0.45, '#1fa5a0', '#2a2a32')
  return svg(
    lin('sky', [
      [0, '#5f6d82'],
      [1, '#a9b2be'],
    ]) +
      lin('road', [
        [0, '#5a6270'],
        [1, '#232833'],
      ]) +
      lin(
        'fog',
        [
          [0, '#c6cdd6', 0],
          [1, '#c6cdd6', 0.55],
        ],
        0,
        0,
        1,
        0,
      ) +
      glow('lampg', '#ffdf9a', 0.7) +
      blur('b', 4),
    rect(0, 0, 800, 600, 'url(#sky)') +
      rect(300, 140, 200, 210, '#8a94a3') +
      rect(340, 110, 60, 40, '#7d8796') +
      poly(
        [
          [0, 20],
          [320, 180],
          [320, 340],
          [0, 500],
        ],
        '#4a4350',
      ) +
      poly(
        [
          [800, 20],
          [480, 180],
          [480, 340],
          [800, 500],
        ],
        '#3f4a5a',
      ) +
      facade +
      poly(
        [
          [0, 500],
          [320, 340],
          [480, 340],
          [800, 500],
          [800, 600],
          [0, 600],
        ],
        '#3c424d',
      ) +
      poly(
        [
          [110, 600],
          [362, 342],
          [438, 342],
          [690, 600],
        ],
        'url(#road)',
      ) +
      stroke(
        'M400 350 L400 372 M400 392 L400 430 M400 460 L400 530 M400 560 L400 620',
        '#d9d3c0',
        4,
        { opacity: 0.7 },
      ) +
      // wet reflections
      g(
        { filter: 'url(#b)', opacity: 0.55 },
        ...range(12, (i) => {
          const x = 150 + i * 45
          return rect(
            x,
            380 + ((i * 37) % 60),
            6 + (i % 3) * 3,
            120 + ((i * 53) % 80),
            i % 4 ? '#ffcf80' : '#ff8a6a',
          )
        }),
      ) +
      poly(
        [
          [0, 20],
          [320, 180],
          [480, 180],
          [800, 20],
          [800, 600],
          [0, 600],
        ],
        'url(#fog)',
        { opacity: 0.2 },
      ) +
      lamp(250, 430, 170, 0.8) +
      lamp(560, 420, 150, 0.75) +
      lamp(340, 360, 80, 0.45) +
      people +
      stroke(rain, '#e6edf5', 1.3, { opacity: 0.5 }),
  )
}

scenes['desk-workspace'] = () => {
  const leaf = (a, c, b, w, col) => path(taper(a, c, b, 4, 0, 10, w), col)
  return svg(
    lin('wall', [
      [0, '#e3ebe4'],
      [1, '#cfdcd2'],
    ]) +
      lin('desk', [
        [0, '#e2bf93'],
        [1, '#b98a58'],
      ]) +
      lin(
        'screen',
        [
          [0, '#5b6cf0'],
          [1, '#a56cf0'],
        ],
        0,
        0,
        1,
        1,
      ) +
      lin('metal', [
        [0, '#e3e6ea'],
        [1, '#b8bdc4'],
      ]) +
      lin(
        'light',
        [
          [0, '#fff', 0.6],
          [1, '#fff', 0],
        ],
        1,
        0,
        0,
        1,
      ) +
      blur('b', 8),
    rect(0, 0, 800, 400, 'url(#wall)') +
      poly(
        [
          [620, 0],
          [800, 0],
          [800, 400],
          [360, 400],
        ],
        'url(#light)',
        { opacity: 0.5 },
      ) +
      // wall art + shelf
      rect(90, 60, 130, 160, '#fff') +
      rect(102, 72, 106, 136, '#f2e6d6') +
      circ(155, 120, 30, '#e58a5f') +
      path('M102 208 L140 150 L170 180 L208 130 L208 208 Z', '#2f5d62') +
      rect(560, 150, 180, 10, '#b98a58') +
      rect(580, 110, 40, 40, '#f4f1ea') +
      path('M590 110 q10 -30 20 0', '#4f9159') +
      rect(640, 96, 14, 54, '#c0392b') +
      rect(656, 104, 12, 46, '#2f6f73') +
      rect(670, 100, 14, 50, '#e0b14a') +
      rect(690, 120, 40, 30, '#3c3f46', { rx: 4 }) +
      // desk
      rect(0, 400, 800, 200, 'url(#desk)') +
      rect(0, 398, 800, 6, '#f1d7b4') +
      ell(400, 416, 220, 10, '#6b4a28', { opacity: 0.35, filter: 'url(#b)' }) +
      // laptop
      rect(258, 172, 284, 196, '#2a2d33', { rx: 10 }) +
      rect(270, 184, 260, 168, 'url(#screen)') +
      rect(286, 200, 120, 14, '#fff', { opacity: 0.85, rx: 3 }) +
      rect(286, 224, 70, 56, '#fff', { opacity: 0.6, rx: 4 }) +
      rect(364, 224, 70, 56, '#fff', { opacity: 0.6, rx: 4 }) +
      rect(442, 224, 70, 56, '#fff', { opacity: 0.6, rx: 4 }) +
      rect(286, 290, 226, 46, '#fff', { opacity: 0.35, rx: 4 }) +
      poly(
        [
          [258, 368],
          [542, 368],
          [590, 420],
          [210, 420],
        ],
        'url(#metal)',
      ) +
      poly(
        [
          [278, 374],
          [522, 374],
          [546, 398],
          [254, 398],
        ],
        '#9ea4ac',
      ) +
      stroke('M268 380 H532 M264 386 H536 M260 392 H540', '#c9cdd2', 1.2) +
      rect(360, 402, 80, 13, '#cfd3d8', { rx: 2 }) +
      rect(210, 420, 380, 6, '#8e949b', { rx: 3 }) +
      // plant
      leaf([150, 330], [90, 260], [60, 220], 44, '#2f7a3e') +
      leaf([150, 330], [150, 240], [130, 170], 50, '#3f8f4a') +
      leaf([150, 330], [210, 250], [236, 210], 44, '#2f7a3e') +
      leaf([150, 330], [110, 290], [76, 290], 30, '#4fa35a') +
      leaf([150, 330], [200, 300], [232, 296], 30, '#4fa35a') +
      stroke('M150 330 L80 236 M150 330 L138 190 M150 330 L222 224', '#1f5a2a', 2, {
        opacity: 0.6,
      }) +
      path('M110 320 L190 320 L180 410 L120 410 Z', '#f4efe6') +
      rect(106, 312, 88, 14, '#e6dfd2', { rx: 3 }) +
      // mug + notebook + phone
      rect(626, 332, 56, 70, '#2f6f73', { rx: 8 }) +
      stroke('M682 348 q22 4 0 34', '#2f6f73', 8, { fill: 'none' }) +
      ell(654, 334, 26, 5, '#4a2a16') +
      stroke('M642 320 q-8 -14 0 -28 M660 320 q8 -16 0 -34', '#fff', 3, {
        fill: 'none',
        opacity: 0.7,
      }) +
      poly(
        [
          [600, 470],
          [760, 460],
          [780, 560],
          [610, 574],
        ],
        '#f4ecd8',
      ) +
      poly(
        [
          [600, 470],
          [618, 469],
          [628, 573],
          [610, 574],
        ],
        '#c9553e',
      ) +
      stroke('M640 490 L750 482 M642 510 L752 502 M644 530 L740 523', '#c8bea8', 2) +
      stroke('M650 548 L770 470', '#2a2d33', 5) +
      rect(90, 480, 60, 110, '#1f2228', { rx: 8, transform: 'rotate(-14 120 535)' }) +
      rect(96, 490, 48, 88, '#3a4a6a', { rx: 4, transform: 'rotate(-14 120 535)' }) +
      // glasses
      stroke(
        'M300 520 a22 18 0 1 0 44 0 a22 18 0 1 0 -44 0 M344 516 q12 -8 24 0 M368 520 a22 18 0 1 0 44 0 a22 18 0 1 0 -44 0',
        '#2a2d33',
        4,
        { fill: 'none' },
      ),
  )
}

scenes['sunflower-field'] = () => {
  const rand = rng(90)
  const flower = (x, y, rr, tilt = 0) =>
    path(petals(x, y, 18, rr, rr * 0.22, tilt), '#f2b01e') +
    path(petals(x, y, 18, rr * 0.86, rr * 0.2, tilt + 0.17), '#ffd23a') +
    circ(x, y, rr * 0.42, 'url(#seed)') +
    circ(x, y, rr * 0.42, 'url(#dots)')
  const plant = (x, y, rr, stemBottom) =>
    path(
      taper([x, stemBottom], [x + 10, (y + stemBottom) / 2], [x, y], rr * 0.16, rr * 0.12),
      '#3d7a2a',
    ) +
    path(
      taper(
        [x, y + rr * 1.4],
        [x - rr * 0.7, y + rr * 1.1],
        [x - rr * 1.3, y + rr * 1.6],
        2,
        0,
        10,
        rr * 0.55,
      ),
      '#4a8f33',
    ) +
    path(
      taper(
        [x, y + rr * 2.2],
        [x + rr * 0.7, y + rr * 1.9],
        [x + rr * 1.3, y + rr * 2.4],
        2,
        0,
        10,
        rr * 0.55,
      ),
      '#3d7a2a',
    ) +
    `<use href="#sf" transform="translate(${x} ${y}) scale(${r(rr / 100)})"/>`
  const mid = range(26, (i) => {
    const x = (i * 31 + rand() * 20) % 820
    const y = 400 + rand() * 50
    const rr = 10 + (y - 400) * 0.2
    return (
      circ(x, y, rr, '#f2b01e') + circ(x, y, rr * 0.62, '#ffd23a') + circ(x, y, rr * 0.4, '#5a3415')
    )
  }).join('')
  return svg(
    lin('sky', [
      [0, '#2f86d6'],
      [1, '#c2e6f8'],
    ]) +
      lin('field', [
        [0, '#8aa640'],
        [1, '#3f6f25'],
      ]) +
      rad('seed', [
        [0, '#7a4a1c'],
        [0.7, '#4a2a10'],
        [1, '#2e1808'],
      ]) +
      `<pattern id="dots" width="6" height="6" patternUnits="userSpaceOnUse"><circle cx="3" cy="3" r="1.2" fill="#8a5a24" opacity="0.7"/></pattern>` +
      `<pattern id="far" width="16" height="10" patternUnits="userSpaceOnUse"><rect width="16" height="10" fill="#7e9a36"/><ellipse cx="4" cy="4" rx="4" ry="2.6" fill="#f5c227"/><ellipse cx="12" cy="8" rx="4" ry="2.6" fill="#e8a91d"/></pattern>` +
      `<pattern id="near" width="30" height="20" patternUnits="userSpaceOnUse"><rect width="30" height="20" fill="#6f8f30"/><ellipse cx="8" cy="7" rx="8" ry="5" fill="#f5c227"/><circle cx="8" cy="7" r="2.4" fill="#5a3415"/><ellipse cx="23" cy="16" rx="8" ry="5" fill="#efb21e"/><circle cx="23" cy="16" r="2.4" fill="#5a3415"/></pattern>` +
      `<g id="sf">${flower(0, 0, 100)}</g>`,
    rect(0, 0, 800, 340, 'url(#sky)') +
      cloud(220, 110, 1.1) +
      cloud(560, 70, 0.8, '#fff', { opacity: 0.9 }) +
      cloud(700, 190, 0.5, '#fff', { opacity: 0.85 }) +
      path(
        land(
          [
            [0, 330],
            [120, 316],
            [260, 328],
            [400, 314],
            [560, 326],
            [700, 312],
            [800, 322],
          ],
          346,
        ),
        '#3f6a3a',
      ) +
      rect(0, 340, 800, 260, 'url(#field)') +
      rect(0, 340, 800, 34, 'url(#far)') +
      rect(0, 372, 800, 40, 'url(#near)') +
      mid +
      plant(640, 250, 84, 620) +
      plant(160, 300, 70, 620) +
      plant(420, 380, 56, 620) +
      plant(770, 430, 50, 620) +
      plant(20, 460, 44, 620),
    0.25,
  )
}

scenes['mountain-climber-ridge'] = () => {
  const climber = (x, y, s, jacket) =>
    g(
      { transform: `translate(${x} ${y}) scale(${s})` },
      stroke('M-24 -58 L-30 0', '#3a3a3a', 2.5),
      rect(-22, -92, 18, 34, '#f2a23a', { rx: 5, transform: 'rotate(18 -13 -75)' }),
      line(
        [
          [0, -45],
          [-10, -22],
          [-18, 0],
        ],
        '#2b3445',
        9,
      ),
      line(
        [
          [0, -45],
          [14, -30],
          [18, -12],
        ],
        '#2b3445',
        9,
      ),
      line(
        [
          [0, -45],
          [10, -80],
        ],
        jacket,
        17,
      ),
      line(
        [
          [8, -76],
          [-4, -62],
          [-22, -58],
        ],
        jacket,
        7,
      ),
      line(
        [
          [12, -78],
          [24, -66],
          [34, -74],
        ],
        jacket,
        7,
      ),
      stroke('M34 -88 L36 -56 M28 -88 L40 -90', '#2b2b2b', 3),
      circ(17, -93, 7.5, '#e8b48e'),
      path('M9 -94 A8.5 8.5 0 0 1 26 -95 Z', '#f4d03f'),
    )
  return svg(
    lin('sky', [
      [0, '#1a57a0'],
      [0.7, '#6fa8dc'],
      [1, '#cfe6f7'],
    ]) +
      lin('snow', [
        [0, '#ffffff'],
        [1, '#dfe9f5'],
      ]) +
      lin('shadow', [
        [0, '#8ea8cc'],
        [1, '#5d7aa6'],
      ]) +
      blur('b', 6),
    rect(0, 0, 800, 600, 'url(#sky)') +
      // distant peaks
      path('M0 380 L70 300 L120 330 L190 250 L260 330 L320 360 L0 400 Z', '#eef4fb') +
      path('M190 250 L260 330 L320 360 L230 360 Z', '#a9bcd8') +
      path('M560 380 L640 290 L690 320 L760 240 L800 270 L800 400 Z', '#eef4fb') +
      path('M760 240 L800 270 L800 400 L720 380 Z', '#a9bcd8') +
      // sea of clouds
      g(
        { fill: '#fff', filter: 'url(#b)' },
        ell(100, 410, 180, 40),
        ell(360, 420, 220, 36),
        ell(650, 410, 200, 40),
        ell(240, 440, 260, 30, undefined, { opacity: 0.8 }),
      ) +
      g({ fill: '#dfe8f4' }, ell(120, 450, 200, 26), ell(560, 452, 260, 24)) +
      // ridge: lit face & shadow face
      path(
        'M0 600 L0 520 L120 480 L260 430 L380 370 L470 320 L560 268 L640 226 L680 240 L800 330 L800 600 Z',
        'url(#snow)',
      ) +
      path('M640 226 L680 240 L800 330 L800 600 L500 600 L560 430 L600 330 Z', 'url(#shadow)') +
      path(
        'M0 520 L120 480 L260 430 L380 370 L470 320 L560 268 L640 226 L600 300 L520 330 L420 390 L300 450 L140 510 L0 560 Z',
        '#dbe6f3',
        { opacity: 0.6 },
      ) +
      g(
        { fill: '#3b4250' },
        path('M300 470 L330 452 L346 476 L320 486 Z'),
        path('M150 520 L176 500 L196 520 L170 534 Z'),
        path('M560 330 L590 310 L596 346 L572 356 Z'),
        path('M660 420 L690 400 L700 436 Z'),
      ) +
      stroke('M370 380 Q410 380 444 326', '#f4d03f', 2, { fill: 'none' }) +
      climber(460, 326, 1.2, '#d7392b') +
      climber(352, 384, 0.95, '#2f7fd0'),
  )
}

// The shapes Genviral slideshows use (TikTok and Instagram), in pixels. The file's width and
// height are these; server/demo/scenes.ts states the same for each scene, and a test checks it.
const SHAPES = {
  '9:16': [720, 1280],
  '4:5': [1080, 1350],
  '1:1': [1080, 1080],
  '16:9': [1280, 720],
  '4:3': [800, 600],
}

// Each scene's shape, and where its subject sits on the 800x600 canvas ([x, y]): the window
// of that shape is centred there, as a photographer would crop, then kept inside the canvas.
const FRAMES = {
  'gym-dumbbells': ['9:16', [370, 300]],
  'mountain-lake-sunset': ['16:9', [400, 320]],
  'city-skyline-night': ['16:9', [400, 300]],
  'lighthouse-ocean-waves': ['9:16', [640, 300]],
  'autumn-forest-path': ['4:5', [400, 300]],
  'desert-dunes-camel': ['16:9', [400, 300]],
  'fruit-bowl-table': ['1:1', [400, 300]],
  'latte-art-coffee': ['1:1', [400, 300]],
  'runner-track-sunrise': ['9:16', [400, 300]],
  'beach-yoga': ['4:5', [400, 300]],
  'bicycle-flower-wall': ['4:3', [400, 300]],
  'snowy-cabin-night': ['4:5', [430, 300]],
  'tropical-palm-beach': ['9:16', [330, 300]],
  'hot-air-balloons': ['4:5', [420, 300]],
  'reading-nook': ['4:3', [400, 300]],
  'cat-windowsill': ['1:1', [460, 300]],
  'dog-park': ['16:9', [400, 300]],
  'northern-lights-fjord': ['9:16', [530, 300]],
  'farmers-market': ['4:3', [400, 300]],
  'sailboat-golden-hour': ['9:16', [500, 300]],
  'rainy-street-umbrellas': ['4:5', [400, 300]],
  'desk-workspace': ['4:3', [400, 300]],
  'sunflower-field': ['1:1', [430, 300]],
  'mountain-climber-ridge': ['9:16', [420, 300]],
}

/** The largest window of `shape` inside the 800x600 canvas, centred on `focus` where it fits. */
function frameOf(shape, [fx, fy]) {
  const [width, height] = SHAPES[shape]
  const ratio = width / height
  const w = Math.min(800, 600 * ratio)
  const h = w / ratio
  const clamp = (v, max) => Math.min(Math.max(v, 0), max)
  return { x: clamp(fx - w / 2, 800 - w), y: clamp(fy - h / 2, 600 - h), w, h, width, height }
}

mkdirSync(OUT, { recursive: true })
let total = 0
for (const [slug, make] of Object.entries(scenes)) {
  const frame = FRAMES[slug]
  if (!frame) throw new Error(`No frame for ${slug}`)
  const content = make()(frameOf(...frame))
  writeFileSync(join(OUT, `${slug}.svg`), content)
  total += content.length
  console.log(`${slug}.svg  ${frame[0]}  ${(content.length / 1024).toFixed(1)} KB`)
}
console.log(`${Object.keys(scenes).length} files, ${(total / 1024).toFixed(1)} KB total -> ${OUT}`)
