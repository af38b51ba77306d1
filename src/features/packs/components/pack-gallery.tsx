import type { PackImage } from '../api/pack-schema'
import { ImageCard } from './image-card'

/** Every image, in API order. */
export function PackGallery({ images }: { images: readonly PackImage[] }) {
  return (
    <ul
      aria-label="Images"
      className="grid grid-cols-1 gap-4 min-[440px]:grid-cols-2 md:grid-cols-3 xl:grid-cols-4"
    >
      {images.map((image, index) => (
        <li
          key={`${image.id}-${index}`}
          className="[contain-intrinsic-size:auto_380px] [content-visibility:auto]"
        >
          <ImageCard image={image} position={index + 1} />
        </li>
      ))}
    </ul>
  )
}
