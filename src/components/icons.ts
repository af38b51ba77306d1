// One icon per concept, so that the same thing looks the same on every page.
export {
  CircleAlert as ErrorIcon,
  Globe as PublicIcon,
  Images as ImageCountIcon,
  Lock as PrivateIcon,
  RotateCw as RefreshIcon,
  SearchX as NoMatchesIcon,
} from 'lucide-react'
