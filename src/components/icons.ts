// One icon per concept, so that the same thing looks the same on every page.
export {
  CircleAlert as ErrorIcon,
  Globe as PublicIcon,
  ImageMinus as RemoveImageIcon,
  Images as ImageCountIcon,
  Lock as PrivateIcon,
  RotateCw as RefreshIcon,
  SearchX as NoMatchesIcon,
  WandSparkles as RetryMetadataIcon,
} from 'lucide-react'
