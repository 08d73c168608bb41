"use client";

import { useTranslations } from "next-intl";
import { ArrowDown, ArrowUp, Button } from "@/components/ui";

/** Up and down for an item of an ordered list, named after the item for screen readers. */
export function MoveButtons({
  item,
  index,
  count,
  onMove,
}: {
  item: string;
  index: number;
  count: number;
  onMove: (by: -1 | 1) => void;
}) {
  const t = useTranslations("coursesAdmin.editor");
  return (
    <>
      <Button
        type="button"
        variant="ghost"
        size="sm"
        onClick={() => onMove(-1)}
        disabled={index === 0}
        aria-label={t("moveUp", { item })}
      >
        <ArrowUp className="size-4" />
      </Button>
      <Button
        type="button"
        variant="ghost"
        size="sm"
        onClick={() => onMove(1)}
        disabled={index === count - 1}
        aria-label={t("moveDown", { item })}
      >
        <ArrowDown className="size-4" />
      </Button>
    </>
  );
}
