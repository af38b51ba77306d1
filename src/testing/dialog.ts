/**
 * jsdom has `<dialog>` without its modal methods: enough of them for components that open
 * one, so their tests can run. Esc, focus trapping and inertness are the browser's, and are
 * checked in the e2e tests.
 */
export function stubDialogMethods(): void {
  const proto = HTMLDialogElement.prototype
  if (typeof proto.showModal === 'function') return
  Object.assign(proto, {
    showModal(this: HTMLDialogElement) {
      this.setAttribute('open', '')
    },
    close(this: HTMLDialogElement) {
      this.removeAttribute('open')
      this.dispatchEvent(new Event('close'))
    },
  })
}
