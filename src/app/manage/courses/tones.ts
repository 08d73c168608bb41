import type { BadgeTone } from "@/components/ui";

/** How a course's (or a version's) status reads at a glance. */
export const STATUS_TONE: Record<"published" | "draft" | "retired" | "superseded", BadgeTone> = {
  published: "success",
  draft: "neutral",
  retired: "danger",
  superseded: "neutral",
};
