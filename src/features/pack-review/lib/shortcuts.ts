/** Every keyboard shortcut of the pack page, as the shortcuts dialog lists them. */
export const SHORTCUTS: [keys: string[], action: string][] = [
  [['/'], 'Focus search'],
  [['←', '→', '↑', '↓'], 'Move between images in the gallery'],
  [['Home', 'End'], 'First or last image in the gallery'],
  [['Enter'], 'Open the focused image'],
  [['n'], 'Next problem: Error, Pending, Processing, Unknown or a QA flag'],
  [['Shift', 'N'], 'Previous problem'],
  [['←', '→'], 'Previous or next image, in the image view'],
  [['z'], 'Actual size or fit to window, in the image view'],
  [['-', '='], 'Smaller or larger thumbnails'],
  [['['], 'Show or hide the filters rail'],
  [['Esc'], 'Close the image view or this list'],
  [['?'], 'Show these shortcuts'],
]
