const base =
  'inline-flex items-center justify-center gap-2 rounded-lg px-4 py-2 text-sm font-semibold transition-colors disabled:cursor-not-allowed disabled:opacity-60'

export const buttonStyles = {
  primary: `${base} bg-indigo-700 text-white shadow-sm hover:bg-indigo-800`,
  /** For the one button that records a negative decision (Reject). */
  danger: `${base} bg-rose-700 text-white shadow-sm hover:bg-rose-800`,
  secondary: `${base} bg-white text-slate-800 ring-1 ring-slate-300 ring-inset hover:bg-slate-50`,
}
