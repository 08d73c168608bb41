/** The editor's working copy of a course version: lists carry keys so rows keep their identity when moved. */
export interface LessonRow {
  key: number;
  title: string;
  body: string;
  videoUrl: string;
}
export interface OptionRow {
  key: number;
  label: string;
  isCorrect: boolean;
}
export interface QuestionRow {
  key: number;
  prompt: string;
  kind: "single" | "multiple";
  options: OptionRow[];
}
export interface CourseForm {
  title: string;
  summary: string;
  language: "en" | "ar";
  minTierId: string;
  passMarkPercent: string;
  attemptLimit: string;
  validityMonths: string;
  lessons: LessonRow[];
  questions: QuestionRow[];
}

/** A version as the server gives it (the editor's starting point). */
export interface CourseContentView {
  title: string;
  summary: string;
  language: "en" | "ar";
  minTierId: string | null;
  passMarkPercent: number;
  attemptLimit: number;
  validityMonths: number;
  lessons: { title: string; body: string; videoUrl: string | null }[];
  questions: { prompt: string; kind: "single" | "multiple"; options: { label: string; isCorrect: boolean }[] }[];
}

export interface TierChoice {
  id: string;
  label: string;
}

// Rows the page starts with are keyed by position (the same on the server and in the browser, so
// the ids rendered from them hydrate); rows added later count on from far above them.
let nextKey = 1_000_000;
export const newKey = () => nextKey++;

export const blankOption = (isCorrect = false): OptionRow => ({ key: newKey(), label: "", isCorrect });
export const blankLesson = (): LessonRow => ({ key: newKey(), title: "", body: "", videoUrl: "" });
export const blankQuestion = (): QuestionRow => ({
  key: newKey(),
  prompt: "",
  kind: "single",
  options: [blankOption(true), blankOption()],
});

export function formOf(content: CourseContentView | null, language: "en" | "ar"): CourseForm {
  if (!content)
    return {
      title: "",
      summary: "",
      language,
      minTierId: "",
      passMarkPercent: "80",
      attemptLimit: "3",
      validityMonths: "12",
      lessons: [{ key: 1, title: "", body: "", videoUrl: "" }],
      questions: [
        {
          key: 1,
          prompt: "",
          kind: "single",
          options: [
            { key: 1, label: "", isCorrect: true },
            { key: 2, label: "", isCorrect: false },
          ],
        },
      ],
    };
  return {
    title: content.title,
    summary: content.summary,
    language: content.language,
    minTierId: content.minTierId ?? "",
    passMarkPercent: String(content.passMarkPercent),
    attemptLimit: String(content.attemptLimit),
    validityMonths: String(content.validityMonths),
    lessons: content.lessons.map((l, i) => ({ key: i + 1, title: l.title, body: l.body, videoUrl: l.videoUrl ?? "" })),
    questions: content.questions.map((q, i) => ({
      key: i + 1,
      prompt: q.prompt,
      kind: q.kind,
      options: q.options.map((o, j) => ({ key: j + 1, label: o.label, isCorrect: o.isCorrect })),
    })),
  };
}

/** A whole number as typed, or NaN (the server then says what the field needs). */
const whole = (text: string) => (/^\s*\d{1,4}\s*$/.test(text) ? Number(text) : Number.NaN);

/** What the server's course input takes, from the working copy. */
export function contentOf(form: CourseForm) {
  return {
    title: form.title,
    summary: form.summary,
    language: form.language,
    minTierId: form.minTierId || null,
    passMarkPercent: whole(form.passMarkPercent),
    attemptLimit: whole(form.attemptLimit),
    validityMonths: whole(form.validityMonths),
    lessons: form.lessons.map((l) => ({ title: l.title, body: l.body, videoUrl: l.videoUrl.trim() || null })),
    questions: form.questions.map((q) => ({
      prompt: q.prompt,
      kind: q.kind,
      options: q.options.map((o) => ({ label: o.label, isCorrect: o.isCorrect })),
    })),
  };
}

/** The list with the item at `index` moved by `by` places (out-of-range moves change nothing). */
export function moved<T>(list: T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= list.length) return list;
  const next = [...list];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}
