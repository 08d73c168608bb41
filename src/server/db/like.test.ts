import { describe, expect, it } from "vitest";
import { containsPattern } from "./like";

describe("containsPattern", () => {
  it("takes the user's wildcards literally", () => {
    expect(containsPattern("a_b%c")).toBe("%a\\_b\\%c%");
    expect(containsPattern("back\\slash")).toBe("%back\\\\slash%");
  });
});
