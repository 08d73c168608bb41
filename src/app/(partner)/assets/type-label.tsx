import { Box, FileText, Globe, Target, type IconComponent } from "@/components/ui";
import type { LibraryType } from "@/server/domains/enablement/assets-input";

/** The icon a card shows for a type without a thumbnail. */
export const TYPE_ICON: Record<LibraryType, IconComponent> = {
  pdf: FileText,
  image: FileText,
  zip: Box,
  link: Globe,
  cobrand: Target,
};
