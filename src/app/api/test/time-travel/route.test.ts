import { describe, expect, it } from "vitest";
import { POST } from "./route";

describe("time travel", () => {
  it("does not exist unless the end-to-end server turns it on", async () => {
    const response = await POST(
      new Request("http://localhost/api/test/time-travel", { method: "POST", body: JSON.stringify({ days: 31 }) }),
    );
    expect(response.status).toBe(404);
  });
});
