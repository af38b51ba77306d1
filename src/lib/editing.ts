/** Why every control that changes a pack is disabled, where the server does not allow it. */
export const EDITING_OFF = 'Editing is turned off on this server'
