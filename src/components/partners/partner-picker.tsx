"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState, type KeyboardEvent } from "react";
import { cn, fieldControlClasses, useFieldControl } from "@/components/ui";
import { useTRPC } from "@/trpc/client";

export interface PartnerChoice {
  id: string;
  name: string;
}

/**
 * A partner chosen by typing part of its name: the server returns the first matches, so a
 * program with ten thousand partners ships none of them with the page. The chosen id travels in
 * a hidden input named `name`; an empty field means "any partner". Keyboard: arrows move,
 * Enter picks, Escape closes (WAI-ARIA combobox with a list popup). Inside a FormField the text
 * input takes the field's id, `aria-invalid` and `aria-describedby`.
 */
export function PartnerPicker({
  id,
  name,
  initial = null,
  className,
  activeOnly = false,
  exclude,
  onChange,
}: {
  /** The text input's id; from the enclosing FormField when absent. */
  id?: string;
  name: string;
  initial?: PartnerChoice | null;
  className?: string;
  /** Offer active partners only (where the choice receives work: reassigning, adjusting). */
  activeOnly?: boolean;
  /** A partner not to offer (the lead's own, when reassigning it). */
  exclude?: string;
  onChange?: (choice: PartnerChoice | null) => void;
}) {
  const control = useFieldControl({ id });
  const t = useTranslations("partnerPicker");
  const trpc = useTRPC();
  const listId = useId();
  const [chosen, setChosen] = useState<PartnerChoice | null>(initial);
  const [text, setText] = useState(initial?.name ?? "");
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  // Ask the server once typing pauses, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 200);
    return () => clearTimeout(timer);
  }, [text]);
  const results = useQuery({
    ...trpc.manage.leads.partnerSearch.queryOptions({ q: query, activeOnly }),
    enabled: open,
    staleTime: 30_000,
  });
  const options = (results.data ?? []).filter((option) => option.id !== exclude);

  function choose(choice: PartnerChoice | null) {
    setChosen(choice);
    onChange?.(choice);
  }

  function pick(choice: PartnerChoice) {
    choose({ id: choice.id, name: choice.name });
    setText(choice.name);
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        return;
      }
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (options.length ? (i + step + options.length) % options.length : 0));
    } else if (event.key === "Enter" && open && options[active]) {
      event.preventDefault(); // pick, do not submit the form yet
      pick(options[active]);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
    }
  }

  const optionId = (i: number) => `${listId}-option-${i}`;
  return (
    <div className={cn("relative", className)}>
      <input type="hidden" name={name} value={chosen?.id ?? ""} />
      <input
        {...control}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && options[active] ? optionId(active) : undefined}
        placeholder={t(activeOnly ? "placeholderChoose" : "placeholder")}
        value={text}
        dir="auto"
        className={cn(fieldControlClasses, "h-9 px-3")}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
          setOpen(true);
          // Typing over a choice undoes it; an empty field is "any partner".
          if (chosen && event.target.value !== chosen.name) choose(null);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {open ? (
        <ul
          id={listId}
          role="listbox"
          aria-label={t("label")}
          className="absolute inset-x-0 top-full z-20 mt-1 max-h-64 overflow-auto rounded-md border border-border bg-surface py-1 text-sm shadow-lg"
        >
          {results.isPending ? (
            <li role="presentation" className="px-3 py-2 text-muted">
              {t("searching")}
            </li>
          ) : options.length === 0 ? (
            <li role="presentation" className="px-3 py-2 text-muted">
              {t("none")}
            </li>
          ) : (
            options.map((option, i) => (
              <li
                key={option.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                data-testid="partner-option"
                className={cn(
                  "cursor-pointer px-3 py-2",
                  i === active ? "bg-brand-50 text-brand-800" : "text-neutral-900",
                )}
                // mousedown, not click: it lands before the input's blur closes the list
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(option);
                }}
                onMouseEnter={() => setActive(i)}
              >
                <span dir="auto">{option.name}</span>
                {option.status !== "active" ? <span className="ms-2 text-xs text-muted">{t("suspended")}</span> : null}
              </li>
            ))
          )}
        </ul>
      ) : null}
    </div>
  );
}
