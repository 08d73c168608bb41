"use client";

import { useTranslations } from "next-intl";
import {
  Button,
  Card,
  CardBody,
  checkboxClasses,
  ChoiceFieldset,
  FormField,
  Input,
  Plus,
  Select,
  Textarea,
  X,
} from "@/components/ui";
import { blankOption, moved, type QuestionRow } from "./model";
import { MoveButtons } from "./move-buttons";

interface QuestionFieldsProps {
  question: QuestionRow;
  index: number;
  count: number;
  maxOptions: number;
  minOptions: number;
  error: (name: string) => string | undefined;
  onChange: (question: QuestionRow) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

/** One quiz question: its prompt, its kind, and its options with the right ones marked. */
export function QuestionFields({
  question,
  index,
  count,
  maxOptions,
  minOptions,
  error,
  onChange,
  onMove,
  onRemove,
}: QuestionFieldsProps) {
  const t = useTranslations("coursesAdmin.editor");
  const id = `question-${question.key}`;
  const name = t("questionN", { n: index + 1 });
  const setOptions = (options: QuestionRow["options"]) => onChange({ ...question, options });

  function mark(key: number, checked: boolean) {
    // A single-choice question has one right answer: marking one unmarks the others.
    setOptions(
      question.options.map((o) =>
        o.key === key
          ? { ...o, isCorrect: checked }
          : question.kind === "single" && checked
            ? { ...o, isCorrect: false }
            : o,
      ),
    );
  }

  function setKind(kind: QuestionRow["kind"]) {
    let seen = false;
    const options =
      kind === "single"
        ? question.options.map((o) => {
            const keep = o.isCorrect && !seen;
            if (o.isCorrect) seen = true;
            return { ...o, isCorrect: keep };
          })
        : question.options;
    onChange({ ...question, kind, options });
  }

  const optionsError = error("options");
  return (
    <Card data-testid="question">
      <CardBody className="flex flex-col gap-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h3 className="text-sm font-semibold text-neutral-900">{name}</h3>
          <div className="flex items-center gap-1">
            <MoveButtons item={name} index={index} count={count} onMove={onMove} />
            <Button
              type="button"
              variant="ghost"
              size="sm"
              onClick={onRemove}
              disabled={count === 1}
              aria-label={t("removeQuestion", { n: index + 1 })}
            >
              <X className="size-4" />
            </Button>
          </div>
        </div>
        <div className="grid gap-4 md:grid-cols-[1fr_16rem]">
          <FormField label={t("prompt")} htmlFor={`${id}-prompt`} error={error("prompt")} required>
            <Textarea
              rows={2}
              value={question.prompt}
              onChange={(e) => onChange({ ...question, prompt: e.target.value })}
            />
          </FormField>
          <FormField label={t("kind")} htmlFor={`${id}-kind`} error={error("kind")}>
            <Select value={question.kind} onChange={(e) => setKind(e.target.value as QuestionRow["kind"])}>
              <option value="single">{t("kinds.single")}</option>
              <option value="multiple">{t("kinds.multiple")}</option>
            </Select>
          </FormField>
        </div>
        <ChoiceFieldset id={`${id}-options`} legend={t("options")} hint={t("optionsHint")} error={optionsError}>
          <ul className="mt-2 flex flex-col gap-2">
            {question.options.map((option, i) => {
              const optionName = t("optionN", { n: i + 1 });
              return (
                <li key={option.key} className="flex items-center gap-2" data-testid="option">
                  <input
                    type={question.kind === "single" ? "radio" : "checkbox"}
                    name={`${id}-correct`}
                    className={checkboxClasses}
                    checked={option.isCorrect}
                    onChange={(e) => mark(option.key, e.target.checked)}
                    aria-label={t("correctFor", { n: i + 1 })}
                  />
                  <FormField
                    label={optionName}
                    htmlFor={`${id}-option-${option.key}`}
                    error={error(`options.${i}.label`)}
                    hideLabel
                    className="flex-1"
                  >
                    <Input
                      value={option.label}
                      placeholder={optionName}
                      dir="auto"
                      onChange={(e) =>
                        setOptions(
                          question.options.map((o) => (o.key === option.key ? { ...o, label: e.target.value } : o)),
                        )
                      }
                    />
                  </FormField>
                  <MoveButtons
                    item={optionName}
                    index={i}
                    count={question.options.length}
                    onMove={(by) => setOptions(moved(question.options, i, by))}
                  />
                  <Button
                    type="button"
                    variant="ghost"
                    size="sm"
                    disabled={question.options.length <= minOptions}
                    onClick={() => setOptions(question.options.filter((o) => o.key !== option.key))}
                    aria-label={t("removeOption", { n: i + 1 })}
                  >
                    <X className="size-4" />
                  </Button>
                </li>
              );
            })}
          </ul>
          <Button
            type="button"
            variant="secondary"
            size="sm"
            className="mt-2"
            disabled={question.options.length >= maxOptions}
            onClick={() => setOptions([...question.options, blankOption()])}
          >
            <Plus className="size-4" />
            {t("addOption")}
          </Button>
        </ChoiceFieldset>
      </CardBody>
    </Card>
  );
}
