import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { ErrorIcon } from '@/components/icons'
import { ModalDialog } from '@/components/modal-dialog'
import { addImages } from '@/features/pack-edit/lib/remove-images'
import { uploadFile } from '@/features/pack-edit/api/upload-file'
import {
  createAddQueue,
  type Adder,
  type AddRow,
  type FileToSend,
} from '@/features/pack-edit/lib/add-queue'
import { checkImageFile } from '@/features/pack-edit/lib/image-files'
import { keepLines, MAX_URLS_AT_ONCE, parseImageUrls } from '@/features/pack-edit/lib/image-urls'
import { asApiError } from '@/features/pack-edit/lib/retry-metadata'
import { AddImagesProgress } from './add-images-progress'
import { ImageFilePicker, type RefusedFile } from './image-file-picker'
import { ImageUrlField } from './image-url-field'
import { StopAddingPanel } from './stop-adding-panel'

let nextRefusedKey = 0
/** The sticky row of buttons, about. */
const BUTTONS_HEIGHT = 72

const isBusy = (row: AddRow) => row.status.phase !== 'added' && row.status.phase !== 'failed'

/**
 * `Add images`: image URLs pasted one a line and image files chosen or dropped, added to the
 * pack. URLs go one at a time in the order given; files are uploaded a couple at a time
 * through our server. The dialog stays open with every image's outcome until the person
 * closes it: a failed one keeps its row, its reason and `Retry`. Closing while images are
 * still on their way asks first (`Keep adding` / `Stop and close`).
 */
export function AddImagesDialog({
  packId,
  packName,
  asWriter,
  onImagesAdded,
  onClose,
}: {
  packId: string
  packName: string
  /** Runs `go` as the person adding (asking their name first when nobody is known). */
  asWriter: (go: (by: Adder) => void) => void
  /** Images were added (or may have been): the pack is read again. */
  onImagesAdded: () => void
  onClose: () => void
}) {
  const [text, setText] = useState('')
  const [chosen, setChosen] = useState<FileToSend[]>([])
  const [refusedFiles, setRefusedFiles] = useState<RefusedFile[]>([])
  const [problem, setProblem] = useState<string | null>(null)
  const [asking, setAsking] = useState(false)
  const textRef = useRef<HTMLTextAreaElement>(null)
  const progressRef = useRef<HTMLDivElement>(null)

  const [queue] = useState(() =>
    createAddQueue({
      addUrl: (url, by) =>
        addImages(packId, [url], { ...by, intent: 'add' }).then(([outcome]) =>
          outcome!.added ? null : outcome!.error,
        ),
      upload: (file, by, onProgress, signal) =>
        uploadFile(
          packId,
          file.file,
          file,
          { ...by, intent: 'upload' },
          {
            onProgress: ({ loaded, sent }) => onProgress(loaded, sent),
            signal,
          },
        ).then(
          () => null,
          (error: unknown) => asApiError(error),
        ),
    }),
  )
  useEffect(() => queue.whenAdded(onImagesAdded), [queue, onImagesAdded])
  const rows = useSyncExternalStore(queue.subscribe, queue.rows)
  const given = useMemo(
    () => new Set(rows.flatMap((row) => (row.kind === 'url' ? [row.url] : []))),
    [rows],
  )
  const list = useMemo(() => parseImageUrls(text, given), [text, given])
  const running = rows.some(isBusy)

  useEffect(() => textRef.current?.focus(), [])
  // Leaving the page would break off the uploads: the browser asks first.
  useEffect(() => {
    if (!running) return
    const warn = (event: BeforeUnloadEvent) => event.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [running])

  const takeFiles = (files: readonly File[]) => {
    setProblem(null)
    const next: FileToSend[] = []
    const refused: RefusedFile[] = []
    const same = (a: File, b: Blob) =>
      b instanceof File &&
      a.name === b.name &&
      a.size === b.size &&
      a.lastModified === b.lastModified
    for (const file of files) {
      const checked = checkImageFile(file)
      const key = `r${nextRefusedKey++}`
      if (!checked.ok) refused.push({ key, name: file.name, why: checked.why })
      else if ([...chosen, ...next].some((given) => same(file, given.file))) {
        refused.push({ key, name: file.name, why: 'already in the list' })
      } else next.push({ file, contentType: checked.contentType, fileName: checked.fileName })
    }
    setChosen((old) => [...old, ...next])
    setRefusedFiles((old) => [...old, ...refused])
  }
  useFileDrop(takeFiles)

  const submit = () => {
    setProblem(null)
    if (list.tooMany) {
      setProblem(`At most ${MAX_URLS_AT_ONCE} URLs at a time: remove some lines, then add them.`)
      textRef.current?.focus()
      return
    }
    if (list.urls.length + chosen.length === 0) {
      setProblem(
        list.refused.length > 0 || refusedFiles.length > 0
          ? 'Nothing here can be added: see why under each field.'
          : 'Paste image URLs or choose image files first.',
      )
      return
    }
    const { urls } = list
    const files = chosen
    // A repeat of a URL sent now goes with it; the other refused lines stay, to be put right.
    const unsent = new Set(
      list.refused.filter(({ text: line }) => !urls.includes(line)).map(({ line }) => line),
    )
    asWriter((by) => {
      queue.addUrls(urls, by)
      queue.addFiles(files, by)
      // What was sent leaves the fields.
      setText((current) => (current === text ? keepLines(text, unsent) : current))
      setChosen((old) => old.filter((file) => !files.includes(file)))
      requestAnimationFrame(() => revealInDialog(progressRef.current))
    })
  }

  const close = () => (running ? setAsking(true) : onClose())
  const count = list.urls.length + chosen.length
  const name = packName.trim() || 'Untitled pack'
  return (
    <ModalDialog
      title={`Add images to ${name}`}
      description="New images go at the end of the pack. Their descriptions and keywords are made after they are added."
      width="lg"
      stickyButtons
      submit={{
        label:
          count === 0
            ? 'Add images'
            : `Add ${count.toLocaleString('en-US')} image${count === 1 ? '' : 's'}`,
      }}
      cancelLabel={rows.length === 0 ? 'Cancel' : running ? 'Close' : 'Done'}
      onSubmit={submit}
      onCancel={close}
    >
      <ImageUrlField
        value={text}
        onChange={(next) => {
          setText(next)
          setProblem(null)
        }}
        list={list}
        inputRef={textRef}
      />
      <ImageFilePicker
        chosen={chosen}
        refused={refusedFiles}
        onFiles={takeFiles}
        onRemove={(file) => setChosen((old) => old.filter((given) => given !== file))}
      />
      {problem !== null && (
        <p role="alert" className="flex items-start gap-1.5 text-sm font-medium text-red-800">
          <ErrorIcon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          {problem}
        </p>
      )}
      {rows.length > 0 && (
        <div ref={progressRef}>
          <AddImagesProgress rows={rows} onRetry={queue.retry} />
        </div>
      )}
      {asking && running && (
        <StopAddingPanel
          waiting={rows.filter(isBusy).length}
          onKeep={() => setAsking(false)}
          onStop={() => {
            queue.stop()
            onClose()
          }}
        />
      )}
    </ModalDialog>
  )
}

/**
 * Scrolls the dialog (not the page under it) to show as much of `element` as fits above its
 * buttons, its top first.
 */
function revealInDialog(element: HTMLElement | null) {
  const dialog = element?.closest('dialog')
  if (!element || !dialog) return
  const { top, bottom } = element.getBoundingClientRect()
  const box = dialog.getBoundingClientRect()
  // The buttons stay at the bottom, over what scrolls.
  const hidden = bottom - (box.bottom - BUTTONS_HEIGHT)
  if (hidden > 0) dialog.scrollTop += Math.min(hidden, top - box.top - 16)
}

/**
 * While the dialog is open, files dropped anywhere on the page are taken, and a drop beside
 * the zone does not open the file in the tab instead (which would leave the page).
 */
function useFileDrop(take: (files: readonly File[]) => void) {
  const latest = useRef(take)
  useEffect(() => {
    latest.current = take
  })
  useEffect(() => {
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return
      event.preventDefault()
      event.dataTransfer!.dropEffect = 'copy'
    }
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return
      event.preventDefault()
      latest.current([...event.dataTransfer!.files])
    }
    window.addEventListener('dragover', over)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragover', over)
      window.removeEventListener('drop', drop)
    }
  }, [])
}
