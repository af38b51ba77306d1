/** Every keyboard shortcut of the pack page, as the shortcuts dialog lists them. */
export const SHORTCUTS: [keys: string[], action: string][] = [
  [['/'], 'Focus search'],
  [['←', '→', '↑', '↓'], 'Move between images in the gallery'],
  [['Home', 'End'], 'First or last image in the gallery'],
  [['Enter'], 'Open the focused image'],
  [['n'], 'Next image with status Error or Pending'],
  [['←', '→'], 'Previous or next image, in the image view'],
  [['z'], 'Actual size or fit to window, in the image view'],
  [['Esc'], 'Close the image view or this list'],
  [['?'], 'Show these shortcuts'],
]
