import { describe, expect, it } from "vitest";
import { blankLesson, contentOf, formOf, moved } from "./model";

describe("the course editor's working copy", () => {
  it("keys the rows it starts with by position, so server and browser render the same ids", () => {
    expect(formOf(null, "ar")).toMatchObject({ language: "ar", lessons: [{ key: 1 }], questions: [{ key: 1 }] });
    expect(formOf(null, "en")).toEqual(formOf(null, "en"));
    expect(blankLesson().key).toBeGreaterThan(1000);
  });

  it("sends what the server takes: numbers as numbers, an empty video and tier as null", () => {
    const form = { ...formOf(null, "en"), passMarkPercent: " 75 ", attemptLimit: "x", minTierId: "" };
    form.lessons = [{ ...form.lessons[0]!, videoUrl: "  " }];
    const content = contentOf(form);
    expect(content).toMatchObject({ passMarkPercent: 75, minTierId: null, lessons: [{ videoUrl: null }] });
    expect(content.attemptLimit).toBeNaN();
  });

  it("moves rows by one place, and not past either end", () => {
    expect(moved([1, 2, 3], 0, 1)).toEqual([2, 1, 3]);
    expect(moved([1, 2, 3], 2, -1)).toEqual([1, 3, 2]);
    expect(moved([1, 2, 3], 0, -1)).toEqual([1, 2, 3]);
    expect(moved([1, 2, 3], 2, 1)).toEqual([1, 2, 3]);
  });
});
